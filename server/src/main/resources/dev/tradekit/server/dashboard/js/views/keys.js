// Exchange keys in the vault: add, list (fingerprint only), delete. A secret is sent once and
// never shown again: the server returns only id, exchange, account and fingerprint, and the form
// is emptied as soon as the key is stored.
import * as api from '../api.js';
import { h, table, cell, flash, twoStep } from '../dom.js';
import { time, venue } from '../format.js';
import { canWrite } from '../session.js';
import * as live from '../live.js';
import { input, showProblem, busy, clearProblems } from './form-util.js';

export async function render(root) {
  const list = h('div', { id: 'keys' });
  root.append(h('h1', null, 'Exchange keys'), h('p', { class: 'muted' }, 'Keys are encrypted in the vault. After saving, only a fingerprint of the API key is ever shown; the secret never leaves the server again.'), list);
  const load = async () => {
    const { items } = await api.get('/api/keys');
    list.replaceChildren(
      items.length === 0
        ? h('p', { id: 'no-keys' }, 'No key yet.')
        : table(['Venue', 'Account', 'Fingerprint', { text: 'Added', class: 'hide-narrow' }, canWrite() ? 'Actions' : null].filter(Boolean), items.map((k) => row(k, load)), { id: 'keys-table' }),
    );
  };
  await load();
  if (canWrite()) root.append(addForm(load));
  const unsubscribe = live.subscribe((e) => {
    if (e.type.startsWith('key.')) load().catch(() => {});
  });
  return unsubscribe;
}

function row(k, reload) {
  const del = canWrite()
    ? twoStep({ 'data-delete': k.id }, 'Delete', 'Confirm delete', async () => {
        try {
          await api.del(`/api/keys/${encodeURIComponent(k.id)}`);
          flash('ok', `Deleted the key ${k.account} (${k.fingerprint}).`);
        } catch (e) {
          flash('error', `Delete key ${k.account}: ${e.message}`);
        }
        reload();
      })
    : null;
  return h('tr', { 'data-key': k.id }, cell(venue(k.exchange)), cell(k.account), cell(k.fingerprint, 'mono fingerprint'), cell(time(k.createdAt), 'hide-narrow'), del ? cell(del) : null);
}

function addForm(reload) {
  const exchange = input('key-exchange', 'Venue', { tag: 'select', field: 'exchange', options: [{ value: 'binance-usdm', label: venue('binance-usdm') }, { value: 'bybit-linear', label: venue('bybit-linear') }, { value: 'sim', label: venue('sim') }] });
  const account = input('key-account', 'Account name', { field: 'account', required: true, autocomplete: 'off', maxlength: 200 });
  const apiKey = input('key-api-key', 'API key', { field: 'apiKey', required: true, autocomplete: 'off', spellcheck: 'false' });
  const secret = input('key-api-secret', 'API secret', { field: 'apiSecret', type: 'password', required: true, autocomplete: 'new-password' });
  const form = h('form', { class: 'card', id: 'key-form', novalidate: true }, h('h2', null, 'Add a key'), h('div', { class: 'inline' }, exchange.row, account.row), apiKey.row, secret.row, h('button', { type: 'submit', class: 'primary', id: 'key-submit' }, 'Save key'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    busy(form, async () => {
      clearProblems(form);
      try {
        const k = await api.post('/api/keys', { exchange: exchange.el.value, account: account.el.value, apiKey: apiKey.el.value, apiSecret: secret.el.value });
        apiKey.el.value = '';
        secret.el.value = '';
        account.el.value = '';
        flash('ok', `Saved the key ${k.account}; fingerprint ${k.fingerprint}.`);
        await reload();
      } catch (e) {
        showProblem(form, e);
      }
    });
  });
  return form;
}
