// Create or edit a bot definition. Fields follow the server's kinds; what the server refuses comes
// back as an RFC 9457 problem naming the field, shown next to that field.
import * as api from '../api.js';
import { h } from '../dom.js';
import { venue, VENUES } from '../format.js';
import { canWrite, nav } from '../session.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

/** The configuration fields of each kind: name, label, type (text, decimal, integer, number, select, symbols). */
export const KINDS = {
  grid: [
    ['symbol', 'Symbol', 'text', 'e.g. BTCUSDT'],
    ['lower', 'Lower price', 'decimal'],
    ['upper', 'Upper price', 'decimal'],
    ['levels', 'Levels (2–200)', 'integer'],
    ['quantity', 'Quantity per level', 'decimal'],
  ],
  dca: [
    ['symbol', 'Symbol', 'text', 'e.g. BTCUSDT'],
    ['side', 'Side', ['BUY', 'SELL']],
    ['quantity', 'Quantity per step', 'decimal'],
    ['steps', 'Steps (1–100)', 'integer'],
    ['stepPercent', 'Step (%)', 'number'],
  ],
  'market-maker': [
    ['symbol', 'Symbol', 'text', 'e.g. BTCUSDT'],
    ['strategy', 'Strategy', ['fixed-spread', 'ladder', 'avellaneda-stoikov']],
  ],
  scanner: [
    ['symbols', 'Symbols (comma-separated)', 'symbols'],
    ['minNotional', 'Minimum order value (USD)', 'decimal'],
  ],
  copier: [],
};

const MM_PARAMETERS = {
  'fixed-spread': [['spreadBps', 'Spread (bps)', 'number'], ['quantity', 'Quantity', 'decimal']],
  ladder: [['spreadBps', 'Spread (bps)', 'number'], ['quantity', 'Quantity', 'decimal'], ['levels', 'Levels (1–50)', 'integer'], ['stepBps', 'Step (bps)', 'number']],
  'avellaneda-stoikov': [['gamma', 'Risk aversion γ', 'number'], ['kappa', 'Order-book κ', 'number'], ['quantity', 'Quantity', 'decimal'], ['horizonSeconds', 'Horizon (s)', 'integer']],
};

function id(path) {
  return 'f-' + path.replace(/[^A-Za-z0-9]+/g, '-');
}

function fieldInput(path, label, type, hint, current) {
  const value = current === undefined || current === null ? '' : Array.isArray(current) ? current.join(', ') : String(current);
  if (Array.isArray(type)) {
    return input(id(path), label, { tag: 'select', field: path, options: type, value: value || type[0], 'data-type': 'text' }, hint);
  }
  const inputmode = type === 'decimal' || type === 'number' ? 'decimal' : type === 'integer' ? 'numeric' : null;
  return input(id(path), label, { field: path, value, autocomplete: 'off', inputmode, 'data-type': type }, hint);
}

/** The value of an input as the API wants it; undefined when empty (the server then says what is missing). */
function valueOf(el) {
  const raw = el.type === 'checkbox' ? el.checked : el.value.trim();
  if (raw === '' ) return undefined;
  switch (el.dataset.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(raw) ? Number(raw) : raw;
    case 'symbols':
      return raw.split(/[\s,]+/).filter(Boolean);
    default:
      return raw;
  }
}

export async function render(root, { params }) {
  const editing = params.length > 0 ? params[0] : null;
  root.append(h('h1', null, editing ? 'Edit bot' : 'New bot'));
  if (!canWrite()) {
    root.append(h('p', { role: 'alert' }, 'Your role is read-only: you cannot create or change bots.'));
    return;
  }
  const [bot, keyList] = await Promise.all([editing ? api.get(`/api/bots/${encodeURIComponent(editing)}`) : null, api.get('/api/keys')]);
  const keys = keyList.items;
  if (keys.length === 0) {
    root.append(h('p', { id: 'needs-key' }, 'A bot trades with one of your exchange keys. ', h('a', { href: '#/keys' }, 'Add an exchange key first.')));
    return;
  }
  const keyOptions = keys.map((k) => ({ value: k.id, label: `${k.exchange} · ${k.account} · ${k.fingerprint}` }));
  const kinds = Object.keys(KINDS);
  const name = input('f-name', 'Name', { field: 'name', required: true, maxlength: 100, value: bot ? bot.name : '' });
  const kind = input('f-kind', 'Kind', { tag: 'select', field: 'kind', options: kinds, value: bot ? bot.kind : 'grid', disabled: Boolean(bot) });
  const provider = input('f-provider', 'Venue', { tag: 'select', field: 'provider', options: Object.keys(VENUES).filter((v) => v !== 'bybit-linear').map((v) => ({ value: v, label: venue(v) })), value: bot ? bot.provider : 'sim', disabled: Boolean(bot) });
  const key = input('f-keyId', 'Exchange key (the leader, for a copier)', { tag: 'select', field: 'keyId', options: keyOptions, value: bot ? bot.keyId : keys[0].id });
  const configBox = h('fieldset', { id: 'config' });
  const form = h('form', { class: 'card', id: 'bot-form', novalidate: true }, name.row, h('div', { class: 'inline' }, kind.row, provider.row, key.row), configBox, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'bot-submit' }, editing ? 'Save' : 'Create bot'), h('a', { href: editing ? `#/bots/${encodeURIComponent(editing)}` : '#/' }, 'Cancel')));

  const current = bot ? bot.config || {} : {};
  let collect = () => ({});
  const drawConfig = () => {
    const k = kind.el.value;
    configBox.replaceChildren(h('legend', null, 'Configuration: ' + k));
    if (k === 'copier') {
      collect = copierFields(configBox, keyOptions, bot && bot.kind === 'copier' ? current.followers || [] : []);
      return;
    }
    const inputs = [];
    const row = h('div', { class: 'inline' });
    configBox.append(row);
    for (const [f, label, type, hint] of KINDS[k]) {
      const x = fieldInput('config.' + f, label, type, hint, bot && bot.kind === k ? current[f] : undefined);
      row.append(x.row);
      inputs.push([f, x.el]);
    }
    let params = [];
    if (k === 'market-maker') {
      const strategy = inputs.find(([f]) => f === 'strategy')[1];
      const paramBox = h('div', { class: 'inline', id: 'mm-parameters' });
      configBox.append(paramBox);
      const drawParams = () => {
        paramBox.replaceChildren();
        params = [];
        const saved = bot && bot.kind === k && current.strategy === strategy.value ? current.parameters || {} : {};
        for (const [f, label, type] of MM_PARAMETERS[strategy.value]) {
          const x = fieldInput('config.parameters.' + f, label, type, null, saved[f]);
          paramBox.append(x.row);
          params.push([f, x.el]);
        }
      };
      strategy.addEventListener('change', drawParams);
      drawParams();
    }
    collect = () => {
      const out = {};
      for (const [f, el] of inputs) {
        const v = valueOf(el);
        if (v !== undefined) out[f] = v;
      }
      if (k === 'market-maker') {
        out.parameters = {};
        for (const [f, el] of params) {
          const v = valueOf(el);
          if (v !== undefined) out.parameters[f] = v;
        }
      }
      return out;
    };
  };
  kind.el.addEventListener('change', drawConfig);
  drawConfig();

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        const body = { name: name.el.value, keyId: key.el.value, config: collect() };
        const saved = editing
          ? await api.patch(`/api/bots/${encodeURIComponent(editing)}`, body)
          : await api.post('/api/bots', { ...body, kind: kind.el.value, provider: provider.el.value });
        nav.go(`#/bots/${encodeURIComponent(saved.id)}`);
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  root.append(form);
  name.el.focus();
}

