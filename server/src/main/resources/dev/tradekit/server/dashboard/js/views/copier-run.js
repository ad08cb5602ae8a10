// The copier's live page: followers with their position next to the exact target, copy counts and
// latency, pause / resume / remove, add a follower with its policy; the copy history with filters
// and CSV; latency percentiles; failures and skips with their reasons; the price with the copies.
import * as api from '../api.js';
import { h, put, table, cell, flash, twoStep } from '../dom.js';
import { mul, sum, sign, cmp, trim, percentile, millis, time } from '../format.js';
import { canWrite } from '../session.js';
import { input, showProblem, busy } from './form-util.js';
import { priceCard } from './price-card.js';

const PAGE = 50;

function path(bot, rest) {
  return `/api/bots/${encodeURIComponent(bot.id)}${rest}`;
}

/** The follower's target for one symbol: leader × ratio, capped by maxQuantity; null if fixed. */
export function target(policy, leaderAmount) {
  if (!policy || policy.mode !== 'ratio' || leaderAmount === null) return null;
  let t = mul(leaderAmount, policy.ratio);
  if (t !== null && policy.maxQuantity && cmp(t.replace(/^-/, ''), policy.maxQuantity) > 0) {
    t = (sign(t) < 0 ? '-' : '') + policy.maxQuantity;
  }
  return t === null ? null : trim(t);
}

function amounts(positions, account) {
  const m = new Map();
  for (const p of positions) {
    if (p.account !== account) continue;
    m.set(p.symbol, sum([m.get(p.symbol) || '0', p.amount]));
  }
  return m;
}

function policyText(p) {
  const base = p.mode === 'fixed' ? `fixed ${p.quantity} per fill` : `${p.ratio} × leader`;
  return p.maxQuantity ? `${base}, at most ${p.maxQuantity}` : base;
}

/**
 * Builds the copier sections into `box`; returns {refresh, stop}. `keyName` names a vault key.
 */
export function copierPage(box, bot, keys, keyName) {
  const followersBox = h('div', { id: 'copier-followers' });
  const latencyBox = h('div', { id: 'copier-latency' });
  const problemsBox = h('div', { id: 'copier-problems' });
  const historyBox = h('div', { id: 'copier-history' });
  const chart = priceCard('copier-chart', bot);
  const filters = { follower: '', symbol: '', status: '', offset: 0 };
  const historyForm = historyFilters(bot, keyName, filters, () => loadHistory());
  const addForm = canWrite() ? addFollowerForm(bot, keys, () => refresh()) : null;
  put(box, 
    h('section', { class: 'card', id: 'run-followers' }, h('h2', null, 'Leader and followers'), h('p', { id: 'copier-leader' }, 'Leader: ', h('strong', null, keyName(bot.keyId))), followersBox, addForm),
    h('div', { class: 'grid2' }, h('section', { class: 'card' }, h('h2', null, 'Copy latency'), latencyBox), h('section', { class: 'card' }, h('h2', null, 'Failures and skips'), problemsBox)),
    chart.section,
    h('section', { class: 'card', id: 'run-history' }, h('h2', null, 'Copy history'), historyForm, historyBox),
  );

  let lastHistory = [];
  const loadHistory = async () => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(filters.offset) });
    if (filters.follower) q.set('follower', filters.follower);
    if (filters.symbol) q.set('symbol', filters.symbol.toUpperCase());
    let items;
    try {
      items = (await api.get(path(bot, '/history?' + q))).items || [];
    } catch (e) {
      put(historyBox, h('p', { class: 'muted' }, 'Not available: ' + e.message));
      return [];
    }
    const shown = filters.status ? items.filter((r) => r.status === filters.status) : items;
    put(historyBox, historyTable(shown, keyName), pager(filters, items.length, () => loadHistory()));
    return items;
  };

  const refresh = async () => {
    const [followers, positions, recent] = await Promise.all([
      api.get(path(bot, '/followers')).catch((e) => ({ error: e.message })),
      api.get(path(bot, '/positions')).catch(() => ({ items: [] })),
      api.get(path(bot, '/history?limit=200')).catch(() => ({ items: [] })),
    ]);
    const pos = positions.items || [];
    lastHistory = recent.items || [];
    // keep the keyboard focus on the same follower's button across the redraw
    const focused = document.activeElement;
    const again = focused && focused.dataset && focused.dataset.followerAction ? [focused.closest('tr').dataset.follower, focused.dataset.followerAction] : null;
    put(followersBox, followers.error ? h('p', { class: 'muted' }, 'Not available: ' + followers.error) : followersTable(bot, followers.items || [], pos, lastHistory, keyName, () => refresh()));
    if (again) {
      const b = [...followersBox.querySelectorAll('[data-follower-action]')].find((x) => x.dataset.followerAction === again[1] && x.closest('tr').dataset.follower === again[0]);
      if (b) b.focus();
    }
    put(latencyBox, latencyTable(followers.items || [], lastHistory, keyName));
    put(problemsBox, problemsList(lastHistory, keyName));
    await loadHistory();
    const fills = lastHistory.filter((r) => r.leaderPrice && r.leaderTime && r.status === 'COPIED').map((r) => ({ time: r.leaderTime, price: r.leaderPrice, side: r.side, quantity: r.executedQuantity || r.quantity }));
    await chart.draw(fills, []);
  };
  return { refresh };
}

