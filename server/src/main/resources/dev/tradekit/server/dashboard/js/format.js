// Formatting and exact decimal sums (money stays exact: decimals arrive as strings).

const DEC = /^([+-]?)(\d*)(?:\.(\d*))?$/;

function parse(s) {
  const m = DEC.exec(String(s).trim());
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const frac = m[3] || '';
  const digits = BigInt((m[2] || '0') + frac);
  return { units: m[1] === '-' ? -digits : digits, scale: frac.length };
}

function unparse(units, scale) {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString().padStart(scale + 1, '0');
  if (scale > 0) s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
  return (neg ? '-' : '') + s;
}

/** Exact sum of decimal strings; null if any is not a decimal. */
export function sum(values) {
  let units = 0n;
  let scale = 0;
  for (const v of values) {
    const p = parse(v);
    if (!p) return null;
    if (p.scale > scale) {
      units *= 10n ** BigInt(p.scale - scale);
      scale = p.scale;
    }
    units += p.units * 10n ** BigInt(scale - p.scale);
  }
  return unparse(units, scale);
}

/** The sign of a decimal string: -1, 0 or 1. */
export function sign(v) {
  const p = parse(v);
  return !p || p.units === 0n ? 0 : p.units < 0n ? -1 : 1;
}

/** "+12.5 USDT" / "−3 USDT" with a class for colour; the sign is in the text, not only colour. */
export function money(v, currency) {
  if (v === null || v === undefined || v === '') return { text: '—', class: 'num' };
  const s = sign(v);
  const text = (s > 0 ? '+' : '') + String(v).replace(/^-/, '−') + (currency ? ' ' + currency : '');
  return { text, class: 'num' + (s > 0 ? ' pos' : s < 0 ? ' neg' : '') };
}

export function time(ms) {
  if (!ms) return '—';
  const d = new Date(Number(ms));
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** A duration such as "3d 4h", "12m 5s". */
export function duration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${hh}h`;
  if (hh > 0) return `${hh}h ${mm}m`;
  if (mm > 0) return `${mm}m ${s % 60}s`;
  return `${s}s`;
}

export const VENUES = { sim: 'Simulator', 'binance-usdm': 'Binance USD-M', 'bybit-linear': 'Bybit linear' };

export function venue(id) {
  return VENUES[id] || id || '—';
}

/** Exact product of two decimal strings; null if either is not a decimal. */
export function mul(a, b) {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  return trim(unparse(x.units * y.units, x.scale + y.scale));
}

/** Compares two decimal strings: -1, 0 or 1 (null if either is not a decimal). */
export function cmp(a, b) {
  const d = sum([a, neg(b)]);
  return d === null ? null : sign(d);
}

function neg(v) {
  const s = String(v).trim();
  return s.startsWith('-') ? s.slice(1) : '-' + s;
}

/** Drops trailing zeros after the point ("1.2300" → "1.23", "2.0" → "2"). */
export function trim(v) {
  const s = String(v);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The p-th percentile (0–100, nearest rank) of numbers; null when there are none. */
export function percentile(values, p) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * xs.length));
  return xs[rank - 1];
}

/** "850 ms", "1.2 s". */
export function millis(v) {
  if (v === null || v === undefined || !Number.isFinite(Number(v))) return '—';
  const n = Number(v);
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(n < 10000 ? 2 : 1)} s`;
}
