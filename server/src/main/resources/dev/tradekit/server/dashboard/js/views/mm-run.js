// The market maker / grid / DCA live page: the quotes around the mid, inventory, PnL (its curve:
// the control plane's stored equity history, extended live while the page is open), recent fills,
// the risk limits and how close each is, the price with fills and resting orders, and (market
// maker) the quoting parameters applied live (PATCH).
import * as api from '../api.js';
import { h, put, table, cell, flash } from '../dom.js';
import { money, time, trim } from '../format.js';
import { canWrite } from '../session.js';
import { lineChart } from '../chart.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';
import { priceCard } from './price-card.js';

// a week of stored one-minute samples (the server's default retention) and a day of live points
const MAX_POINTS = 10080 + 8640;
const LIMIT_LABELS = { maxPosition: 'Position (base units)', maxLoss: 'Loss from the start', maxOpenOrders: 'Open orders', maxBookAgeSeconds: 'Book age (s)' };

function path(bot, rest) {
  return `/api/bots/${encodeURIComponent(bot.id)}${rest}`;
}

function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.map(([k, v]) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '—' : v)]));
}

/** Distance of a price from the mid in basis points, signed, to 1 decimal. */
export function bpsFrom(mid, price) {
  const m = Number(mid);
  const p = Number(price);
  if (!(m > 0) || !Number.isFinite(p)) return null;
  return Math.round(((p - m) / m) * 100000) / 10;
}

export function mmPage(box, bot, onChange) {
  const quotesBox = h('div', { id: 'mm-quotes' });
  const inventoryBox = h('div', { id: 'mm-inventory' });
  const riskBox = h('div', { id: 'mm-risk' });
  const fillsBox = h('div', { id: 'mm-fills' });
  const pnlCanvas = h('canvas', { class: 'chart', role: 'img', id: 'mm-pnl-chart' });
  const chart = priceCard('mm-chart', bot);
  const points = [];
  let storedSeries = null; // the stored series, fetched once when the page opens
  const loadHistory = async () => {
    const r = await api.get(path(bot, '/equity')).catch(() => ({ items: [] }));
    const stored = (r.items || []).map((p) => ({ at: Number(p.at), value: Number(p.totalPnl) }));
    points.unshift(...stored);
    pnlCanvas.setAttribute('data-stored', String(stored.length));
  };
  put(box, 
    h('div', { class: 'grid2' }, h('section', { class: 'card' }, h('h2', null, 'Quotes around the mid'), quotesBox), h('section', { class: 'card' }, h('h2', null, 'Inventory and PnL'), inventoryBox)),
    chart.section,
    h('div', { class: 'grid2' }, h('section', { class: 'card' }, h('h2', null, 'Risk limits'), riskBox), h('section', { class: 'card' }, h('h2', null, 'PnL (stored history, then live)'), pnlCanvas)),
    bot.kind === 'market-maker' && canWrite() ? parametersForm(bot, onChange) : null,
    h('section', { class: 'card' }, h('h2', null, 'Recent fills'), fillsBox),
  );

  const refresh = async () => {
    if (!storedSeries) storedSeries = loadHistory();
    await storedSeries;
    const [status, orders, history] = await Promise.all([
      api.get(path(bot, '/status')).catch((e) => ({ error: e.message })),
      api.get(path(bot, '/orders')).catch(() => ({ items: [] })),
      api.get(path(bot, '/history?limit=50')).catch(() => ({ items: [] })),
    ]);
    const s = (status && status.engine) || null;
    if (!s) {
      const why = status && status.error ? status.error : `the bot is ${status && status.state ? status.state : 'not running'}`;
      for (const b of [quotesBox, inventoryBox, riskBox, fillsBox]) put(b, h('p', { class: 'muted' }, 'Not available: ' + why + '.'));
      lineChart(pnlCanvas, points, 'PnL');
      await chart.draw([], []);
      return;
    }
    const open = orders.items || [];
    put(quotesBox, quotesTable(s, open));
    put(inventoryBox, inventory(s));
    put(riskBox, riskTable(s.risk || []));
    const fills = history.items || [];
    put(fillsBox, fillsTable(fills));
    if (s.totalPnl !== null && s.totalPnl !== undefined) {
      points.push({ at: Date.now(), value: Number(s.totalPnl) });
      if (points.length > MAX_POINTS) points.shift();
    }
    lineChart(pnlCanvas, points, 'PnL');
    await chart.draw(fills, open);
  };
  return { refresh };
}

function quotesTable(s, orders) {
  const asks = orders.filter((o) => o.side === 'SELL').sort((a, b) => Number(b.price) - Number(a.price));
  const bids = orders.filter((o) => o.side === 'BUY').sort((a, b) => Number(b.price) - Number(a.price));
  const row = (o) => {
    const d = bpsFrom(s.mid, o.price);
    return h('tr', { 'data-quote': o.side, class: 'quote-' + o.side.toLowerCase() }, cell(o.side === 'SELL' ? 'ask' : 'bid'), cell(o.price, 'num quote-price'), cell(o.quantity, 'num'), cell(d === null ? '—' : `${d > 0 ? '+' : ''}${d} bps`, 'num quote-distance'));
  };
  const mid = h('tr', { class: 'mid-row', id: 'quote-mid' }, cell(h('strong', null, 'mid')), cell(h('strong', null, s.mid ?? '—'), 'num'), cell(''), cell('0 bps', 'num'));
  const rows = [...asks.map(row), mid, ...bids.map(row)];
  const spread = asks.length > 0 && bids.length > 0 ? bpsFrom(s.mid, asks[asks.length - 1].price) - bpsFrom(s.mid, bids[0].price) : null;
  return [table(['Side', { text: 'Price', class: 'num' }, { text: 'Quantity', class: 'num' }, { text: 'From mid', class: 'num' }], rows, { id: 'quotes-table' }), h('p', { class: 'muted', id: 'quote-spread' }, spread === null ? 'No two-sided quote now.' : `Quoted spread ${Math.round(spread * 10) / 10} bps (configured half-spread ${s.spread === null || s.spread === undefined ? '—' : trim(String(Number(s.spread) * 10000)) + ' bps'}).`)];
}

