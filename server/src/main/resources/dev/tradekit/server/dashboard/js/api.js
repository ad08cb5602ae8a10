// The API client: same-origin fetch with the session cookies, the CSRF header on every change,
// and session renewal on 401 (refresh once; if that fails, ask to sign in again over the current
// page and then repeat the request, so nothing on the page is lost).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
    this.field = problem.field || null;
  }

  /** True when the server has no such route at all (e.g. a feature not yet in this server). */
  get missingRoute() {
    return this.status === 404 && /^route /.test(this.problem.detail || '');
  }
}

let renewing = null;
let signInAgain = null;

/** Sets what happens when the session cannot be renewed: a function returning a promise that
 * resolves once the user has signed in again. */
export function onSessionLost(fn) {
  signInAgain = fn;
}

export function csrfToken() {
  const m = /(?:^|;\s*)tk_csrf=([^;]*)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : '';
}

function send(method, path, body, extraHeaders) {
  const headers = { Accept: 'application/json, application/problem+json', ...(extraHeaders || {}) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const t = csrfToken();
    if (t) headers['X-CSRF-Token'] = t;
  }
  return fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

/** Trades the refresh cookie for a new session; true when it worked. Concurrent callers share one
 * attempt (a refresh token is single-use). */
export function renew() {
  if (!renewing) {
    renewing = send('POST', '/api/auth/refresh')
      .then((r) => r.ok)
      .catch(() => false)
      .finally(() => {
        renewing = null;
      });
  }
  return renewing;
}

async function read(r) {
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  if (type.includes('json')) return r.json();
  return r.text();
}

/**
 * Calls the API. Throws ApiError carrying the RFC 9457 problem on failure.
 * options.quiet: on an unrenewable 401, throw instead of asking to sign in again.
 */
export async function call(method, path, body, options = {}) {
  let r = await send(method, path, body);
  if (r.status === 401 && !path.startsWith('/api/auth/') && path !== '/api/setup') {
    if (await renew()) {
      r = await send(method, path, body);
    } else if (!options.quiet && signInAgain) {
      await signInAgain();
      r = await send(method, path, body);
    }
  }
  const data = await read(r);
  if (!r.ok) {
    const problem = data && typeof data === 'object' ? data : { title: r.statusText, detail: String(data || 'HTTP ' + r.status) };
    throw new ApiError(r.status, problem);
  }
  return data;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body, options);
export const patch = (path, body) => call('PATCH', path, body);
export const put = (path, body) => call('PUT', path, body);
export const del = (path) => call('DELETE', path);

/** GET that answers null when the server has no such route (a feature not in this server yet). */
export async function optional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof ApiError && e.missingRoute) return null;
    throw e;
  }
}

export async function signIn(username, password) {
  return call('POST', '/api/auth/login', { username, password });
}

export async function signOut() {
  try {
    await send('POST', '/api/auth/logout');
  } catch (e) {
    // the cookies are cleared by the server; a network failure leaves nothing to undo here
  }
}
