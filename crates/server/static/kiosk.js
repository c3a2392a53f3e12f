// The kiosk, a little smoother. Without this script every key of the pad is a form post (the
// server adds the digit) and a screen with something left on it reloads itself empty after a
// minute; with it, keys need no round trip and the minute counts from the last touch.
(function () {
  'use strict';
  var screen = document.querySelector('[data-kiosk-idle]');
  var form = document.querySelector('.kiosk-form');
  var input = form ? form.querySelector('#pin') : null;
  var seconds = screen ? Number(screen.getAttribute('data-kiosk-idle')) : 0;
  // A message, another language or a ticket choice is on the screen: clear it for the next
  // person even if nothing was typed.
  var leftOver = screen !== null && screen.hasAttribute('data-kiosk-reset');
  var timer = null;

  function restartTimer() {
    clearTimeout(timer);
    if (!seconds) return;
    timer = setTimeout(function () {
      if (leftOver || (input && input.value)) window.location.href = '/kiosk';
    }, seconds * 1000);
  }

  ['pointerdown', 'keydown', 'input'].forEach(function (name) {
    document.addEventListener(name, restartTimer, { passive: true });
  });
  restartTimer();

  if (!form || !input) return;
  form.addEventListener('click', function (event) {
    var key = event.target.closest('button[name="key"]');
    if (!key || key.value === 'ok') return;
    event.preventDefault();
    var digits = input.value.replace(/\D/g, '');
    if (key.value === 'del') {
      digits = digits.slice(0, -1);
    } else if (digits.length < 4) {
      digits += key.value;
    }
    input.value = digits;
  });
})();
