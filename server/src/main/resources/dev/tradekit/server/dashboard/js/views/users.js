// User management (admins): list, create with a role, sign a user out everywhere.
import * as api from '../api.js';
import { h, table, cell, flash } from '../dom.js';
import { time } from '../format.js';
import { isAdmin } from '../session.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

export async function render(root) {
  root.append(h('h1', null, 'Users'));
  if (!isAdmin()) {
    root.append(h('p', { role: 'alert' }, 'Only an admin manages users.'));
    return;
  }
  const list = h('div', { id: 'users' });
  const load = async () => {
    const { items } = await api.get('/api/users');
    list.replaceChildren(
      table(['User', 'Role', 'Created', 'Sessions'], items.map((u) => {
        const revoke = h('button', { type: 'button', 'data-revoke': u.id }, 'Sign out everywhere');
        revoke.addEventListener('click', async () => {
          try {
            await api.del(`/api/users/${encodeURIComponent(u.id)}/sessions`);
            flash('ok', `Every session of ${u.username} is revoked (its current access token lapses within 15 minutes).`);
          } catch (e) {
            flash('error', e.message);
          }
        });
        return h('tr', { 'data-user': u.id }, cell(u.username), cell(u.role), cell(time(u.createdAt)), cell(revoke));
      }), { id: 'users-table' }),
    );
  };
  await load();
  const name = input('user-name', 'User name', { field: 'username', required: true, autocomplete: 'off' });
  const pw = input('user-password', 'Password (at least 12 characters)', { field: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const role = input('user-role', 'Role', { tag: 'select', field: 'role', options: [{ value: 'viewer', label: 'viewer (read-only)' }, { value: 'trader', label: 'trader' }, { value: 'admin', label: 'admin' }] });
  const form = h('form', { class: 'card', id: 'user-form', novalidate: true }, h('h2', null, 'Add a user'), h('div', { class: 'inline' }, name.row, pw.row, role.row), h('button', { type: 'submit', class: 'primary', id: 'user-submit' }, 'Add user'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        const u = await api.post('/api/users', { username: name.el.value, password: pw.el.value, role: role.el.value });
        name.el.value = '';
        pw.el.value = '';
        flash('ok', `Added ${u.username} (${u.role}).`);
        await load();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  root.append(list, form);
}