function followersTable(bot, followers, positions, history, keyName, after) {
  if (followers.length === 0) return h('p', { class: 'muted' }, 'No follower.');
  const leader = amounts(positions, 'leader');
  const symbols = new Set([...leader.keys()]);
  for (const r of history) symbols.add(r.symbol);
  const rows = [];
  for (const f of followers) {
    const mine = amounts(positions, f.keyId);
    const s = f.stats || {};
    const last = history.find((r) => r.follower === f.keyId && r.status === 'COPIED');
    const state = f.paused ? 'paused' : s.active === false ? 'paused' : s.active ? 'active' : 'stopped';
    const syms = [...new Set([...symbols, ...mine.keys()])];
    const posText = syms.length === 0 ? ['flat'] : syms.map((sym) => `${sym} ${mine.get(sym) || '0'}`);
    const targetText = syms.length === 0 ? ['flat'] : syms.map((sym) => {
      const t = target(f.policy, leader.get(sym) || '0');
      if (t === null) return `${sym}: fixed size per fill`;
      const have = mine.get(sym) || '0';
      const ok = cmp(have, t) === 0;
      return `${sym} ${t} ${ok ? '✓ on target' : '≠ off target'}`;
    });
    rows.push(
      h(
        'tr',
        { 'data-follower': f.keyId },
        cell(keyName(f.keyId)),
        cell(policyText(f.policy)),
        cell(h('span', { class: 'status ' + state, 'data-state': state }, state + (s.pausedReason ? ': ' + s.pausedReason : ''))),
        cell(posText.map((t) => h('div', { class: 'follower-position' }, t)), 'num'),
        cell(targetText.map((t) => h('div', { class: 'follower-target' }, t)), 'num'),
        cell(`${s.copied ?? 0} / ${s.skipped ?? 0} / ${s.failed ?? 0}`, 'num'),
        cell(last ? `${millis(last.latencyMillis)} (${time(last.leaderTime)})` : '—', 'num'),
        canWrite() ? cell(followerActions(bot, f, after)) : null,
      ),
    );
  }
  const headers = ['Follower', 'Policy', 'State', { text: 'Position', class: 'num' }, { text: 'Target', class: 'num' }, { text: 'Copied / skipped / failed', class: 'num' }, { text: 'Last copy latency', class: 'num' }];
  if (canWrite()) headers.push('Actions');
  return table(headers, rows, { id: 'followers-live' });
}

function followerActions(bot, f, after) {
  const name = f.keyId;
  const act = async (method, rest, done) => {
    try {
      await api.call(method, path(bot, `/followers/${encodeURIComponent(name)}${rest}`));
      flash('ok', done);
    } catch (e) {
      flash('error', `Follower ${name}: ${e.message}`);
    }
    await after();
  };
  const toggle = f.paused
    ? h('button', { type: 'button', 'data-follower-action': 'resume', onclick: () => act('POST', '/resume', `Resumed follower ${name}.`) }, 'Resume')
    : h('button', { type: 'button', 'data-follower-action': 'pause', onclick: () => act('POST', '/pause', `Paused follower ${name}.`) }, 'Pause');
  const remove = twoStep({ 'data-follower-action': 'remove' }, 'Remove', 'Confirm remove', () => act('DELETE', '', `Removed follower ${name}.`));
  return h('div', { class: 'actions' }, toggle, remove);
}

