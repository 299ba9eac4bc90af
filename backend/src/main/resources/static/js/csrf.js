// htmx requests that change something carry the CSRF token: Spring Security's XSRF-TOKEN cookie, sent back
// as the X-XSRF-TOKEN header (the page's meta tag makes sure the cookie exists)
function sfaCsrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
}
document.addEventListener('htmx:configRequest', (event) => {
  const token = sfaCsrfToken();
  if (token) {
    event.detail.headers['X-XSRF-TOKEN'] = token;
  }
});
