// Every bot with its kind, venue, state and (when the server runs bots) uptime, PnL, open orders
// and last error; totals per quote currency, paper and live apart; start / stop / emergency stop.
import * as api from '../api.js';
import { h, add, table, cell } from '../dom.js';
import { money, duration, venue, sum } from '../format.js';
import { canWrite } from '../session.js';
import * as live from '../live.js';
import { controls } from './controls.js';
import { runStatus } from './run-data.js';

export async function render(root) {
  const heading = h('div', { class: 'actions' }, h('h1', null, 'Bots'), canWrite() ? h('a', { href: '#/bots/new', id: 'new-bot' }, '+ New bot') : null);
  const body = h('div', { id: 'bots' }, h('p', { class: 'muted' }, 'Loading…'));
  root.append(heading, body);

  let timer = null;
  const load = async () => {
    const { items } = await api.get('/api/bots');
    const statuses = await Promise.all(items.map((b) => runStatus(b.id).catch(() => null)));
    body.replaceChildren();
    add(body, [botsTable(items, statuses, load), totals(items, statuses)]);
  };
  await load();
  const unsubscribe = live.subscribe((e) => {
    if (!e.type.startsWith('bot.')) return;
    clearTimeout(timer);
    timer = setTimeout(() => load().catch(() => {}), 200);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

function botsTable(bots, statuses, reload) {
  if (bots.length === 0) {
    return h('p', { id: 'no-bots' }, 'No bot yet. ', canWrite() ? h('a', { href: '#/bots/new' }, 'Create one.') : 'A trader or an admin can create one.');
  }
  const now = Date.now();
  const rows = bots.map((b, i) => {
    const s = statuses[i] || {};
    const state = s.state || b.state || 'unknown';
    const currency = s.currency || '';
    return h(
      'tr',
      { 'data-bot': b.id },
      cell(h('a', { href: `#/bots/${encodeURIComponent(b.id)}`, class: 'bot-name' }, b.name)),
      cell(b.kind),
      cell(venue(b.provider) + (b.provider === 'sim' ? ' · paper' : ' · live'), 'hide-narrow'),
      cell(h('span', { class: 'status ' + state, 'data-state': state }, state)),
      cell(s.startedAt && state === 'running' ? duration(now - s.startedAt) : '—', 'num hide-narrow'),
      moneyCell(s.pnlToday, currency),
      moneyCell(s.pnlTotal, currency),
      cell(s.openOrders === undefined || s.openOrders === null ? '—' : String(s.openOrders), 'num hide-narrow'),
      cell(s.lastError || '—', 'hide-narrow'),
      canWrite() ? cell(controls(b, reload)) : null,
    );
  });
  const headers = ['Name', 'Kind', { text: 'Venue', class: 'hide-narrow' }, 'Status', { text: 'Uptime', class: 'num hide-narrow' }, { text: 'PnL today', class: 'num' }, { text: 'PnL total', class: 'num' }, { text: 'Open orders', class: 'num hide-narrow' }, { text: 'Last error', class: 'hide-narrow' }];
  if (canWrite()) headers.push('Actions');
  return table(headers, rows, { id: 'bots-table' });
}

function moneyCell(v, currency) {
  const m = money(v, currency);
  return cell(m.text, m.class);
}

/** Sums per quote currency, paper (the simulator) and live money apart; never mixed. */
function totals(bots, statuses) {
  const groups = new Map();
  bots.forEach((b, i) => {
    const s = statuses[i];
    if (!s || !s.currency) return;
    const key = s.currency + '|' + (b.provider === 'sim' ? 'paper' : 'live');
    const g = groups.get(key) || { currency: s.currency, money: b.provider === 'sim' ? 'paper' : 'live', today: [], total: [] };
    if (s.pnlToday !== undefined && s.pnlToday !== null) g.today.push(s.pnlToday);
    if (s.pnlTotal !== undefined && s.pnlTotal !== null) g.total.push(s.pnlTotal);
    groups.set(key, g);
  });
  if (groups.size === 0) return null;
  const rows = [...groups.values()].map((g) => h('tr', null, cell(g.currency), cell(g.money), moneyCell(sum(g.today), g.currency), moneyCell(sum(g.total), g.currency)));
  return h('section', null, h('h2', null, 'Totals'), table(['Currency', 'Money', { text: 'PnL today', class: 'num' }, { text: 'PnL total', class: 'num' }], rows, { id: 'totals' }));
}
