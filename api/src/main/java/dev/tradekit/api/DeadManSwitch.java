package dev.tradekit.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A venue-side countdown that cancels every open order of a symbol unless it is re-armed in time:
 * the last line of defence when a bot dies without cancelling.
 *
 * <pre>{@code
 * DeadManSwitch dms = exchange.deadManSwitch().orElseThrow();
 * scheduler.scheduleAtFixedRate(() -> dms.arm("BTCUSDT", Duration.ofMinutes(2)), 0, 30, TimeUnit.SECONDS);
 * }</pre>
 */
public interface DeadManSwitch {

  /** Arms (or re-arms) the countdown; when it runs out the venue cancels the symbol's orders. */
  CompletableFuture<Void> arm(String symbol, Duration countdown);

  /** Disarms the countdown. */
  CompletableFuture<Void> disarm(String symbol);
}
