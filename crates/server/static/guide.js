// Guidance pages: a "Print this list" button. Without JavaScript the button stays hidden and
// the browser's own Print command gives the same printout (the print stylesheet is in app.css).
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
})();
