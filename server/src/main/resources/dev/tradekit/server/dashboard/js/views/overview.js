// Every bot with its kind, venue, state and (when the server runs bots) uptime, PnL, open orders
// and last error; totals per quote currency, paper and live apart; start / stop / emergency stop.
import * as api from '../api.js';
import { h, add, table, cell } from '../dom.js';
import { money, duration, venue, sum, time } from '../format.js';
import { canWrite } from '../session.js';
import * as live from '../live.js';
import { controls } from './controls.js';
import { runStatus, runData } from './run-data.js';

/** A bot's run status with its PnL per currency ({currencies: {USDT: {today, total}}}). */
async function runFigures(id) {
  const s = await runStatus(id);
  if (!s) return null;
  if (s.state !== 'running') return s;
  const pnl = await runData(id, 'pnl');
  return { ...s, currencies: pnl && !pnl.error ? pnl.currencies || {} : {} };
}

export async function render(root) {
  const heading = h('div', { class: 'actions' }, h('h1', null, 'Bots'), canWrite() ? h('a', { href: '#/bots/new', id: 'new-bot' }, '+ New bot') : null);
  const body = h('div', { id: 'bots' }, h('p', { class: 'muted' }, 'Loading…'));
  root.append(heading, body);

  let timer = null;
  // the uptimes count on every second between loads, from the server's clock (not the browser's)
  const ticker = setInterval(() => tickUptimes(body), 1000);
  const load = async () => {
    const { items } = await api.get('/api/bots');
    const statuses = await Promise.all(items.map((b) => runFigures(b.id).catch(() => null)));
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
    clearInterval(ticker);
  };
}

/**
 * The uptime of a bot since its engine last started: a cell that tickUptimes() counts on. The
 * server sends startedAt and its own time; the offset between its clock and the browser's is kept,
 * so a browser whose clock is off still shows the true uptime.
 */
function uptimeCell(s) {
  if (!s.startedAt || (s.state !== 'running' && s.state !== 'paused')) return cell('—', 'num hide-narrow');
  const offset = typeof s.serverTime === 'number' ? s.serverTime - Date.now() : 0;
  const span = h('span', { class: 'uptime', 'data-started': String(s.startedAt), 'data-offset': String(offset), title: 'since ' + time(s.startedAt) }, duration(Date.now() + offset - s.startedAt));
  return cell(span, 'num hide-narrow');
}

function tickUptimes(root) {
  for (const span of root.querySelectorAll('.uptime[data-started]')) {
    const text = duration(Date.now() + Number(span.dataset.offset) - Number(span.dataset.started));
    if (span.textContent !== text) span.textContent = text;
  }
}

function botsTable(bots, statuses, reload) {
  if (bots.length === 0) {
    return h('p', { id: 'no-bots' }, 'No bot yet. ', canWrite() ? h('a', { href: '#/bots/new' }, 'Create one.') : 'A trader or an admin can create one.');
  }
  const rows = bots.map((b, i) => {
    const s = statuses[i] || {};
    const state = s.state || b.state || 'unknown';
    const currencies = Object.entries(s.currencies || {});
    const engine = s.engine || {};
    const openOrders = typeof engine.openOrders === 'number' ? engine.openOrders : null;
    return h(
      'tr',
      { 'data-bot': b.id },
      cell(h('a', { href: `#/bots/${encodeURIComponent(b.id)}`, class: 'bot-name' }, b.name)),
      cell(b.kind),
      cell(venue(b.provider) + (b.provider === 'sim' ? ' · paper' : ' · live'), 'hide-narrow'),
      cell(h('span', { class: 'status ' + state, 'data-state': state }, state)),
      uptimeCell({ ...s, state }),
      moneyCells(currencies, 'today'),
      moneyCells(currencies, 'total'),
      cell(openOrders === null ? '—' : String(openOrders), 'num hide-narrow'),
      cell(s.lastError || '—', 'hide-narrow'),
      canWrite() ? cell(controls(b, reload)) : null,
    );
  });
  const headers = ['Name', 'Kind', { text: 'Venue', class: 'hide-narrow' }, 'Status', { text: 'Uptime', class: 'num hide-narrow' }, { text: 'PnL today', class: 'num' }, { text: 'PnL total', class: 'num' }, { text: 'Open orders', class: 'num hide-narrow' }, { text: 'Last error', class: 'hide-narrow' }];
  if (canWrite()) headers.push('Actions');
  return table(headers, rows, { id: 'bots-table' });
}

/** One line per currency (a bot can earn in more than one); never summed across currencies. */
function moneyCells(currencies, which) {
  if (currencies.length === 0) return cell('—', 'num');
  return cell(
    currencies.map(([cur, c]) => {
      const m = money(c[which], cur);
      return h('div', { class: m.class }, m.text);
    }),
    'num',
  );
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
    if (!s || !s.currencies) return;
    for (const [currency, c] of Object.entries(s.currencies)) {
      const key = currency + '|' + (b.provider === 'sim' ? 'paper' : 'live');
      const g = groups.get(key) || { currency, money: b.provider === 'sim' ? 'paper' : 'live', today: [], total: [] };
      if (c.today !== undefined && c.today !== null) g.today.push(c.today);
      if (c.total !== undefined && c.total !== null) g.total.push(c.total);
      groups.set(key, g);
    }
  });
  if (groups.size === 0) return null;
  const rows = [...groups.values()].map((g) => h('tr', null, cell(g.currency), cell(g.money), moneyCell(sum(g.today), g.currency), moneyCell(sum(g.total), g.currency)));
  return h('section', null, h('h2', null, 'Totals'), table(['Currency', 'Money', { text: 'PnL today', class: 'num' }, { text: 'PnL total', class: 'num' }], rows, { id: 'totals' }));
}
