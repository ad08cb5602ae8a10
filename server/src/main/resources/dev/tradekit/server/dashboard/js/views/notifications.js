// Notification settings: the user's channels (Telegram chat, email address, signed webhook) with
// the events each one gets, a test message per channel, and, for admins, the operator's Telegram
// bot token and SMTP server. Secrets are write-only: the server answers only whether one is set
// (hasSecret / hasToken / hasPassword), the page shows "set" and empties every secret field once
// saved, so no secret is ever in the page after it was stored.
import * as api from '../api.js';
import { h, put, flash, twoStep } from '../dom.js';
import { time } from '../format.js';
import { canWrite, isAdmin } from '../session.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

/** The event kinds a channel can subscribe to (the notify module's EventKind wire names). */
export const KINDS = [
  ['bot.started', 'Bot started'],
  ['bot.stopped', 'Bot stopped'],
  ['bot.error', 'Bot error'],
  ['bot.order.filled', 'Order filled'],
  ['bot.order.rejected', 'Order rejected'],
  ['exchange.error', 'Exchange error'],
  ['copier.copy.failed', 'Copy failed'],
  ['copier.follower.paused', 'Follower paused by a risk limit'],
  ['circuit.opened', 'Circuit breaker open'],
  ['circuit.closed', 'Circuit breaker closed'],
  ['target.pnl.reached', 'PnL target reached'],
  ['target.price.reached', 'Price target reached'],
  ['scanner.wall.promoted', 'New diamond wall'],
  ['backtest.finished', 'Backtest finished'],
];
const DEFAULT_KINDS = ['bot.stopped', 'bot.error', 'exchange.error', 'copier.copy.failed', 'circuit.opened'];

const CHANNELS = [
  { id: 'telegram', title: 'Telegram', address: 'Chat id', hint: 'Digits (negative for a group) or @channelname; the operator sets the bot token.' },
  { id: 'email', title: 'Email', address: 'Email address', hint: 'Sent through the SMTP server the operator sets.' },
  { id: 'webhook', title: 'Webhook', address: 'URL', hint: 'POSTed as JSON, signed with your secret (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).' },
];

export async function render(root) {
  root.append(
    h('h1', null, 'Notifications'),
    h('p', { class: 'muted' }, 'Where the control plane tells you what your bots do. Secrets (webhook secret, bot token, SMTP password) are stored encrypted in the vault and never shown again: the page only says whether one is set.'),
  );
  const box = h('div', { id: 'notify-channels' });
  root.append(box);
  const load = async () => {
    const { items } = await api.get('/api/notifications/channels');
    const byId = new Map(items.map((c) => [c.channel, c]));
    put(box, CHANNELS.map((ch) => channelCard(ch, byId.get(ch.id) || null, load)));
  };
  await load();
  if (isAdmin()) root.append(await operatorSettings());
}

