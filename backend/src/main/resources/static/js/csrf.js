// htmx requests that change something carry the CSRF token too
import { csrfToken } from './api.js';

document.addEventListener('htmx:configRequest', (event) => {
  const token = csrfToken();
  if (token) {
    event.detail.headers['X-XSRF-TOKEN'] = token;
  }
});
