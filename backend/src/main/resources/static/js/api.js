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
  // A change is sent with an Idempotency-Key and retried with the same key when the network or the server
  // failed on the way: the platform then answers the first result again instead of counting the work twice.
  // A read is retried too: a lab session moving to another server, or a server stopping, answers 503 for a moment.
  const changing = method !== 'GET' && method !== 'HEAD';
  if (changing) headers['Idempotency-Key'] = newKey();
  for (let attempt = 0; ; attempt++) {
    let r;
    try {
      r = await fetch(path, { method, headers, body: payload });
    } catch (e) {
      if (attempt >= 2) throw e;
      await pause(1000 * (attempt + 1));
      continue;
    }
    if (attempt < 2 && (changing && r.status === 409 && r.headers.get('Retry-After') || r.status === 502
        || r.status === 503 && !path.includes('/attempts') || r.status === 504)) {
      await pause(1000 * (attempt + 1));
      continue;
    }
    const json = r.headers.get('Content-Type')?.includes('json') ? await r.json() : null;
    const text = json === null ? await r.text() : null;
    return { ok: r.ok, status: r.status, json, text };
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A random key (crypto.randomUUID needs HTTPS; a school may serve plain HTTP on its own network). */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A {ko, en} message in the page's language. */
export const inLanguage = (message, lang) => (message && (message[lang] || message.ko || message.en)) || '';

let texts = null;
/** A text of the page's message bundle (keys `js.*`, without the prefix), `{0}`… filled from {@code args}. */
export function t(key, ...args) {
  texts ??= JSON.parse(document.body.dataset.texts || '{}');
  return (texts[key] ?? key).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
