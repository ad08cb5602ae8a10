package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One running engine behind a bot definition: the lifecycle the control plane drives, the views the
 * API serves and the live changes it may apply. Implementations wrap the public engine APIs only
 * ({@code MarketMaker}, {@code TradeCopier}, {@code Scanner}).
 */
interface BotRun {

  /** Starts the engine; completes when it runs, exceptionally when it could not start. */
  CompletableFuture<Void> start();

  /** The engine's own stop (orders cancelled where the engine promises it). */
  CompletableFuture<Void> stop();

  /** Halts at once; {@code flatten} also closes positions where the engine can. */
  CompletableFuture<Void> emergencyStop(boolean flatten);

  /**
   * Pauses the whole bot: the engine stays started and connected and keeps its state, but places no
   * new orders (the market maker cancels its quotes, the copier pauses every follower, the scanner
   * stops publishing updates). Idempotent.
   */
  void pause();

  /** Undoes {@link #pause()}: the engine quotes, copies or publishes again. Idempotent. */
  void resume();

  /** Engine status and statistics as JSON values. */
  Map<String, Object> status();

  /** The bot's resting orders as JSON values. */
  List<Map<String, Object>> openOrders();

  /** Recent fills (market maker, grid, DCA) or copies (copier), newest first, paged. */
  List<Map<String, Object>> recent(int offset, int limit, Map<String, String> filter);

  /** The venue accounts the bot trades on, by label (their positions and PnL are the bot's). */
  Map<String, Exchange> accounts();

  /**
   * Applies a changed configuration while the engine runs.
   *
   * @throws ApiException 409 {@code restart-required} when the engine cannot take the change live;
   *     nothing is changed then
   */
  void apply(Map<String, Object> before, Map<String, Object> after);

  /**
   * The gauges the engine's own statistics offer while it runs (read at scrape time, on the
   * scraping thread): PnL, inventory, staleness, pool sizes. None by default.
   */
  default List<BotMeters.GaugeSpec> gauges() {
    return List.of();
  }

  /** Releases the scheduler, the exchanges and any journal; called after the engine stopped. */
  void close();

  static ApiException restartRequired(String what) {
    return new ApiException(
        409,
        "restart-required",
        "Restart required",
        what + " cannot change while the bot runs; stop it, change it, start it again",
        null);
  }
}
