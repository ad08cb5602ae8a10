// A one-time sign-in link (the demo prints one): trades the token in the URL fragment for a session
// once, then takes the token out of the address bar and the history. A used or expired link says
// so and offers the sign-in form.
import * as api from '../api.js';
import { h } from '../dom.js';
import { nav } from '../session.js';
import * as live from '../live.js';

export async function render(root, { query }) {
  const token = query.get('token') || '';
  // the token must not stay in the address bar or the history, whatever happens next
  history.replaceState(null, '', '#/link');
  root.append(h('h1', null, 'Signing in…'));
  try {
    const reply = await api.post('/api/auth/link', { token }, { quiet: true });
    history.replaceState(null, '', '#/');
    live.reset(); // whoever was signed in before, the event stream starts again as this user
    await nav.signedIn(reply.user);
  } catch (e) {
    root.replaceChildren(
      h('h1', null, 'This sign-in link does not work'),
      h('p', { role: 'alert', id: 'link-error' }, e.message),
      h('p', null, h('a', { href: '#/signin' }, 'Sign in with a user name and password.')),
    );
  }
}
