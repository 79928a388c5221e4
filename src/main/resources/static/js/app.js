// Sends the CSRF token with every htmx request; no inline script anywhere (CSP: script-src 'self').
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// Forms that ask before a destructive action carry data-confirm="…".
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// A row marked data-scroll-row scrolls sideways on a phone: then it takes keyboard focus (arrow keys
// scroll it) and shows its current item (aria-current); at desk width it wraps and is not a tab stop.
function wusheScrollRows(initial) {
  document.querySelectorAll('[data-scroll-row]').forEach(function (row) {
    if (row.scrollWidth > row.clientWidth + 1) {
      row.setAttribute('tabindex', '0');
      var current = row.querySelector('[aria-current]');
      if (initial && current && current.offsetLeft + current.offsetWidth > row.clientWidth) {
        row.scrollLeft = current.offsetLeft - 16;
      }
    } else {
      row.removeAttribute('tabindex');
    }
  });
}
document.addEventListener('DOMContentLoaded', function () { wusheScrollRows(true); });
window.addEventListener('resize', function () { wusheScrollRows(false); });
document.addEventListener('htmx:afterSettle', function () { wusheScrollRows(true); });
// A button marked data-show="<selector>" reveals what a form folded away (more category rows) and goes.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-show]');
  if (button) {
    document.querySelectorAll(button.getAttribute('data-show')).forEach(function (el) { el.classList.remove('d-none'); });
    var first = document.querySelector(button.getAttribute('data-show') + ' select');
    button.remove();
    if (first) { first.focus(); }
  }
});
// Inside WeChat's built-in browser a download does not start: say so beside every download link.
document.addEventListener('DOMContentLoaded', function () {
  if (/MicroMessenger/i.test(navigator.userAgent)) {
    document.documentElement.classList.add('in-wechat');
  }
});
