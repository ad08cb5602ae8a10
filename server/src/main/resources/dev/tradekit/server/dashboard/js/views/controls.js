// Start / stop / emergency-stop buttons for one bot (shown only to traders and admins; the server
// refuses viewers anyway). Any failure shows the server's problem detail.
import * as api from '../api.js';
import { h, flash, twoStep } from '../dom.js';
import { canWrite } from '../session.js';

const LABELS = { start: 'Start', stop: 'Stop', 'emergency-stop': 'Emergency stop' };

/** Sends one control action; resolves to true when the server accepted it. */
export async function control(bot, action) {
  try {
    await api.post(`/api/bots/${encodeURIComponent(bot.id)}/${action}`);
    flash('ok', `${LABELS[action]}: sent to ${bot.name}.`);
    return true;
  } catch (e) {
    const hint = e instanceof api.ApiError && e.missingRoute ? ' (this server does not run bots yet)' : '';
    flash('error', `${LABELS[action]} ${bot.name}: ${e.message}${hint}`);
    return false;
  }
}

/** The buttons, or null for a viewer. `after` runs once an action was answered. */
export function controls(bot, after) {
  if (!canWrite()) return null;
  const act = (action, button) => async () => {
    button.disabled = true;
    try {
      await control(bot, action);
    } finally {
      button.disabled = false;
      if (after) after();
    }
  };
  const start = h('button', { type: 'button', class: 'primary', 'data-action': 'start' }, LABELS.start);
  const stop = h('button', { type: 'button', 'data-action': 'stop' }, LABELS.stop);
  const emergency = twoStep({ class: 'danger', 'data-action': 'emergency-stop', title: 'Cancel every open order and close positions now' }, LABELS['emergency-stop'], 'Confirm emergency stop', async () => {
    try {
      await control(bot, 'emergency-stop');
    } finally {
      if (after) after();
    }
  });
  start.addEventListener('click', act('start', start));
  stop.addEventListener('click', act('stop', stop));
  return h('div', { class: 'actions', 'data-controls': bot.id }, start, stop, emergency);
}
