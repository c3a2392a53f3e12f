// The call display, live: the office's calls arrive as Server-Sent Events (the display's
// cookie authenticates the stream; EventSource reconnects by itself and sends Last-Event-ID,
// so nothing is missed). Without this script the page reloads itself every few seconds.
(function () {
  'use strict';
  var root = document.getElementById('display');
  if (!root || !window.EventSource) return;
  var lastId = Number(root.getAttribute('data-last-id')) || 0;
  var keep = Number(root.getAttribute('data-keep')) || 7;
  var nowTicket = document.getElementById('now-ticket');
  var nowCounter = document.getElementById('now-counter');
  var list = document.getElementById('calls');
  var sound = document.getElementById('sound');
  var audio = null;

  // A two-tone chime, only after "Sound on" was pressed (browsers block sound until then).
  function chime() {
    if (!audio) return;
    var t = audio.currentTime + 0.05;
    [[784, 0], [587, 0.4]].forEach(function (note) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = note[0];
      gain.gain.setValueAtTime(0.0001, t + note[1]);
      gain.gain.exponentialRampToValueAtTime(0.5, t + note[1] + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + note[1] + 0.9);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start(t + note[1]);
      osc.stop(t + note[1] + 1);
    });
  }

  var Context = window.AudioContext || window.webkitAudioContext;
  if (sound && Context) {
    sound.hidden = false;
    sound.addEventListener('click', function () {
      if (audio) {
        audio.close();
        audio = null;
      } else {
        audio = new Context();
        chime();
      }
      var on = audio !== null;
      sound.setAttribute('aria-pressed', on ? 'true' : 'false');
      sound.textContent = sound.getAttribute(on ? 'data-off' : 'data-on');
    });
  }

  function row(ticket, counter) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-ticket', ticket);
    var a = document.createElement('td');
    a.className = 'call-ticket';
    a.textContent = ticket;
    var b = document.createElement('td');
    b.className = 'call-counter';
    b.textContent = counter;
    tr.appendChild(a);
    tr.appendChild(b);
    return tr;
  }

  // The new call goes to the big box; the one it replaces moves to the top of the list. A
  // ticket called again (or sent to another counter) is listed once, with its latest counter.
  function show(call) {
    var previous = nowTicket.textContent;
    var previousCounter = nowCounter.textContent;
    Array.prototype.slice.call(list.rows).forEach(function (tr) {
      var t = tr.getAttribute('data-ticket');
      if (t === call.ticket || t === previous) tr.parentNode.removeChild(tr);
    });
    if (previous && previous !== call.ticket) {
      list.insertBefore(row(previous, previousCounter), list.firstChild);
    }
    while (list.rows.length > keep) list.deleteRow(-1);
    var empty = document.getElementById('now-empty');
    if (empty) empty.parentNode.removeChild(empty);
    nowCounter.parentNode.hidden = false;
    nowTicket.textContent = call.ticket;
    nowCounter.textContent = call.counter || '';
    root.classList.remove('flash');
    void root.offsetWidth; // restarts the highlight animation
    root.classList.add('flash');
    chime();
  }

  var source = new EventSource(root.getAttribute('data-events'));
  source.addEventListener('call', function (event) {
    var id = Number(event.lastEventId) || 0;
    // A new connection first replays today's latest calls: those are on the page already.
    if (id && id <= lastId) return;
    lastId = Math.max(lastId, id);
    var call;
    try {
      call = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (call && call.ticket) show(call);
  });
  source.addEventListener('error', function () {
    // Refused for good (e.g. the display was revoked): reload, the page then says why.
    if (source.readyState === EventSource.CLOSED) {
      setTimeout(function () { window.location.reload(); }, 10000);
    }
  });
})();