function addFollowerForm(bot, keys, after) {
  const used = new Set([bot.keyId, ...((bot.config && bot.config.followers) || []).map((f) => f.keyId)]);
  const options = keys.filter((k) => !used.has(k.id)).map((k) => ({ value: k.id, label: `${k.exchange} · ${k.account} · ${k.fingerprint}` }));
  const key = input('follower-key', 'Key', { tag: 'select', field: 'keyId', options });
  const mode = input('follower-mode', 'Policy', { tag: 'select', field: 'policy.mode', options: [{ value: 'ratio', label: 'ratio of the leader' }, { value: 'fixed', label: 'fixed quantity per fill' }] });
  const amount = input('follower-amount', 'Ratio', { field: 'policy.ratio', inputmode: 'decimal', required: true, value: '1' });
  const max = input('follower-max', 'Max quantity (optional)', { field: 'policy.maxQuantity', inputmode: 'decimal' });
  mode.el.addEventListener('change', () => {
    const fixed = mode.el.value === 'fixed';
    amount.row.querySelector('label').textContent = fixed ? 'Quantity' : 'Ratio';
    amount.el.dataset.field = fixed ? 'policy.quantity' : 'policy.ratio';
  });
  const form = h('form', { id: 'follower-add-form', 'aria-label': 'Add a follower' }, h('h3', null, 'Add a follower'), h('div', { class: 'inline' }, key.row, mode.row, amount.row, max.row, h('button', { type: 'submit', class: 'primary', id: 'follower-submit' }, 'Add')));
  if (options.length === 0) return h('p', { class: 'muted', id: 'follower-add-form' }, 'Add a follower: every vault key is already in this copier; add a key first.');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const policy = { mode: mode.el.value };
    policy[mode.el.value === 'fixed' ? 'quantity' : 'ratio'] = amount.el.value.trim();
    if (max.el.value.trim()) policy.maxQuantity = max.el.value.trim();
    await busy(form, async () => {
      try {
        const updated = await api.post(path(bot, '/followers'), { keyId: key.el.value, policy });
        bot.config = updated.config;
        flash('ok', 'Follower added.');
        form.replaceWith(addFollowerForm(bot, keys, after));
        await after();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  return form;
}

const STATUSES = ['COPIED', 'SKIPPED', 'FAILED', 'INTENDED', 'PENDING'];

function historyFilters(bot, keyName, filters, reload) {
  const followers = ((bot.config && bot.config.followers) || []).map((f) => ({ value: f.keyId, label: keyName(f.keyId) }));
  const follower = input('history-follower', 'Follower', { tag: 'select', options: [{ value: '', label: 'all' }, ...followers] });
  const symbol = input('history-symbol', 'Symbol', { placeholder: 'e.g. BTCUSDT', autocapitalize: 'characters' });
  const status = input('history-status', 'Status', { tag: 'select', options: [{ value: '', label: 'all' }, ...STATUSES] });
  const csv = h('button', { type: 'button', id: 'history-csv' }, 'Download CSV');
  const csvNote = h('span', { class: 'muted', id: 'history-csv-note', role: 'status' });
  const form = h('form', { id: 'history-filters', 'aria-label': 'Filter the copy history' }, h('div', { class: 'inline' }, follower.row, symbol.row, status.row, h('button', { type: 'submit', id: 'history-apply' }, 'Filter'), csv), csvNote);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    filters.follower = follower.el.value;
    filters.symbol = symbol.el.value.trim();
    filters.status = status.el.value;
    filters.offset = 0;
    reload();
  });
  csv.addEventListener('click', () => downloadCsv(bot, filters, csvNote));
  return form;
}

/**
 * Asks the server for the history as CSV (?format=csv). A server that cannot (406, 400, or JSON
 * instead of CSV) gets a note, not a broken download.
 */
async function downloadCsv(bot, filters, note) {
  const q = new URLSearchParams({ format: 'csv', limit: '1000' });
  if (filters.follower) q.set('follower', filters.follower);
  if (filters.symbol) q.set('symbol', filters.symbol.toUpperCase());
  note.textContent = 'Preparing the CSV…';
  try {
    let r = await fetch(path(bot, '/history?' + q), { headers: { Accept: 'text/csv' }, credentials: 'same-origin', cache: 'no-store' });
    if (r.status === 401 && (await api.renew())) r = await fetch(path(bot, '/history?' + q), { headers: { Accept: 'text/csv' }, credentials: 'same-origin', cache: 'no-store' });
    const type = r.headers.get('Content-Type') || '';
    if (!r.ok || !type.includes('csv')) {
      note.textContent = r.status === 406 || r.ok || r.status === 400 ? 'This server does not export the history as CSV yet.' : `CSV export failed (HTTP ${r.status}).`;
      return;
    }
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `copies-${bot.id}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    note.textContent = 'CSV downloaded.';
  } catch (e) {
    note.textContent = 'CSV export failed: ' + e.message;
  }
}

function pager(filters, count, reload) {
  const prev = h('button', { type: 'button', id: 'history-newer', disabled: filters.offset === 0 }, '← Newer');
  const next = h('button', { type: 'button', id: 'history-older', disabled: count < PAGE }, 'Older →');
  prev.addEventListener('click', () => {
    filters.offset = Math.max(0, filters.offset - PAGE);
    reload();
  });
  next.addEventListener('click', () => {
    filters.offset += PAGE;
    reload();
  });
  return h('div', { class: 'actions pager' }, prev, h('span', { class: 'muted' }, `copies ${filters.offset + 1}–${filters.offset + count}`), next);
}

function historyTable(items, keyName) {
  if (items.length === 0) return h('p', { class: 'muted', id: 'history-empty' }, 'No copy matches.');
  const rows = items.map((r) =>
    h(
      'tr',
      { 'data-copy': r.clientOrderId, 'data-status': r.status },
      cell(time(r.leaderTime)),
      cell(keyName(r.follower)),
      cell(r.symbol),
      cell(`${r.action} ${r.side}`),
      cell(r.leaderQuantity ? `${r.leaderQuantity} @ ${r.leaderPrice}` : '—', 'num'),
      cell(`${r.executedQuantity || '0'} of ${r.quantity || '0'}${r.averagePrice ? ' @ ' + r.averagePrice : ''}`, 'num'),
      cell(h('span', { class: 'status ' + r.status.toLowerCase() }, r.status)),
      cell(millis(r.latencyMillis), 'num'),
      cell(r.reason || '—'),
    ),
  );
  return table(['Leader fill time', 'Follower', 'Symbol', 'Action', { text: 'Leader fill', class: 'num' }, { text: 'Copy filled', class: 'num' }, 'Status', { text: 'Latency', class: 'num' }, 'Reason'], rows, { id: 'history-table' });
}

function latencyTable(followers, history, keyName) {
  const rows = followers.map((f) => {
    const mine = history.filter((r) => r.follower === f.keyId && r.status === 'COPIED').map((r) => Number(r.latencyMillis));
    const s = f.stats || {};
    return h('tr', { 'data-latency': f.keyId }, cell(keyName(f.keyId)), cell(String(mine.length), 'num'), cell(millis(s.latencyP50Millis ?? percentile(mine, 50)), 'num'), cell(millis(percentile(mine, 90)), 'num'), cell(millis(s.latencyP99Millis ?? percentile(mine, 99)), 'num'), cell(millis(mine.length ? Math.max(...mine) : null), 'num'));
  });
  const all = history.filter((r) => r.status === 'COPIED').map((r) => Number(r.latencyMillis));
  rows.push(h('tr', { 'data-latency': 'all' }, cell(h('strong', null, 'All followers')), cell(String(all.length), 'num'), cell(millis(percentile(all, 50)), 'num'), cell(millis(percentile(all, 90)), 'num'), cell(millis(percentile(all, 99)), 'num'), cell(millis(all.length ? Math.max(...all) : null), 'num')));
  return [table(['Follower', { text: 'Copies', class: 'num' }, { text: 'p50', class: 'num' }, { text: 'p90', class: 'num' }, { text: 'p99', class: 'num' }, { text: 'Max', class: 'num' }], rows, { id: 'latency-table' }), h('p', { class: 'muted' }, 'From the leader fill to the follower order, over the last 200 copies (p50 and p99 of the running engine when it has them).')];
}

function problemsList(history, keyName) {
  const bad = history.filter((r) => r.status === 'FAILED' || r.status === 'SKIPPED').slice(0, 20);
  if (bad.length === 0) return h('p', { class: 'muted', id: 'no-problems' }, 'No failed or skipped copy in the last 200.');
  return h('ul', { id: 'problems-list' }, bad.map((r) => h('li', { 'data-status': r.status }, h('strong', null, r.status === 'FAILED' ? '✗ Failed' : '⤼ Skipped'), ` ${time(r.leaderTime)} · ${keyName(r.follower)} · ${r.symbol} ${r.side} ${r.quantity || ''}: `, r.reason || 'no reason given')));
}
