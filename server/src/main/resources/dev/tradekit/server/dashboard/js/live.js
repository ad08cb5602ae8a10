// The live event stream: GET /api/events read as text/event-stream over fetch (so every event
// type arrives, including ones this page does not know yet, and the session can be renewed on
// 401). On a dropped connection it reconnects with Last-Event-ID, so the server replays what was
// missed; events are delivered once each, in id order.
import { renew } from './api.js';

const KEEP = 200;
const listeners = new Set();
const statusListeners = new Set();
const recent = [];
let lastId = 0;
let controller = null;
let running = false;
let status = 'off';
let retryMillis = 3000;
let generation = 0;

/** Registers fn(event) for every new event ({id, type, data, receivedAt}); returns an unsubscribe. */
export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Registers fn(status) for 'connecting' | 'live' | 'reconnecting' | 'off'; returns an unsubscribe. */
export function onStatus(fn) {
  statusListeners.add(fn);
  fn(status);
  return () => statusListeners.delete(fn);
}

/** The newest events seen since the page loaded, newest first. */
export function recentEvents() {
  return recent.slice();
}

export function lastEventId() {
  return lastId;
}

function setStatus(s) {
  status = s;
  for (const fn of statusListeners) fn(s);
}

function deliver(frame) {
  const id = Number(frame.id);
  if (!Number.isFinite(id) || id <= lastId) return; // never twice, never backwards
  lastId = id;
  let data = frame.data;
  try {
    data = JSON.parse(frame.data);
  } catch (e) {
    // not JSON: keep the text
  }
  const event = { id, type: frame.event || 'message', data, receivedAt: Date.now() };
  recent.unshift(event);
  if (recent.length > KEEP) recent.length = KEEP;
  for (const fn of listeners) {
    try {
      fn(event);
    } catch (e) {
      console.error('event listener failed', e);
    }
  }
}

async function pump(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let frame = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
      if (line === '') {
        if (frame.data.length > 0 && frame.id !== undefined) {
          deliver({ id: frame.id, event: frame.event, data: frame.data.join('\n') });
        }
        frame = { data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let v = colon < 0 ? '' : line.slice(colon + 1);
      if (v.startsWith(' ')) v = v.slice(1);
      if (field === 'data') frame.data.push(v);
      else if (field === 'event') frame.event = v;
      else if (field === 'id') frame.id = v;
      else if (field === 'retry' && /^\d+$/.test(v)) retryMillis = Math.max(500, Number(v));
    }
  }
}

function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function loop(gen) {
  const current = () => running && gen === generation;
  while (current()) {
    controller = new AbortController();
    try {
      const headers = { Accept: 'text/event-stream' };
      if (lastId > 0) headers['Last-Event-ID'] = String(lastId);
      const r = await fetch('/api/events', { headers, signal: controller.signal, credentials: 'same-origin', cache: 'no-store' });
      if (r.status === 401) {
        if (await renew()) continue;
        setStatus('reconnecting');
      } else if (r.ok && r.body) {
        setStatus('live');
        await pump(r.body);
        if (current()) setStatus('reconnecting');
      } else {
        setStatus('reconnecting');
      }
    } catch (e) {
      if (!current()) break;
      setStatus('reconnecting');
    }
    if (current()) await pause(retryMillis);
  }
}

/** Starts following the stream (no-op when already started). */
export function start() {
  if (running) return;
  running = true;
  generation += 1;
  setStatus('connecting');
  loop(generation);
}

/** Stops following the stream; the next start() resumes after the last event seen. */
export function stop() {
  running = false;
  if (controller) controller.abort();
  setStatus('off');
}

/** Forgets what was seen (after sign-out, so another user starts fresh). */
export function reset() {
  stop();
  lastId = 0;
  recent.length = 0;
}
