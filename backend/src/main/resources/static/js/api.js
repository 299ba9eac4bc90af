// Calls to the platform's API from its pages: the browser's session plus Spring Security's CSRF token
// (the XSRF-TOKEN cookie, sent back as the X-XSRF-TOKEN header).
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/**
 * A request; {@code body} is sent as JSON, or as it is when {@code type} names its content type. The answer
 * comes back as {@code json}, or as {@code text} when it is not JSON.
 */
export async function call(method, path, body, type) {
  const headers = { 'X-XSRF-TOKEN': csrfToken() };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = type ?? 'application/json';
    payload = type ? body : JSON.stringify(body);
  }
  const r = await fetch(path, { method, headers, body: payload });
  const json = r.headers.get('Content-Type')?.includes('json') ? await r.json() : null;
  const text = json === null ? await r.text() : null;
  return { ok: r.ok, status: r.status, json, text };
}

/** A {ko, en} message in the page's language. */
export const inLanguage = (message, lang) => (message && (message[lang] || message.ko || message.en)) || '';

let texts = null;
/** A text of the page's message bundle (keys `js.*`, without the prefix), `{0}`… filled from {@code args}. */
export function t(key, ...args) {
  texts ??= JSON.parse(document.body.dataset.texts || '{}');
  return (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
