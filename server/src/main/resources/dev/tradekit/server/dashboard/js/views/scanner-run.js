// The scanner's live page: the hot pool as a table (symbol, side, price, USD value, category, age,
// weight) filtered by category, with new and changed rows marked in words as well as colour; the
// observer pool; the scan's request-weight budget. Refreshed from bot.scanner.update events.
import * as api from '../api.js';
import { h, put, table, cell } from '../dom.js';
import { duration } from '../format.js';

const CATEGORIES = ['DIAMOND', 'GOLD', 'BASIC'];
const MARK = { DIAMOND: '◆', GOLD: '●', BASIC: '○' };

function usd(v) {
  const n = Number(v);
  return Number.isFinite(n) ? '$' + n.toLocaleString('en-US', { maximumFractionDigits: 0 }) : '—';
}

/** What changed in an order since the previous refresh: 'new', 'changed' or ''. */
export function change(before, o) {
  if (!before) return 'new';
  return before.quantity !== o.quantity || before.weight !== o.weight || before.category !== o.category ? 'changed' : '';
}

export function scannerPage(box, bot) {
  const budgetBox = h('div', { id: 'scanner-budget' });
  const hotBox = h('div', { id: 'scanner-hot' });
  const observerBox = h('div', { id: 'scanner-observer' });
  const filter = h('select', { id: 'scanner-category', 'aria-label': 'Category' }, h('option', { value: '' }, 'all categories'), CATEGORIES.map((c) => h('option', { value: c }, `${MARK[c]} ${c.toLowerCase()}`)));
  put(box, 
    h('section', { class: 'card' }, h('h2', null, 'Request-weight budget'), budgetBox),
    h('section', { class: 'card', id: 'run-hot-pool' }, h('div', { class: 'actions' }, h('h2', null, 'Hot pool'), h('label', { for: 'scanner-category' }, 'Show'), filter), hotBox),
    h('section', { class: 'card' }, h('h2', null, 'Observer pool'), h('p', { class: 'muted' }, 'Walls found by a scan, re-checked until they live long enough to enter the hot pool or vanish.'), observerBox),
  );
  let previous = null;
  let changes = new Map();
  let last = null;
  let fetchedAt = 0;
  // ages count on every second between refreshes, from the engine's clock (status.time)
  const ticker = setInterval(() => {
    if (!box.isConnected) {
      clearInterval(ticker);
      return;
    }
    if (!last || !last.time) return;
    const now = last.time + (Date.now() - fetchedAt);
    for (const span of box.querySelectorAll('.age[data-first]')) {
      const text = duration(now - Number(span.dataset.first));
      if (span.textContent !== text) span.textContent = text;
    }
  }, 1000);
  const draw = () => {
    if (!last) return;
    const hot = (last.hotOrders || []).filter((o) => !filter.value || o.category === filter.value);
    put(hotBox, hotTable(hot, changes, last.time));
  };
  filter.addEventListener('change', draw);
  const refresh = async () => {
    let status;
    try {
      status = await api.get(`/api/bots/${encodeURIComponent(bot.id)}/status`);
    } catch (e) {
      put(hotBox, h('p', { class: 'muted' }, 'Not available: ' + e.message));
      return;
    }
    const s = status.engine;
    if (!s) {
      for (const b of [budgetBox, hotBox, observerBox]) put(b, h('p', { class: 'muted' }, `Not available: the bot is ${status.state}.`));
      return;
    }
    put(budgetBox, budget(s));
    // the first load marks nothing; later ones mark what is new or changed since the one before
    changes = new Map((s.hotOrders || []).map((o) => [o.id, previous ? change(previous.get(o.id), o) : '']));
    previous = new Map((s.hotOrders || []).map((o) => [o.id, o]));
    last = s;
    fetchedAt = Date.now();
    draw();
    put(observerBox, observerTable(s.observerPool || [], s.time));
  };
  return { refresh };
}

/** How long the order has stood; counted on by the page's ticker. */
function age(o, now) {
  return h('span', { class: 'age', 'data-first': String(o.firstSeen) }, duration((now || o.lastSeen) - o.firstSeen));
}

function budget(s) {
  const used = Number(s.weightUsed);
  const limit = Number(s.weightLimit);
  const pct = limit > 0 ? Math.round((used / limit) * 1000) / 10 : null;
  const level = pct === null ? '' : pct >= 90 ? ' ⚠ nearly spent' : pct >= 75 ? ' ⚠ high' : '';
  return [
    h('p', { id: 'weight-budget' }, `${used} of ${limit} request weight used in the last minute`, pct === null ? '' : ` (${pct} %)${level}`),
    pct === null ? null : h('meter', { min: '0', max: '100', low: '75', high: '90', optimum: '10', value: String(Math.min(100, pct)), 'aria-label': `${pct} % of the request-weight budget` }),
    h('p', { class: 'muted' }, `Health ${s.health}${(s.problems || []).length ? ': ' + s.problems.join('; ') : ''} · scans ${s.scansCompleted} · venue calls ${s.venueCalls} · rate-limit hits ${s.rateLimitHits ?? 0}`),
  ];
}

function hotTable(orders, changes, now) {
  if (orders.length === 0) return h('p', { class: 'muted', id: 'hot-empty' }, 'No order in the hot pool matches.');
  const rows = orders.map((o) => {
    const c = changes.get(o.id) || '';
    return h(
      'tr',
      { 'data-order': o.id, class: c ? 'row-' + c : null, 'data-change': c || null },
      cell([o.symbol, c ? h('span', { class: 'tag' }, c === 'new' ? 'new' : 'changed') : null]),
      cell(o.side === 'BUY' ? '▲ BUY' : '▼ SELL'),
      cell(o.price, 'num'),
      cell(usd(o.usdValue), 'num'),
      cell(o.category ? `${MARK[o.category] || ''} ${o.category.toLowerCase()}` : '—'),
      cell(age(o, now), 'num'),
      cell(o.weight === null || o.weight === undefined ? '—' : Number(o.weight).toFixed(3), 'num'),
    );
  });
  return table(['Symbol', 'Side', { text: 'Price', class: 'num' }, { text: 'USD value', class: 'num' }, 'Category', { text: 'Age', class: 'num' }, { text: 'Weight', class: 'num' }], rows, { id: 'hot-table' });
}

function observerTable(orders, now) {
  if (orders.length === 0) return h('p', { class: 'muted', id: 'observer-empty' }, 'No candidate being observed.');
  const rows = orders.map((o) => h('tr', { 'data-order': o.id }, cell(o.symbol), cell(o.side === 'BUY' ? '▲ BUY' : '▼ SELL'), cell(o.price, 'num'), cell(usd(o.usdValue), 'num'), cell(age(o, now), 'num')));
  return table(['Symbol', 'Side', { text: 'Price', class: 'num' }, { text: 'USD value', class: 'num' }, { text: 'Age', class: 'num' }], rows, { id: 'observer-table' });
}
