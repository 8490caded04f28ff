// Submits the SAML HTTP-POST form as soon as the page is ready; the button stays for browsers without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('saml-post');
  if (form) {
    form.submit();
  }
});
