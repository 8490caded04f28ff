// Polls the push request's state and continues the login as soon as the phone answered. Without JavaScript the
// "Continue" button does the same.
(function () {
  var wait = document.getElementById('push-wait');
  var form = document.getElementById('push-continue');
  if (!wait || !form || !window.fetch) { return; }
  var url = wait.getAttribute('data-status-url');
  function poll() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.status === 'PENDING') { setTimeout(poll, 2000); } else { form.submit(); }
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
}());
