// Backtests as jobs: a form that submits a backtest or a grid search, the runs as a table with a
// live progress bar (from the event stream's backtest.* events), a link to each finished run's
// HTML report, a cancel button for queued and running jobs and a delete button for every job (not
// for viewers; deleting a running job cancels it first), and a comparison of
// the runs' headline figures, sortable by any of them.
import * as api from '../api.js';
import { h, flash, label, twoStep } from '../dom.js';
import { time } from '../format.js';
import { canWrite } from '../session.js';
import * as live from '../live.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

const STRATEGIES = ['fixed-spread', 'inventory-skew', 'sma-cross', 'rsi', 'ta4j-sma-cross', 'ta4j-rsi'];
const MARKET_MAKERS = ['fixed-spread', 'inventory-skew'];
const METRICS = ['totalReturn', 'sharpe', 'sortino', 'calmar', 'maxDrawdown', 'profitFactor', 'winRate'];
const COLUMNS = [
  { key: 'totalReturn', text: 'Return', fmt: (v) => pct(v, true) },
  { key: 'maxDrawdown', text: 'Max drawdown', fmt: (v) => pct(v, false) },
  { key: 'sharpe', text: 'Sharpe', fmt: (v) => num(v, 2) },
  { key: 'roundTrips', text: 'Trades', fmt: (v) => (v === null || v === undefined ? '—' : String(v)) },
  { key: 'fees', text: 'Fees', fmt: (v) => (v === null || v === undefined ? '—' : num(v, 2) + ' USDT') },
];
const ACTIVE = ['queued', 'running'];

function pct(v, signed) {
  if (v === null || v === undefined) return '—';
  const s = (100 * v).toFixed(2);
  return (signed && v > 0 ? '+' : '') + s.replace(/^-/, '−') + ' %';
}

function num(v, digits) {
  if (v === null || v === undefined) return '—';
  return Number(v).toFixed(digits).replace(/^-/, '−');
}

/** "spread=0.0003 amount=0.002" → {spread: 0.0003, amount: 0.002}; a non-number stays text, for
 * the server to name. */
function pairs(text, list) {
  const out = {};
  for (const part of text.split(/[\s;]+/).filter(Boolean)) {
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    const one = (x) => (x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : x);
    out[k] = list ? raw.split(',').map(one) : one(raw);
  }
  return out;
}

export async function render(root) {
  const state = { jobs: [], sort: 'createdAt', desc: true };
  const list = h('div', { id: 'backtests' });
  const compare = h('div', { id: 'backtest-compare' });
  root.append(
    h('h1', null, 'Backtests'),
    h('p', { class: 'muted' }, 'Backtest a strategy, or search a grid of its parameters, in virtual time on the server. Runs continue when you leave this page.'),
  );
  if (canWrite()) root.append(form(() => load()));
  root.append(h('h2', null, 'Runs'), list, h('h2', null, 'Compare finished runs'), compare);

  const load = async () => {
    const { items } = await api.get('/api/backtests');
    state.jobs = items;
    draw();
  };
  const draw = () => {
    list.replaceChildren(runs(state.jobs, load));
    compare.replaceChildren(comparison(state, draw));
  };
  await load();
  const unsubscribe = live.subscribe((e) => {
    if (!e.type.startsWith('backtest.')) return;
    if (e.type === 'backtest.progress') {
      const job = state.jobs.find((j) => j.id === e.data.id);
      if (job) {
        job.progress = e.data.progress;
        job.state = e.data.state;
        const bar = list.querySelector(`tr[data-job="${CSS.escape(job.id)}"] progress`);
        if (bar) {
          bar.value = job.progress;
          bar.nextSibling.textContent = (100 * job.progress).toFixed(1) + ' %';
          return;
        }
      }
    }
    load().catch(() => {});
  });
  return unsubscribe;
}

