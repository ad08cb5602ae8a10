// One bot: its definition (per kind), controls, and — when the server runs bots — its status,
// PnL chart, open orders, positions and copier followers, refreshed from the live events.
import * as api from '../api.js';
import { h, add, table, cell, flash, twoStep } from '../dom.js';
import { money, time, venue } from '../format.js';
import { canWrite, nav } from '../session.js';
import * as live from '../live.js';
import { controls } from './controls.js';
import { runData } from './run-data.js';
import { copierPage } from './copier-run.js';
import { mmPage } from './mm-run.js';
import { scannerPage } from './scanner-run.js';

function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(Boolean).map(([k, v]) => [h('dt', null, k), h('dd', null, v === undefined || v === null || v === '' ? '—' : v)]));
}

function belongs(e, id) {
  const d = e.data;
  return d && typeof d === 'object' && (d.bot === id || d.id === id || d.botId === id);
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
  const kindBox = h('div', { id: 'kind-run', 'data-kind': bot.kind });
  const eventsList = h('ol', { id: 'bot-events', reversed: true });
  root.append(
    h('p', null, h('a', { href: '#/' }, '← Bots')),
    h('div', { class: 'actions' }, h('h1', { id: 'bot-title' }, bot.name), stateBadge),
    h('div', { class: 'actions' }, controls(bot, () => loadRun()), canWrite() ? h('a', { href: `#/bots/${encodeURIComponent(id)}/edit`, id: 'edit-bot' }, 'Edit') : null, remove),
    h('div', { class: 'grid2' }, h('section', { class: 'card', id: 'bot-definition' }, h('h2', null, 'Definition'), definition(bot, keyName)), h('section', { class: 'card' }, h('h2', null, 'Recent events of this bot'), eventsList)),
    runBox,
    kindBox,
  );
  const showDefinition = (b) => {
    const card = document.getElementById('bot-definition');
    card.replaceChildren(h('h2', null, 'Definition'));
    add(card, definition(b, keyName));
  };
  // the kind's live page, built while the bot runs (and built again after a restart)
  let page = null;
  const makePage = () =>
    bot.kind === 'copier'
      ? copierPage(kindBox, bot, keyList.items, keyName)
      : bot.kind === 'scanner'
        ? scannerPage(kindBox, bot)
        : mmPage(kindBox, bot, showDefinition);

  const loadRun = async () => {
    const [status, pnl, positions] = await Promise.all([runData(id, 'status'), runData(id, 'pnl'), bot.kind === 'scanner' ? null : runData(id, 'positions')]);
    if (status && status.state) {
      stateBadge.textContent = status.state;
      stateBadge.className = 'status ' + status.state;
    }
    runBox.replaceChildren(...runSections(bot, { status, pnl, positions }));
    if (status && status.state === 'running') {
      if (!page) page = makePage();
      await page.refresh();
    } else {
      page = null;
      kindBox.replaceChildren(h('p', { class: 'muted', id: 'not-running' }, `Live figures appear here while the bot runs (it is ${status && status.state ? status.state : bot.state} now).`));
    }
  };
  await loadRun();

  let timer = null;
  const unsubscribe = live.subscribe((e) => {
    if (!belongs(e, id)) return;
    eventsList.prepend(h('li', { class: 'event-new' }, h('span', { class: 'mono' }, `#${e.id}`), ' ', e.type, ' ', time(e.receivedAt)));
    while (eventsList.children.length > 30) eventsList.lastElementChild.remove();
    if (e.type === 'bot.deleted') {
      flash('ok', `${bot.name} was deleted.`);
      return;
    }
    // at most one reload in flight and one queued: a busy bot (a quoting market maker) sends
    // events all the time, so this throttles rather than debounces
    if (timer) return;
    timer = setTimeout(async () => {
      api
        .get(`/api/bots/${encodeURIComponent(id)}`)
        .then((b) => {
          stateBadge.textContent = b.state;
          stateBadge.className = 'status ' + b.state;
          document.getElementById('bot-title').textContent = b.name;
        })
        .catch(() => {});
      try {
        await loadRun();
      } catch (err) {
        // shown on the next successful load
      }
      timer = null;
    }, 250);
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

function runSections(bot, d) {
  const out = [];
  const { status, pnl, positions } = d;
  if (!status && !pnl && !positions) {
    out.push(h('p', { class: 'muted', id: 'no-run-data' }, 'This server keeps bot definitions only; status, orders, positions and PnL appear here once it runs bots.'));
    return out;
  }
  const cards = [];
  if (status) cards.push(section('run-status', 'Status', status, () => kv([['State', status.state], ['Engine', status.engine ? status.engine.engine : '—'], ['Last error', status.lastError]])));
  if (pnl) {
    cards.push(
      section('run-pnl', 'PnL (income on the venue)', pnl, () => {
        const rows = Object.entries(pnl.currencies || {}).map(([cur, c]) => {
          const today = money(c.today, cur);
          const total = money(c.total, cur);
          return h('tr', { 'data-currency': cur }, cell(cur), cell(today.text, today.class), cell(total.text, total.class));
        });
        const unrealized = money(pnl.unrealizedPnl, '');
        return [rows.length ? table(['Currency', { text: 'Today', class: 'num' }, { text: 'Since created', class: 'num' }], rows, { id: 'pnl-table' }) : h('p', { class: 'muted' }, 'No income yet.'), h('p', null, 'Unrealised on open positions: ', h('span', { class: unrealized.class }, unrealized.text))];
      }),
    );
  }
  out.push(h('div', { class: 'grid2' }, cards));
  if (positions) {
    out.push(
      section('run-positions', 'Positions', positions, () =>
        (positions.items || []).length === 0
          ? h('p', { class: 'muted', id: 'no-positions' }, 'Flat: no open position.')
          : table(['Account', 'Symbol', 'Side', { text: 'Quantity', class: 'num' }, { text: 'Entry', class: 'num' }, { text: 'Mark', class: 'num' }, { text: 'Unrealised PnL', class: 'num' }], (positions.items || []).map((p) => {
              const m = money(p.unrealizedPnl, '');
              return h('tr', null, cell(p.account === 'leader' || p.account === 'bot' ? p.account : 'follower ' + p.account), cell(p.symbol), cell(p.positionSide), cell(p.amount, 'num'), cell(p.entryPrice, 'num'), cell(p.markPrice, 'num'), cell(m.text, m.class));
            }), { id: 'positions-table' }),
      ),
    );
  }
  return out;
}