function channelCard(ch, saved, reload) {
  const p = `notify-${ch.id}`;
  const state = saved
    ? [h('span', { class: 'status running', 'data-state': 'on' }, 'on'), saved.disabled ? h('span', { class: 'status error', id: `${p}-disabled` }, `switched off: ${saved.disabled}`) : null, h('span', { class: 'muted' }, ` saved ${time(saved.updatedAt)}`)]
    : [h('span', { class: 'status stopped', 'data-state': 'off' }, 'not set up')];
  const card = h('section', { class: 'card', id: `${p}-card`, 'data-channel': ch.id }, h('div', { class: 'actions' }, h('h2', null, ch.title), state));
  if (!canWrite()) {
    if (saved) card.append(h('p', null, `${ch.address}: `, h('span', { class: 'mono' }, saved.address), ` · ${saved.kinds.length} event kinds · at least ${saved.minSeverity}`));
    return card;
  }
  const address = input(`${p}-address`, ch.address, { field: 'address', required: true, autocomplete: 'off', spellcheck: 'false', maxlength: 2000, value: saved ? saved.address : '' }, ch.hint);
  const severity = input(`${p}-severity`, 'At least', { tag: 'select', field: 'minSeverity', options: ['INFO', 'WARNING', 'ERROR', 'CRITICAL'] });
  severity.el.value = saved ? saved.minSeverity : 'INFO';
  const quiet = input(`${p}-quiet`, 'Quiet hours (UTC, optional)', { field: 'quietHours', placeholder: '22:00-07:00', autocomplete: 'off', maxlength: 100, value: saved && saved.quietHours ? saved.quietHours : '' });
  const silent = h('input', { type: 'checkbox', id: `${p}-silent`, 'data-field': 'silent', checked: saved ? saved.silent : false });
  const chosen = new Set(saved ? saved.kinds : DEFAULT_KINDS);
  const kinds = h(
    'fieldset',
    { class: 'row kinds', 'data-field': 'kinds', id: `${p}-kinds` },
    h('legend', null, 'Events'),
    KINDS.map(([k, label]) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: k, 'data-kind': k, checked: chosen.has(k) }), ` ${label}`)),
  );
  const form = h('form', { class: 'notify-form', id: `${p}-form`, novalidate: true }, address.row, kinds, h('div', { class: 'inline' }, severity.row, quiet.row), h('label', { class: 'check' }, silent, ' Silent (no sound on the phone)'));
  let secret = null;
  if (ch.id === 'webhook') {
    secret = input(`${p}-secret`, saved && saved.hasSecret ? 'Signing secret (set; type a new one to replace it)' : 'Signing secret', { field: 'secret', type: 'password', autocomplete: 'new-password', spellcheck: 'false', maxlength: 200, placeholder: saved && saved.hasSecret ? '•••••••• set' : 'whsec_…' }, 'whsec_ and base64 of 24–64 random bytes; give the same secret to your receiver.');
    const generate = h('button', { type: 'button', id: `${p}-generate` }, 'Generate a secret');
    generate.addEventListener('click', () => {
      secret.el.value = newSecret();
      secret.el.type = 'text';
      secret.el.select();
      flash('ok', 'A new secret is in the field: copy it to your receiver now; after saving it is never shown again.');
    });
    secret.row.append(generate);
    form.append(secret.row);
  }
  const buttons = h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: `${p}-save` }, 'Save'));
  if (saved) {
    const test = h('button', { type: 'button', id: `${p}-test` }, 'Send a test notification');
    test.addEventListener('click', () => sendTest(ch, test));
    buttons.append(
      test,
      twoStep({ id: `${p}-delete` }, 'Remove', 'Confirm remove', async () => {
        try {
          await api.del(`/api/notifications/channels/${ch.id}`);
          flash('ok', `Removed the ${ch.title} channel.`);
        } catch (e) {
          flash('error', `Remove ${ch.title}: ${e.message}`);
        }
        await reload();
      }),
    );
  }
  form.append(buttons);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      const body = {
        address: address.el.value.trim(),
        kinds: [...kinds.querySelectorAll('input[data-kind]:checked')].map((c) => c.value),
        minSeverity: severity.el.value,
        silent: silent.checked,
      };
      if (quiet.el.value.trim()) body.quietHours = quiet.el.value.trim();
      if (secret && secret.el.value) body.secret = secret.el.value;
      try {
        await api.put(`/api/notifications/channels/${ch.id}`, body);
        if (secret) secret.el.value = '';
        flash('ok', `Saved the ${ch.title} channel.`);
        await reload();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  card.append(form);
  return card;
}

async function sendTest(ch, button) {
  button.disabled = true;
  try {
    await api.post(`/api/notifications/channels/${ch.id}/test`);
    flash('ok', `The ${ch.title} test notification was delivered.`);
  } catch (e) {
    flash('error', `The ${ch.title} test failed: ${e.message}`);
  } finally {
    button.disabled = false;
  }
}