function runs(jobs, reload) {
  if (jobs.length === 0) return h('p', { id: 'no-backtests' }, 'No run yet.');
  const headers = ['Name', 'Kind', 'State', 'Progress', { text: 'Submitted', class: 'hide-narrow' }, 'Actions'];
  const rows = jobs.map((j) => {
    const progress = h('span', { class: 'job-progress' }, h('progress', { max: 1, value: j.progress, 'aria-label': `Progress of ${j.name}` }), h('span', { class: 'num' }, (100 * j.progress).toFixed(1) + ' %'));
    const actions = h('span', { class: 'actions' });
    if (j.state === 'done') {
      actions.append(h('a', { href: `/api/backtests/${encodeURIComponent(j.id)}/report`, target: '_blank', rel: 'noopener', 'data-report': j.id }, 'Open report'));
    }
    if (canWrite() && ACTIVE.includes(j.state)) {
      actions.append(
        twoStep({ 'data-cancel': j.id }, 'Cancel', 'Confirm cancel', async () => {
          try {
            const after = await api.post(`/api/backtests/${encodeURIComponent(j.id)}/cancel`);
            flash('ok', `Run ${j.name}: ${after.state === 'cancelled' ? 'cancelled' : 'stopping'}.`);
          } catch (e) {
            flash('error', `Cancel ${j.name}: ${e.message}`);
          }
          reload();
        }),
      );
    }
    if (canWrite()) {
      actions.append(
        twoStep({ 'data-delete': j.id }, 'Delete', 'Confirm delete', async () => {
          try {
            await api.del(`/api/backtests/${encodeURIComponent(j.id)}`);
            flash('ok', `Run ${j.name}: deleted.`);
          } catch (e) {
            flash('error', `Delete ${j.name}: ${e.message}`);
          }
          reload();
        }),
      );
    }
    const stateCell = h('td', null, h('span', { class: 'status ' + j.state, 'data-state': j.state }, j.state), j.error ? h('div', { class: 'muted' }, j.error) : null);
    return h('tr', { 'data-job': j.id }, h('td', null, j.name), h('td', null, j.kind === 'grid' ? 'grid search' : 'backtest'), stateCell, h('td', null, progress), h('td', { class: 'hide-narrow' }, time(j.createdAt)), h('td', null, actions));
  });
  const body = h('tbody', null, rows);
  label(headers, body);
  const head = h('tr', null, headers.map((x) => (typeof x === 'string' ? h('th', { scope: 'col' }, x) : h('th', { scope: 'col', class: x.class }, x.text))));
  return h('div', { class: 'scroll' }, h('table', { id: 'backtests-table' }, h('thead', null, head), body));
}

function comparison(state, redraw) {
  const done = state.jobs.filter((j) => j.state === 'done' && j.summary);
  if (done.length === 0) return h('p', { id: 'no-compare' }, 'Finished runs appear here, side by side.');
  const value = (j, key) => (key === 'createdAt' ? j.createdAt : key === 'name' ? j.name : j.summary[key]);
  const sorted = done.slice().sort((a, b) => {
    const x = value(a, state.sort);
    const y = value(b, state.sort);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = x < y ? -1 : 1;
    return state.desc ? -c : c;
  });
  const sortable = (key, text, cls) => {
    const current = state.sort === key;
    const arrow = current ? (state.desc ? ' ↓' : ' ↑') : '';
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': key, onclick: () => {
      if (state.sort === key) state.desc = !state.desc;
      else {
        state.sort = key;
        state.desc = key !== 'maxDrawdown' && key !== 'fees' && key !== 'name';
      }
      redraw();
      const again = document.querySelector(`#compare-table button[data-sort="${key}"]`);
      if (again) again.focus();
    } }, text + arrow);
    return h('th', { scope: 'col', class: cls, 'aria-sort': current ? (state.desc ? 'descending' : 'ascending') : 'none' }, button);
  };
  const head = h('tr', null, sortable('name', 'Run'), h('th', { scope: 'col' }, 'Parameters'), COLUMNS.map((c) => sortable(c.key, c.text, 'num')), sortable('createdAt', 'Submitted', 'hide-narrow'));
  const rows = sorted.map((j) =>
    h('tr', { 'data-compare': j.id },
      h('td', null, h('a', { href: `/api/backtests/${encodeURIComponent(j.id)}/report`, target: '_blank', rel: 'noopener' }, j.name)),
      h('td', { class: 'mono' }, params(j)),
      COLUMNS.map((c) => h('td', { class: 'num', 'data-key': c.key }, c.fmt(j.summary[c.key]))),
      h('td', { class: 'hide-narrow' }, time(j.createdAt))));
  const body = h('tbody', null, rows);
  label(['Run', 'Parameters', ...COLUMNS.map((c) => c.text), 'Submitted'], body);
  return h('div', { class: 'scroll' }, h('table', { id: 'compare-table' }, h('thead', null, head), body));
}

