// A card with the bot's price chart: candles from GET /api/bots/{id}/klines (the venue's klines
// through the bot's account), the interval to choose, and the fills and open orders drawn on it.
import * as api from '../api.js';
import { h } from '../dom.js';
import { candleChart } from '../candles.js';

const INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d'];

/** {section, draw(fills, orders)}: draw reloads the candles and redraws. */
export function priceCard(id, bot) {
  const canvas = h('canvas', { class: 'chart candles', role: 'img', id: id + '-canvas', 'aria-label': 'Price chart loading' });
  const select = h('select', { id: id + '-interval', 'aria-label': 'Candle interval' }, INTERVALS.map((i) => h('option', { value: i }, i)));
  const note = h('p', { class: 'muted', id: id + '-note' });
  const legend = h('p', { class: 'muted legend' }, '▲ B: a buy fill · ▼ S: a sell fill · dashed line: a resting order (bid or ask) · hollow candle: price rose, filled: fell');
  const section = h('section', { class: 'card', id }, h('div', { class: 'actions' }, h('h2', null, 'Price'), h('label', { for: id + '-interval' }, 'Interval'), select), canvas, legend, note);
  let last = { fills: [], orders: [] };
  let cache = null;
  const draw = async (fills, orders) => {
    last = { fills, orders };
    try {
      // candles are fetched at most every 5 s (the venue weighs kline calls); fills and orders
      // are redrawn on every call
      if (!cache || cache.interval !== select.value || Date.now() - cache.at > 5000) {
        const k = await api.get(`/api/bots/${encodeURIComponent(bot.id)}/klines?interval=${select.value}&limit=90`);
        cache = { interval: select.value, at: Date.now(), k };
      }
      const k = cache.k;
      candleChart(canvas, k.items || [], fills, orders, k.symbol);
      note.textContent = '';
    } catch (e) {
      candleChart(canvas, [], [], [], '');
      note.textContent = 'Candles not available: ' + e.message;
    }
  };
  select.addEventListener('change', () => draw(last.fills, last.orders));
  return { section, draw };
}
