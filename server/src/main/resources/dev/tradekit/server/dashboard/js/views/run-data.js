// Reads of a running bot (status, orders, positions, PnL, copier followers). A server without
// those routes answers 404 "route … does not exist": the page then shows the definition only and
// stops asking. The JSON each read expects is written in docs/dashboard.md.
import * as api from '../api.js';

const missing = new Set();

/**
 * GET /api/bots/{id}/{what}: the body, null when this server has no such route, or
 * {error: message} when the route answered with a problem.
 */
export async function runData(id, what) {
  if (missing.has(what)) return null;
  try {
    return await api.get(`/api/bots/${encodeURIComponent(id)}/${what}`);
  } catch (e) {
    if (e instanceof api.ApiError && e.missingRoute) {
      missing.add(what);
      return null;
    }
    return { error: e.message };
  }
}

/** The run status of a bot, or null when there is none to show. */
export async function runStatus(id) {
  const s = await runData(id, 'status');
  return s && !s.error ? s : null;
}