/** The followers of a copier: one row each (key, policy, cap, paused); returns the collector. */
function copierFields(box, keyOptions, followers) {
  const list = h('div', { id: 'followers' });
  const addButton = h('button', { type: 'button', id: 'add-follower' }, '+ Add a follower');
  box.append(list, addButton);
  const rows = [];
  const draw = () => {
    list.replaceChildren();
    rows.forEach((r, i) => list.append(r.render(i)));
  };
  const addRow = (f) => {
    const policy = (f && f.policy) || { mode: 'ratio', ratio: '1' };
    const state = { keyId: f ? f.keyId : keyOptions[0].value, mode: policy.mode, amount: policy.mode === 'fixed' ? policy.quantity : policy.ratio, max: policy.maxQuantity || '', paused: Boolean(f && f.paused) };
    const row = {
      state,
      els: null,
      render(i) {
        const p = `config.followers[${i}]`;
        const k = input(id(p + '.keyId'), 'Follower key', { tag: 'select', field: p + '.keyId', options: keyOptions, value: state.keyId });
        const m = input(id(p + '.policy.mode'), 'Policy', { tag: 'select', field: p + '.policy.mode', options: [{ value: 'ratio', label: 'ratio of the leader' }, { value: 'fixed', label: 'fixed quantity' }], value: state.mode });
        const amountField = () => p + '.policy.' + (m.el.value === 'fixed' ? 'quantity' : 'ratio');
        const a = input(id(p + '.policy.amount'), 'Ratio or quantity', { field: amountField(), value: state.amount, inputmode: 'decimal', autocomplete: 'off' });
        const x = input(id(p + '.policy.maxQuantity'), 'Max quantity (optional)', { field: p + '.policy.maxQuantity', value: state.max, inputmode: 'decimal', autocomplete: 'off' });
        const paused = h('input', { type: 'checkbox', id: id(p + '.paused'), 'data-field': p + '.paused', checked: state.paused });
        m.el.addEventListener('change', () => (a.el.dataset.field = amountField()));
        const remove = h('button', { type: 'button', 'aria-label': `Remove follower ${i + 1}` }, 'Remove');
        remove.addEventListener('click', () => {
          sync();
          rows.splice(rows.indexOf(row), 1);
          draw();
        });
        row.els = { k, m, a, x, paused };
        return h('fieldset', { class: 'follower' }, h('legend', null, `Follower ${i + 1}`), h('div', { class: 'inline' }, k.row, m.row, a.row, x.row, h('div', { class: 'row' }, h('label', { for: paused.id }, 'Paused'), paused), remove));
      },
    };
    rows.push(row);
  };
  const sync = () => {
    for (const r of rows) {
      if (!r.els) continue;
      r.state.keyId = r.els.k.el.value;
      r.state.mode = r.els.m.el.value;
      r.state.amount = r.els.a.el.value;
      r.state.max = r.els.x.el.value;
      r.state.paused = r.els.paused.checked;
    }
  };
  (followers.length ? followers : [null]).forEach(addRow);
  draw();
  addButton.addEventListener('click', () => {
    sync();
    addRow(null);
    draw();
  });
  return () => {
    sync();
    return {
      followers: rows.map((r) => {
        const policy = { mode: r.state.mode };
        const amount = r.state.amount.trim();
        if (amount) policy[r.state.mode === 'fixed' ? 'quantity' : 'ratio'] = amount;
        if (r.state.max.trim()) policy.maxQuantity = r.state.max.trim();
        return { keyId: r.state.keyId, policy, paused: r.state.paused };
      }),
    };
  };
}
