// One bot: its definition (per kind), controls, and — when the server runs bots — its status,
// PnL chart, open orders, positions and copier followers, refreshed from the live events.
import * as api from '../api.js';
import { h, table, cell, flash, twoStep } from '../dom.js';
import { money, duration, time, venue } from '../format.js';
import { canWrite, nav } from '../session.js';
import * as live from '../live.js';
import { lineChart } from '../chart.js';
import { controls } from './controls.js';
import { runData } from './run-data.js';

function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '—' : v)]));
}

function belongs(e, id) {
  const d = e.data;
  return d && typeof d === 'object' && (d.id === id || d.botId === id);
}

export async function render(root, { params }) {
  const id = params[0];
  const [bot, keyList] = await Promise.all([api.get(`/api/bots/${encodeURIComponent(id)}`), api.get('/api/keys')]);
  const keys = new Map(keyList.items.map((k) => [k.id, k]));
  const keyName = (kid) => {
    const k = keys.get(kid);
    return k ? `${k.exchange} · ${k.account} · ${k.fingerprint}` : kid;
  };

  const stateBadge = h('span', { class: 'status ' + bot.state, id: 'bot-state' }, bot.state);
  const remove = canWrite()
    ? twoStep({ id: 'delete-bot' }, 'Delete', 'Confirm delete', async () => {
        try {
          await api.del(`/api/bots/${encodeURIComponent(id)}`);
          flash('ok', `Deleted ${bot.name}.`);
          nav.go('#/');
        } catch (e) {
          flash('error', `Delete ${bot.name}: ${e.message}`);
        }
      })
    : null;
  const runBox = h('div', { id: 'run' });
  const eventsList = h('ol', { id: 'bot-events', reversed: true });
  root.append(
    h('p', null, h('a', { href: '#/' }, '← Bots')),
    h('div', { class: 'actions' }, h('h1', { id: 'bot-title' }, bot.name), stateBadge),
    h('div', { class: 'actions' }, controls(bot, () => loadRun()), canWrite() ? h('a', { href: `#/bots/${encodeURIComponent(id)}/edit`, id: 'edit-bot' }, 'Edit') : null, remove),
    h('div', { class: 'grid2' }, h('section', { class: 'card' }, h('h2', null, 'Definition'), definition(bot, keyName)), h('section', { class: 'card' }, h('h2', null, 'Recent events of this bot'), eventsList)),
    runBox,
  );

  const loadRun = async () => {
    const [status, pnl, orders, positions, followers] = await Promise.all([
      runData(id, 'status'),
      runData(id, 'pnl'),
      runData(id, 'orders'),
      runData(id, 'positions'),
      bot.kind === 'copier' ? runData(id, 'followers') : null,
    ]);
    if (status && status.state) {
      stateBadge.textContent = status.state;
      stateBadge.className = 'status ' + status.state;
    }
    runBox.replaceChildren(...runSections(bot, { status, pnl, orders, positions, followers }, keyName));
    const canvas = runBox.querySelector('canvas');
    if (canvas && pnl && Array.isArray(pnl.points)) lineChart(canvas, pnl.points, pnl.currency || '');
  };
  await loadRun();

  let timer = null;
  const unsubscribe = live.subscribe((e) => {
    if (!belongs(e, id)) return;
    eventsList.prepend(h('li', { class: 'event-new' }, h('span', { class: 'mono' }, `#${e.id}`), ' ', e.type, ' ', time(e.receivedAt)));
    if (e.type === 'bot.deleted') {
      flash('ok', `${bot.name} was deleted.`);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      api
        .get(`/api/bots/${encodeURIComponent(id)}`)
        .then((b) => {
          stateBadge.textContent = b.state;
          stateBadge.className = 'status ' + b.state;
          document.getElementById('bot-title').textContent = b.name;
        })
        .catch(() => {});
      loadRun().catch(() => {});
    }, 200);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

function definition(bot, keyName) {
  const c = bot.config || {};
  const common = [['Kind', bot.kind], ['Venue', venue(bot.provider) + (bot.provider === 'sim' ? ' — paper money' : ' — live money')], [bot.kind === 'copier' ? 'Leader key' : 'Key', keyName(bot.keyId)], ['Created', time(bot.createdAt)], ['Updated', time(bot.updatedAt)]];
  switch (bot.kind) {
    case 'grid':
      return [kv([...common, ['Symbol', c.symbol], ['Range', `${c.lower} – ${c.upper}`], ['Levels', c.levels], ['Quantity per level', c.quantity]]), gridLevels(c)];
    case 'dca':
      return kv([...common, ['Symbol', c.symbol], ['Side', c.side], ['Quantity per step', c.quantity], ['Steps', c.steps], ['Step', `${c.stepPercent} %`]]);
    case 'market-maker':
      return kv([...common, ['Symbol', c.symbol], ['Strategy', c.strategy], ...Object.entries(c.parameters || {}).map(([k, v]) => [k, String(v)])]);
    case 'scanner':
      return kv([...common, ['Symbols', (c.symbols || []).join(', ')], ['Minimum order value', `${c.minNotional} USD`]]);
    case 'copier':
      return [kv(common), h('h2', null, 'Followers'), table(['Key', 'Policy', 'Max quantity', 'Paused'], (c.followers || []).map((f) => h('tr', null, cell(keyName(f.keyId)), cell(policy(f.policy)), cell(f.policy.maxQuantity || '—'), cell(f.paused ? 'yes' : 'no'))), { id: 'followers-config' })];
    default:
      return kv([...common, ['Configuration', JSON.stringify(c)]]);
  }
}

function policy(p) {
  return p.mode === 'fixed' ? `fixed ${p.quantity}` : `${p.ratio} × leader`;
}

/** The grid's price levels, evenly spaced from lower to upper (shown to 8 decimals at most). */
function gridLevels(c) {
  const lower = Number(c.lower);
  const upper = Number(c.upper);
  const n = Number(c.levels);
  if (!(n >= 2) || !(upper > lower)) return null;
  const items = Array.from({ length: n }, (_, i) => Number((lower + ((upper - lower) * i) / (n - 1)).toFixed(8)).toString());
  return h('details', null, h('summary', null, `Grid prices (${n})`), h('p', { class: 'mono', id: 'grid-levels' }, items.join(' · ')));
}

/** A card for one kind of run data: the problem's message when the read failed. */
function section(id, title, data, body) {
  return h('section', { class: 'card', id }, h('h2', null, title), problemText(data) || body());
}

function problemText(x) {
  return x && x.error ? h('p', { class: 'muted' }, 'Not available: ' + x.error) : null;
}

function runSections(bot, d, keyName) {
  const out = [];
  const { status, pnl, orders, positions, followers } = d;
  if (!status && !pnl && !orders && !positions && !followers) {
    out.push(h('p', { class: 'muted', id: 'no-run-data' }, 'This server keeps bot definitions only; status, orders, positions and PnL appear here once it runs bots.'));
    return out;
  }
  if (status) {
    const cur = status.currency || '';
    out.push(
      section('run-status', 'Status', status, () =>
        kv([
          ['State', status.state],
          ['Uptime', status.startedAt && status.state === 'running' ? duration(Date.now() - status.startedAt) : '—'],
          ['PnL today', money(status.pnlToday, cur).text],
          ['PnL total', money(status.pnlTotal, cur).text],
          ['Open orders', status.openOrders],
          ['Last error', status.lastError],
        ]),
      ),
    );
  }
  if (pnl) out.push(section('run-pnl', 'Equity', pnl, () => h('canvas', { class: 'chart', role: 'img' })));
  if (followers) {
    out.push(
      section('run-followers', 'Followers (live)', followers, () =>
        table(
          ['Key', 'State', { text: 'Position', class: 'num' }, { text: 'Target', class: 'num' }, { text: 'Last copy latency', class: 'num' }, { text: 'Failures', class: 'num' }, 'Last skip'],
          (followers.items || []).map((f) => h('tr', null, cell(keyName(f.keyId)), cell(f.state), cell(f.position, 'num'), cell(f.target, 'num'), cell(f.lastLatencyMs === undefined || f.lastLatencyMs === null ? '—' : f.lastLatencyMs + ' ms', 'num'), cell(String(f.failures ?? 0), 'num'), cell(f.lastSkip || '—'))),
        ),
      ),
    );
  }
  if (orders) {
    out.push(
      section('run-orders', 'Open orders', orders, () =>
        table(['Symbol', 'Side', { text: 'Price', class: 'num' }, { text: 'Quantity', class: 'num' }, { text: 'Filled', class: 'num' }, 'Status', 'Client id'], (orders.items || []).map((o) => h('tr', null, cell(o.symbol), cell(o.side), cell(o.price, 'num'), cell(o.quantity, 'num'), cell(o.filled || '0', 'num'), cell(o.status), cell(o.clientId, 'mono')))),
      ),
    );
  }
  if (positions) {
    out.push(
      section('run-positions', 'Positions', positions, () =>
        table(['Symbol', 'Side', { text: 'Quantity', class: 'num' }, { text: 'Entry', class: 'num' }, { text: 'Mark', class: 'num' }, { text: 'Unrealised PnL', class: 'num' }], (positions.items || []).map((p) => {
          const m = money(p.unrealizedPnl, p.currency || '');
          return h('tr', null, cell(p.symbol), cell(p.side), cell(p.quantity, 'num'), cell(p.entryPrice, 'num'), cell(p.markPrice, 'num'), cell(m.text, m.class));
        })),
      ),
    );
  }
  return out;
}
