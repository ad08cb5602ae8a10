// First run: create the admin account with the one-time setup token, then sign in.
import * as api from '../api.js';
import { h } from '../dom.js';
import { nav } from '../session.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

export async function render(root, { query }) {
  const token = query.get('token') || '';
  const t = input('setup-token', 'Setup token', { field: 'token', required: true, autocomplete: 'off', value: token }, 'Printed by the server at its first start (the setup link carries it).');
  const u = input('setup-username', 'Admin user name', { field: 'username', required: true, autocomplete: 'username', value: 'admin' });
  const p = input('setup-password', 'Password (at least 12 characters)', { field: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const form = h('form', { class: 'card narrow', id: 'setup-form' }, t.row, u.row, p.row, h('button', { type: 'submit', class: 'primary', id: 'setup-submit' }, 'Create the admin account'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        await api.post('/api/setup', { token: t.el.value.trim(), username: u.el.value, password: p.el.value });
        const reply = await api.signIn(u.el.value, p.el.value);
        // the token must not stay in the address bar or the history
        history.replaceState(null, '', '#/');
        await nav.signedIn(reply.user);
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  root.append(h('h1', null, 'Welcome: create the admin account'), h('p', { class: 'muted' }, 'This control plane has no user yet. The first account is the admin; there is no default password.'), form);
  (token ? p.el : t.el).focus();
}