function inventory(s) {
  const m = (v) => money(v, '').text;
  return kv([
    ['Symbol', s.symbol],
    ['Position', s.position],
    ['Entry price', s.entryPrice],
    ['Balance', s.balance],
    ['Realised PnL', m(s.realisedPnl)],
    ['Unrealised PnL', m(s.unrealisedPnl)],
    ['Fees', s.fees],
    ['Total PnL', h('span', { id: 'mm-total-pnl' }, m(s.totalPnl))],
    ['Orders placed / cancelled / amended', `${s.ordersPlaced} / ${s.ordersCancelled} / ${s.ordersAmended}`],
    ['Fills', s.fills],
    ['Last error', s.lastError],
  ]);
}

/** How much of a limit is used, 0..1 (null when either side is unknown). */
export function used(limit, current) {
  const l = Number(limit);
  const c = Number(current);
  if (limit === null || limit === undefined || current === null || current === undefined || !(l > 0) || !Number.isFinite(c)) return null;
  return c / l;
}

function riskTable(limits) {
  const rows = limits.map((r) => {
    const u = used(r.limit, r.current);
    const pct = u === null ? null : Math.round(u * 1000) / 10;
    const level = u === null ? '' : u >= 1 ? 'breached' : u >= 0.8 ? 'near' : 'ok';
    const words = { breached: '⚠ at the limit', near: '⚠ near', ok: 'ok' };
    return h(
      'tr',
      { 'data-limit': r.name, class: level ? 'risk-' + level : null },
      cell(LIMIT_LABELS[r.name] || r.name),
      cell(r.current ?? '—', 'num'),
      cell(r.limit ?? 'none set', 'num'),
      cell(pct === null ? '—' : [h('meter', { min: '0', max: '100', value: String(Math.min(100, pct)), 'aria-label': `${pct} % of the limit` }), ` ${pct} % ${words[level]}`], 'num'),
    );
  });
  return table(['Limit', { text: 'Now', class: 'num' }, { text: 'Limit', class: 'num' }, { text: 'Used', class: 'num' }], rows, { id: 'risk-table' });
}

function fillsTable(fills) {
  if (fills.length === 0) return h('p', { class: 'muted', id: 'no-fills' }, 'No fill yet.');
  const rows = fills.map((f) => {
    const pnl = money(f.realizedPnl, '');
    return h('tr', { 'data-fill': f.tradeId }, cell(time(f.time)), cell(f.side === 'BUY' ? '▲ BUY' : '▼ SELL'), cell(f.price, 'num'), cell(f.quantity, 'num'), cell(`${f.commission ?? '0'} ${f.commissionAsset ?? ''}`, 'num'), cell(pnl.text, pnl.class), cell(f.maker ? 'maker' : 'taker'));
  });
  return table(['Time', 'Side', { text: 'Price', class: 'num' }, { text: 'Quantity', class: 'num' }, { text: 'Fee', class: 'num' }, { text: 'Realised PnL', class: 'num' }, 'Role'], rows, { id: 'fills-table' });
}

const PARAMS = {
  'fixed-spread': [['spreadBps', 'Half-spread (bps)', true], ['quantity', 'Quantity per quote', false]],
  ladder: [['spreadBps', 'Half-spread (bps)', true], ['quantity', 'Quantity per level', false], ['levels', 'Levels per side', true], ['stepBps', 'Step between levels (bps)', true]],
  'avellaneda-stoikov': [['gamma', 'Risk aversion γ', true], ['kappa', 'Order-book intensity κ', true], ['quantity', 'Quantity per quote', false], ['horizonSeconds', 'Horizon (s)', true]],
};

function parametersForm(bot, onChange) {
  const c = bot.config || {};
  const fields = (PARAMS[c.strategy] || []).map(([name, label, numeric]) => ({ name, numeric, ...input('param-' + name, label, { field: 'config.parameters.' + name, inputmode: 'decimal', required: true, value: String((c.parameters || {})[name] ?? '') }) }));
  const form = h('form', { class: 'card', id: 'mm-live-parameters', 'aria-labelledby': 'mm-parameters-title' }, h('h2', { id: 'mm-parameters-title' }, 'Quoting parameters'), h('p', { class: 'muted' }, `Strategy ${c.strategy}. Applied to the running bot at once; the quotes move on the next update.`), h('div', { class: 'inline' }, fields.map((f) => f.row), h('button', { type: 'submit', class: 'primary', id: 'mm-apply' }, 'Apply live')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const parameters = { ...(c.parameters || {}) };
    for (const f of fields) {
      const v = f.el.value.trim();
      parameters[f.name] = f.numeric && v !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    }
    const config = { ...c, parameters };
    await busy(form, async () => {
      try {
        const updated = await api.patch(`/api/bots/${encodeURIComponent(bot.id)}`, { config });
        bot.config = updated.config;
        clearProblems(form);
        flash('ok', `Parameters applied to ${bot.name}.`);
        if (onChange) onChange(updated);
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  return form;
}
