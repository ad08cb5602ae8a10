// A candlestick chart on <canvas> (no library): time on the x axis (UTC), price on the y axis,
// the bot's fills drawn as triangles with a letter (▲ with B under it for a buy, ▼ with S over it for a
// sell: not colour only) and its resting orders as dashed lines labelled with side, quantity and price.

import { gridY, prepare, ticks } from './chart.js';

const UP = '#1d7a3a';
const DOWN = '#b3261e';

function num(v) {
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function priceLabel(v, span) {
  const digits = span >= 100 ? 1 : span >= 1 ? 2 : span >= 0.01 ? 4 : 6;
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Seconds on a span up to 10 minutes, the time of day up to two days, else date and time. */
function timeLabel(ms, span) {
  const iso = new Date(ms).toISOString();
  if (span <= 600000) return iso.slice(11, 19);
  return span > 2 * 86400000 ? iso.slice(5, 10) + ' ' + iso.slice(11, 16) : iso.slice(11, 16);
}

/**
 * Draws `candles` [{openTime, closeTime, open, high, low, close}] with `fills` [{time, side, price,
 * quantity}] and `orders` [{side, price, quantity}]. Fills and orders outside the candles' time or
 * price range still widen the price axis so nothing is cut off. Returns what was drawn (counts),
 * also written into the canvas's aria-label.
 */
export function candleChart(canvas, candles, fills = [], orders = [], symbol = '') {
  const { g, width, height } = prepare(canvas, 280);
  const bars = candles.map((c) => ({ t0: num(c.openTime), t1: num(c.closeTime), o: num(c.open), hi: num(c.high), lo: num(c.low), c: num(c.close) })).filter((b) => b.t0 !== null && b.hi !== null);
  if (bars.length === 0) {
    g.fillText('No candles yet', 12, 20);
    canvas.setAttribute('aria-label', `${symbol} price chart: no candles yet`);
    return { candles: 0, fills: 0, orders: 0 };
  }
  const x0 = bars[0].t0;
  const x1 = bars[bars.length - 1].t1 + 1;
  const marks = fills.map((f) => ({ t: num(f.time), p: num(f.price), side: f.side, q: f.quantity })).filter((f) => f.t !== null && f.p !== null && f.t >= x0 && f.t <= x1);
  const lines = orders.map((o) => ({ p: num(o.price), side: o.side, q: o.quantity })).filter((o) => o.p !== null && o.p > 0);
  const prices = [...bars.flatMap((b) => [b.hi, b.lo]), ...marks.map((m) => m.p), ...lines.map((l) => l.p)];
  let y0 = Math.min(...prices);
  let y1 = Math.max(...prices);
  const pad = (y1 - y0) * 0.06 || Math.abs(y1) * 0.001 || 1;
  y0 -= pad;
  y1 += pad;
  const left = 8;
  const right = 74;
  const top = 14;
  const bottom = 24;
  const plotW = width - left - right;
  const px = (t) => left + ((t - x0) / (x1 - x0)) * plotW;
  const py = (p) => top + (1 - (p - y0) / (y1 - y0)) * (height - top - bottom);
  gridY(g, ticks(y0, y1, 5), left, width - right, py, (t) => priceLabel(t, y1 - y0), width - right + 4, 'left');
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of ticks(x0, x1 - 1, 4)) g.fillText(timeLabel(t, x1 - x0), Math.min(Math.max(px(t), left + 20), width - right - 20), height - bottom + 6);
  g.textAlign = 'left';
  g.fillText(`${symbol} · UTC`, left + 2, 0);
  const slot = plotW / bars.length;
  const body = Math.max(1, Math.min(12, slot * 0.7));
  for (const b of bars) {
    const cx = px(b.t0) + slot / 2;
    const up = b.c >= b.o;
    g.strokeStyle = up ? UP : DOWN;
    g.fillStyle = up ? '#fff' : DOWN; // hollow up, filled down: readable without colour
    g.beginPath();
    g.moveTo(cx, py(b.hi));
    g.lineTo(cx, py(b.lo));
    g.stroke();
    const yTop = py(Math.max(b.o, b.c));
    const h = Math.max(1, py(Math.min(b.o, b.c)) - yTop);
    g.fillRect(cx - body / 2, yTop, body, h);
    g.strokeRect(cx - body / 2, yTop, body, h);
  }
  g.setLineDash([5, 4]);
  g.textBaseline = 'bottom';
  for (const l of lines) {
    const buy = l.side === 'BUY';
    g.strokeStyle = buy ? UP : DOWN;
    g.beginPath();
    g.moveTo(left, py(l.p));
    g.lineTo(width - right, py(l.p));
    g.stroke();
    g.fillStyle = buy ? UP : DOWN;
    g.fillText(`${buy ? 'bid' : 'ask'} ${l.q ?? ''} @ ${l.p}`, left + 4, py(l.p) - 1);
  }
  g.setLineDash([]);
  g.textAlign = 'center';
  for (const m of marks) {
    const buy = m.side === 'BUY';
    const x = px(m.t);
    const y = py(m.p);
    g.fillStyle = buy ? UP : DOWN;
    g.beginPath();
    if (buy) {
      g.moveTo(x, y);
      g.lineTo(x - 6, y + 10);
      g.lineTo(x + 6, y + 10);
    } else {
      g.moveTo(x, y);
      g.lineTo(x - 6, y - 10);
      g.lineTo(x + 6, y - 10);
    }
    g.fill();
    g.textBaseline = buy ? 'top' : 'bottom';
    g.fillText(buy ? 'B' : 'S', x, buy ? y + 11 : y - 11);
  }
  const last = bars[bars.length - 1];
  const drawn = { candles: bars.length, fills: marks.length, orders: lines.length };
  canvas.dataset.candles = String(drawn.candles);
  canvas.dataset.fills = String(drawn.fills);
  canvas.dataset.orders = String(drawn.orders);
  canvas.setAttribute('aria-label', `${symbol} price, ${bars.length} candles from ${new Date(x0).toISOString()} to ${new Date(x1 - 1).toISOString()}; last close ${last.c}; ${marks.length} fills and ${lines.length} open orders marked`);
  return drawn;
}
