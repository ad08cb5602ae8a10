// The audit log: who did what, when, from where (an admin sees everyone's rows).
import * as api from '../api.js';
import { h, table, cell } from '../dom.js';
import { time } from '../format.js';

export async function render(root) {
  const { items } = await api.get('/api/audit?limit=200');
  root.append(
    h('h1', null, 'Audit log'),
    items.length === 0
      ? h('p', null, 'Nothing recorded yet.')
      : table(['When', 'User', 'Action', 'Target', { text: 'Address', class: 'hide-narrow' }, 'Outcome'], items.map((a) => h('tr', null, cell(time(a.at)), cell(a.user), cell(a.action, 'mono'), cell(a.target), cell(a.address, 'hide-narrow mono'), cell(a.outcome))), { id: 'audit-table' }),
  );
}
