// The dashboard's entry point: session, hash routes, navigation and the sign-in-again overlay.
import * as api from './api.js';
import * as live from './live.js';
import { h, add, clearFlash, flash } from './dom.js';
import * as overview from './views/overview.js';
import * as botForm from './views/bot-form.js';
import * as botDetail from './views/bot-detail.js';
import * as keys from './views/keys.js';
import * as events from './views/events.js';
import * as audit from './views/audit.js';
import * as backtests from './views/backtests.js';
import * as users from './views/users.js';
import * as notifications from './views/notifications.js';
import * as setup from './views/setup.js';
import * as signin from './views/signin.js';
import * as linkPage from './views/link.js';
import { session, canWrite, isAdmin, nav } from './session.js';

const ROUTES = [
  [/^\/$/, overview],
  [/^\/bots\/new$/, botForm],
  [/^\/bots\/([A-Za-z0-9_-]+)\/edit$/, botForm],
  [/^\/bots\/([A-Za-z0-9_-]+)$/, botDetail],
  [/^\/keys$/, keys],
  [/^\/events$/, events],
  [/^\/audit$/, audit],
  [/^\/backtests$/, backtests],
  [/^\/users$/, users],
  [/^\/notifications$/, notifications],
  [/^\/setup$/, setup],
  [/^\/signin$/, signin],
  [/^\/link$/, linkPage],
];

let cleanup = null;
let relogin = null;

function location() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  return { path: path || '/', query: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

function go(hash) {
  if (window.location.hash === hash) render();
  else window.location.hash = hash;
}

async function loadSession() {
  const health = await api.get('/api/health');
  session.setupRequired = Boolean(health.setupRequired);
  session.user = null;
  if (session.setupRequired) return;
  try {
    session.user = await api.get('/api/me', { quiet: true });
  } catch (e) {
    if (!(e instanceof api.ApiError) || e.status !== 401) throw e;
  }
}

/** Called after a successful sign-in or setup. */
async function signedIn(u) {
  session.user = u;
  session.setupRequired = false;
  const { path } = location();
  if (path === '/signin' || path === '/setup') go('#/');
  else render();
}

async function signOut() {
  live.reset();
  await api.signOut();
  session.user = null;
  clearFlash();
  go('#/signin');
}

function link(href, text, path) {
  const current = href === '#' + path || (href === '#/' && path.startsWith('/bots'));
  return h('a', { href, 'aria-current': current ? 'page' : null }, text);
}

function renderChrome(path) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  const u = session.user;
  if (!u) {
    nav.hidden = true;
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  nav.hidden = false;
  nav.replaceChildren();
  add(nav, [
    link('#/', 'Bots', path),
    canWrite() ? link('#/bots/new', 'New bot', path) : null,
    link('#/keys', 'Exchange keys', path),
    link('#/backtests', 'Backtests', path),
    link('#/events', 'Live events', path),
    link('#/notifications', 'Notifications', path),
    link('#/audit', 'Audit log', path),
    isAdmin() ? link('#/users', 'Users', path) : null,
  ]);
  const liveText = h('span', { class: 'live', id: 'live-status' });
  who.replaceChildren(
    liveText,
    h('span', { id: 'who-name' }, u.username),
    h('span', { class: 'badge', id: 'who-role' }, u.role),
    h('button', { type: 'button', id: 'sign-out', onclick: () => signOut() }, 'Sign out'),
  );
  const labels = { live: '● live', connecting: '○ connecting…', reconnecting: '○ reconnecting…', off: '○ offline' };
  if (chromeStatus) chromeStatus();
  chromeStatus = live.onStatus((s) => {
    liveText.textContent = labels[s] || s;
    liveText.dataset.status = s;
  });
}
let chromeStatus = null;

async function render() {
  if (cleanup) {
    try {
      cleanup();
    } catch (e) {
      console.error(e);
    }
    cleanup = null;
  }
  let { path, query } = location();
  if (session.setupRequired && path !== '/setup') path = '/setup';
  else if (path === '/link' && query.get('token')) {
    // a one-time sign-in link: its page signs in (replacing any session), whoever is signed in now
  } else if (!session.user && path !== '/setup' && path !== '/signin') path = '/signin';
  else if (session.user && (path === '/setup' || path === '/signin')) {
    go('#/');
    return;
  }
  renderChrome(path);
  if (session.user) live.start();
  const main = document.getElementById('view');
  const container = h('div', { class: 'page', 'data-path': path });
  main.replaceChildren(container);
  let view = null;
  let params = [];
  for (const [re, v] of ROUTES) {
    const m = re.exec(path);
    if (m) {
      view = v;
      params = m.slice(1);
      break;
    }
  }
  if (!view) {
    container.append(h('h1', null, 'Not found'), h('p', null, 'There is no page at ', h('code', null, path), '. ', h('a', { href: '#/' }, 'Go to the bots.')));
    return;
  }
  try {
    const result = await view.render(container, { params, query, session });
    if (typeof result === 'function') cleanup = result;
  } catch (e) {
    container.append(h('p', { class: 'field-error', role: 'alert' }, e.message || String(e)));
    console.error(e);
  }
}

/** The overlay shown when the session could not be renewed: sign in again, keep the page. */
function signInAgain() {
  if (relogin) return relogin;
  relogin = new Promise((resolve) => {
    const overlay = document.getElementById('overlay');
    const error = h('div');
    const name = h('input', { id: 'relogin-username', name: 'username', autocomplete: 'username', required: true, value: session.user ? session.user.username : '' });
    const pw = h('input', { id: 'relogin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const form = h(
      'form',
      { class: 'card', 'aria-labelledby': 'relogin-title' },
      h('h2', { id: 'relogin-title' }, 'Your session has ended'),
      h('p', { class: 'muted' }, 'Sign in again to carry on; this page stays as it is.'),
      h('div', { class: 'row' }, h('label', { for: 'relogin-username' }, 'User name'), name),
      h('div', { class: 'row' }, h('label', { for: 'relogin-password' }, 'Password'), pw),
      h('button', { type: 'submit', class: 'primary', id: 'relogin-submit' }, 'Sign in'),
      error,
    );
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      error.replaceChildren();
      try {
        const reply = await api.signIn(name.value, pw.value);
        const before = session.user ? session.user.id : null;
        session.user = reply.user;
        overlay.hidden = true;
        overlay.replaceChildren();
        relogin = null;
        resolve();
        if (before !== reply.user.id) {
          live.reset();
          render();
        }
      } catch (e) {
        error.append(h('p', { class: 'field-error', role: 'alert' }, e.message));
      }
    });
    overlay.replaceChildren(form);
    overlay.hidden = false;
    (name.value ? pw : name).focus();
  });
  return relogin;
}

async function boot() {
  nav.go = go;
  nav.signedIn = signedIn;
  nav.render = render;
  api.onSessionLost(signInAgain);
  window.addEventListener('hashchange', () => render());
  try {
    await loadSession();
  } catch (e) {
    flash('error', 'The control plane cannot be reached: ' + e.message);
  }
  render();
}

boot();
