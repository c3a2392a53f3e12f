// The clerk's console refreshes itself, so that new arrivals appear in the queue. It waits
// while the clerk is busy: typing, a changed field, a message to read, or recent activity.
(function () {
  'use strict';
  var root = document.getElementById('floor');
  if (!root) return;
  var seconds = Number(root.getAttribute('data-refresh')) || 10;
  var home = root.getAttribute('data-home');
  var last = Date.now();

  ['pointerdown', 'pointermove', 'keydown', 'scroll', 'focusin'].forEach(function (name) {
    window.addEventListener(name, function () { last = Date.now(); }, { passive: true });
  });

  function busy() {
    if (Date.now() - last < seconds * 1000) return true;
    if (document.visibilityState !== 'visible') return true;
    if (document.querySelector('.error-summary')) return true;
    var active = document.activeElement;
    if (active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) return true;
    return Array.prototype.some.call(document.querySelectorAll('input[type="text"]'), function (i) {
      return i.value !== i.defaultValue;
    });
  }

  setInterval(function () {
    if (busy()) return;
    // After a form that answered in place, go back to the console's own address: reloading
    // would send the form again.
    if (window.location.pathname === home) {
      window.location.reload();
    } else {
      window.location.replace(home);
    }
  }, 1000 * Math.max(seconds / 2, 2));
})();
