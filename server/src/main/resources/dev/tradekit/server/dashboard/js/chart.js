// A small line chart on <canvas>: time on the x axis (UTC), values on the y axis with their unit.

/** `count` evenly spaced values from min to max (one value when they are equal). */
export function ticks(min, max, count) {
  if (min === max) return [min];
  const step = (max - min) / (count - 1);
  return Array.from({ length: count }, (_, i) => min + i * step);
}

function label(v) {
  const a = Math.abs(v);
  const digits = a >= 1000 ? 0 : a >= 10 ? 2 : 4;
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function timeLabel(ms, span) {
  const iso = new Date(ms).toISOString();
  return span > 2 * 86400000 ? iso.slice(5, 10) : iso.slice(11, 16);
}

/**
 * Light horizontal grid lines at `values` from x = x0 to x1, each labelled with `text(value)` at
 * labelX (aligned `align`).
 */
export function gridY(g, values, x0, x1, py, text, labelX, align) {
  g.strokeStyle = '#e3e6ea';
  g.lineWidth = 1;
  g.textAlign = align;
  g.textBaseline = 'middle';
  for (const t of values) {
    g.beginPath();
    g.moveTo(x0, py(t));
    g.lineTo(x1, py(t));
    g.stroke();
    g.fillText(text(t), labelX, py(t));
  }
}

/**
 * Sizes the canvas for the device's pixel ratio and clears it; returns its 2D context (muted
 * 12 px text) and its CSS size.
 */
export function prepare(canvas, defaultHeight) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || defaultHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, width, height);
  g.font = '12px system-ui, sans-serif';
  g.fillStyle = '#5b6470';
  return { g, width, height };
}

/**
 * Draws points [{at: epochMillis, value: number}] as a line; `unit` is written on the y axis.
 * The canvas gets an aria-label summarising the series, so the chart is not only visual.
 */
export function lineChart(canvas, points, unit) {
  const { g, width, height } = prepare(canvas, 220);
  if (points.length === 0) {
    g.fillText('No data yet', 12, 20);
    canvas.setAttribute('aria-label', 'No data yet');
    return;
  }
  const xs = points.map((p) => Number(p.at));
  const ys = points.map((p) => Number(p.value));
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (x0 === x1) x1 = x0 + 1;
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const left = 64;
  const right = 10;
  const top = 18;
  const bottom = 24;
  const px = (x) => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const py = (y) => top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom);
  gridY(g, ticks(y0, y1, 5), left, width - right, py, label, left - 6, 'right');
  g.textAlign = 'left';
  g.textBaseline = 'top';
  g.fillText(unit, 4, 2);
  g.textAlign = 'center';
  for (const t of ticks(x0, x1, 4)) g.fillText(timeLabel(t, x1 - x0), px(t), height - bottom + 6);
  if (y0 < 0 && y1 > 0) {
    g.strokeStyle = '#8a929c';
    g.beginPath();
    g.moveTo(left, py(0));
    g.lineTo(width - right, py(0));
    g.stroke();
  }
  g.strokeStyle = '#1f5fbf';
  g.lineWidth = 2;
  g.beginPath();
  points.forEach((p, i) => (i === 0 ? g.moveTo(px(xs[i]), py(ys[i])) : g.lineTo(px(xs[i]), py(ys[i]))));
  g.stroke();
  const last = points[points.length - 1];
  canvas.setAttribute('aria-label', `${points.length} points from ${new Date(x0).toISOString()} to ${new Date(x1).toISOString()}; last ${last.value} ${unit}; low ${label(Math.min(...ys))}, high ${label(Math.max(...ys))}`);
}