function params(j) {
  const r = j.request || {};
  const p = j.summary && j.summary.bestParams ? { ...r.params, ...j.summary.bestParams } : r.params || {};
  const shown = Object.entries(p).map(([k, v]) => `${k}=${v}`).join(' ');
  return (r.strategy || '') + (j.summary && j.summary.bestParams ? ' (best of ' + j.summary.runs + ')' : '') + ' ' + shown;
}

function form(reload) {
  const name = input('bt-name', 'Name (optional)', { field: 'name', maxlength: 100, autocomplete: 'off' });
  const strategy = input('bt-strategy', 'Strategy', { tag: 'select', field: 'strategy', options: STRATEGIES });
  const params = input('bt-params', 'Parameters', { field: 'params', autocomplete: 'off', spellcheck: 'false', placeholder: 'spread=0.0003 amount=0.002' }, 'name=value, space-separated; others keep their defaults');
  const grid = input('bt-grid', 'Grid search (optional)', { field: 'grid', autocomplete: 'off', spellcheck: 'false', placeholder: 'spread=0.0002,0.0004' }, 'name=v1,v2,…: one run per combination');
  const metric = input('bt-metric', 'Rank grid runs by', { tag: 'select', field: 'metric', options: METRICS });
  const interval = input('bt-interval', 'Bar length (bar strategies)', { field: 'interval', value: '1m', autocomplete: 'off' });
  const balance = input('bt-balance', 'Balance (USDT)', { field: 'balance', value: '10000', inputmode: 'decimal', autocomplete: 'off' });
  const source = input('bt-source', 'Data', { tag: 'select', field: 'data.source', options: [{ value: 'synthetic', label: 'Synthetic market' }, { value: 'file', label: 'Recorded file' }] });
  const minutes = input('bt-minutes', 'Minutes', { field: 'data.minutes', type: 'number', min: 1, value: '30' });
  const seed = input('bt-seed', 'Seed', { field: 'data.seed', type: 'number', min: 0, value: '42' });
  const file = input('bt-file', 'File (in the server’s data folder)', { field: 'data.file', autocomplete: 'off' });
  const format = input('bt-format', 'Format', { tag: 'select', field: 'data.format', options: ['recording', 'klines', 'trades', 'aggtrades'] });
  const symbol = input('bt-symbol', 'Symbol', { field: 'data.symbol', value: 'BTCUSDT', autocomplete: 'off' });
  const synthetic = h('div', { class: 'inline' }, minutes.row, seed.row);
  const recorded = h('div', { class: 'inline', hidden: true }, file.row, format.row);
  source.el.addEventListener('change', () => {
    synthetic.hidden = source.el.value !== 'synthetic';
    recorded.hidden = source.el.value === 'synthetic';
  });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'bt-submit' }, 'Run backtest');
  grid.el.addEventListener('input', () => {
    submit.textContent = grid.el.value.trim() ? 'Run grid search' : 'Run backtest';
  });
  const f = h('form', { class: 'card', id: 'backtest-form', novalidate: true },
    h('h2', null, 'New run'),
    h('div', { class: 'inline' }, name.row, strategy.row, balance.row),
    params.row,
    h('div', { class: 'inline' }, grid.row, metric.row, interval.row),
    h('div', { class: 'inline' }, source.row, symbol.row),
    synthetic, recorded, submit);
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(f, async () => {
      clearProblems(f);
      const body = { strategy: strategy.el.value, balance: balance.el.value.trim() };
      if (name.el.value.trim()) body.name = name.el.value.trim();
      if (params.el.value.trim()) body.params = pairs(params.el.value, false);
      if (grid.el.value.trim()) {
        body.grid = pairs(grid.el.value, true);
        body.metric = metric.el.value;
      }
      if (!MARKET_MAKERS.includes(strategy.el.value)) body.interval = interval.el.value.trim();
      const data = { source: source.el.value, symbol: symbol.el.value.trim() };
      if (data.source === 'synthetic') {
        data.minutes = Number(minutes.el.value);
        data.seed = Number(seed.el.value);
      } else {
        data.file = file.el.value.trim();
        data.format = format.el.value;
      }
      body.data = data;
      try {
        const job = await api.post('/api/backtests', body);
        flash('ok', `Queued ${job.name}.`);
        await reload();
      } catch (e) {
        // a problem on params.spread or grid.levels shows under the params or grid field
        const field = e.field ? e.field.replace(/^(params|grid)\..*$/, '$1') : null;
        showProblem(f, { message: e.message, field });
      }
    });
  });
  return f;
}
