// The live event feed: every event of the control plane (and of running bots) as it happens,
// without reloading; after a dropped connection the stream resumes from the last id.
import { h, add, cell, label } from '../dom.js';

const HEADERS = ['Id', 'Received', 'Type', 'What'];
import { time } from '../format.js';
import * as live from '../live.js';

function summary(data) {
  if (!data || typeof data !== 'object') return String(data ?? '');
  const parts = [];
  for (const k of ['name', 'id', 'botId', 'kind', 'state', 'symbol', 'side', 'price', 'quantity', 'exchange', 'account', 'fingerprint', 'message']) {
    if (data[k] !== undefined && data[k] !== null && typeof data[k] !== 'object') parts.push(`${k}: ${data[k]}`);
  }
  return parts.join(' · ');
}

function row(e, fresh) {
  return h('tr', { 'data-event-id': String(e.id), class: fresh ? 'event-new' : null }, cell(String(e.id), 'num mono'), cell(time(e.receivedAt)), cell(e.type, 'mono event-type'), cell(summary(e.data), 'event-summary'));
}

export async function render(root) {
  const status = h('span', { id: 'feed-status' });
  const body = h('tbody', { id: 'events-body' }, live.recentEvents().map((e) => row(e, false)));
  label(HEADERS, body);
  const empty = h('p', { class: 'muted', id: 'no-events' }, 'Waiting for events…');
  const tbl = h('div', { class: 'scroll' }, h('table', { id: 'events-table' }, h('thead', null, h('tr', null, HEADERS.map((x) => h('th', { scope: 'col' }, x)))), body));
  add(root, [h('h1', null, 'Live events'), h('p', { class: 'muted' }, 'Stream: ', status, '. New events appear at the top; nothing needs reloading.'), body.children.length ? null : empty, tbl]);
  const off1 = live.onStatus((s) => (status.textContent = s));
  const off2 = live.subscribe((e) => {
    empty.remove();
    const r = row(e, true);
    label(HEADERS, h('tbody', null, r));
    body.prepend(r);
    while (body.children.length > 200) body.lastElementChild.remove();
  });
  return () => {
    off1();
    off2();
  };
}

