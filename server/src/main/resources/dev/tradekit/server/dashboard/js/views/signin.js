// Sign in with a user name and password; the session lives in HttpOnly cookies.
import * as api from '../api.js';
import { h } from '../dom.js';
import { nav } from '../session.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

export async function render(root) {
  const u = input('signin-username', 'User name', { field: 'username', required: true, autocomplete: 'username' });
  const p = input('signin-password', 'Password', { field: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const form = h('form', { class: 'card narrow', id: 'signin-form' }, u.row, p.row, h('button', { type: 'submit', class: 'primary', id: 'signin-submit' }, 'Sign in'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        const reply = await api.signIn(u.el.value, p.el.value);
        p.el.value = '';
        await nav.signedIn(reply.user);
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  root.append(h('h1', null, 'Sign in'), form);
  u.el.focus();
}