/** "whsec_" and base64 of 32 random bytes from the browser's CSPRNG. */
function newSecret() {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return 'whsec_' + btoa(String.fromCharCode(...bytes));
}

/** The operator's Telegram bot token and SMTP server (admins only; secrets write-only). */
async function operatorSettings() {
  const section = h('section', { id: 'notify-operator' }, h('h2', null, 'Operator settings (admins)'));
  const box = h('div');
  section.append(box);
  const load = async () => {
    const [telegram, email] = await Promise.all([api.get('/api/admin/notifications/telegram'), api.get('/api/admin/notifications/email')]);
    put(box, telegramForm(telegram, load), smtpForm(email, load));
  };
  await load();
  return section;
}

function setLabel(configured, flag) {
  return h('span', { class: 'status ' + (configured && flag ? 'running' : 'stopped') }, configured && flag ? 'set' : 'not set');
}

function telegramForm(t, reload) {
  const token = input('notify-telegram-token', 'Bot token', { field: 'token', type: 'password', required: true, autocomplete: 'new-password', spellcheck: 'false', maxlength: 200, placeholder: t.hasToken ? '•••••••• set' : '123456:ABC…' }, 'From @BotFather. Stored in the vault; never shown again.');
  const form = h('form', { class: 'card', id: 'notify-telegram-token-form', novalidate: true }, h('div', { class: 'actions' }, h('h3', null, 'Telegram bot'), h('span', { id: 'telegram-token-state' }, setLabel(t.configured, t.hasToken))), token.row, h('button', { type: 'submit', class: 'primary', id: 'notify-telegram-token-save' }, 'Save token'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        await api.put('/api/admin/notifications/telegram', { token: token.el.value.trim() });
        token.el.value = '';
        flash('ok', 'Saved the Telegram bot token.');
        await reload();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  return form;
}

function smtpForm(s, reload) {
  const host = input('notify-smtp-host', 'SMTP host', { field: 'host', required: true, autocomplete: 'off', value: s.host || '' });
  const port = input('notify-smtp-port', 'Port', { field: 'port', type: 'number', min: '1', max: '65535', required: true, value: s.port ? String(s.port) : '587' });
  const security = input('notify-smtp-security', 'Security', { tag: 'select', field: 'security', options: ['STARTTLS', 'TLS', 'NONE'] });
  security.el.value = s.security || 'STARTTLS';
  const from = input('notify-smtp-from', 'From address', { field: 'from', type: 'email', required: true, autocomplete: 'off', value: s.from || '' });
  const username = input('notify-smtp-username', 'Login (optional)', { field: 'username', autocomplete: 'off', value: s.username || '' });
  const password = input('notify-smtp-password', s.hasPassword ? 'Password (set; type it again to keep a login)' : 'Password (with a login)', { field: 'password', type: 'password', autocomplete: 'new-password', placeholder: s.hasPassword ? '•••••••• set' : '' });
  const form = h(
    'form',
    { class: 'card', id: 'notify-smtp-form', novalidate: true },
    h('div', { class: 'actions' }, h('h3', null, 'Email (SMTP server)'), h('span', { id: 'smtp-state' }, s.configured ? h('span', { class: 'status running' }, 'set') : h('span', { class: 'status stopped' }, 'not set'))),
    h('div', { class: 'inline' }, host.row, port.row, security.row),
    from.row,
    h('div', { class: 'inline' }, username.row, password.row),
    h('button', { type: 'submit', class: 'primary', id: 'notify-smtp-save' }, 'Save SMTP server'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      const body = { host: host.el.value.trim(), port: Number(port.el.value), security: security.el.value, from: from.el.value.trim() };
      if (username.el.value.trim() || password.el.value) {
        body.username = username.el.value.trim();
        body.password = password.el.value;
      }
      try {
        await api.put('/api/admin/notifications/email', body);
        password.el.value = '';
        flash('ok', 'Saved the SMTP server.');
        await reload();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  return form;
}
