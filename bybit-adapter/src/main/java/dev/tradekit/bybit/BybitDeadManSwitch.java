package dev.tradekit.bybit;

import dev.tradekit.api.DeadManSwitch;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DeadManSwitch} over Bybit's disconnect-cancel-all (DCP): {@code arm} sets the account's
 * window with {@code POST /v5/order/disconnected-cancel-all {product: DERIVATIVES, timeWindow}} and
 * has the private WebSocket subscribe {@code dcp.future}; when every such connection has been gone
 * for the window, Bybit cancels the account's orders. {@code disarm} of the last armed symbol
 * unsubscribes {@code dcp.future}, which stops the watch.
 *
 * <p>Two differences from Binance's countdown, both Bybit's: the trigger is the loss of the private
 * connection (a live process keeps it alive without re-arming), and the cancel covers every symbol
 * of the account, not only the one armed. The window is whole seconds from 3 to 300; Bybit offers
 * DCP only to accounts it has enabled it for.
 */
final class BybitDeadManSwitch implements DeadManSwitch {
  private final BybitOrders orders;
  private final BybitStreams streams;
  private final Set<String> armed = ConcurrentHashMap.newKeySet();

  BybitDeadManSwitch(BybitOrders orders, BybitStreams streams) {
    this.orders = orders;
    this.streams = streams;
  }

  @Override
  public CompletableFuture<Void> arm(String symbol, Duration countdown) {
    String s = symbol(symbol);
    int seconds = windowSeconds(countdown);
    return orders
        .armDisconnectCancelAll(seconds)
        .thenRun(
            () -> {
              armed.add(s);
              streams.watchDcp(true);
            });
  }

  @Override
  public CompletableFuture<Void> disarm(String symbol) {
    String s = symbol(symbol);
    if (armed.remove(s) && armed.isEmpty()) {
      streams.watchDcp(false);
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The DCP window for {@code countdown}: rounded up to whole seconds.
   *
   * @throws IllegalArgumentException outside Bybit's 3 to 300 s
   */
  static int windowSeconds(Duration countdown) {
    Objects.requireNonNull(countdown, "countdown");
    long ms = countdown.toMillis();
    long seconds = (ms + 999) / 1000;
    if (ms <= 0 || seconds < BybitOrders.MIN_DCP_SECONDS || seconds > BybitOrders.MAX_DCP_SECONDS) {
      throw new IllegalArgumentException(
          "Bybit's disconnect-cancel-all window is 3 to 300 s (whole seconds), was "
              + countdown
              + "; use disarm to stop it");
    }
    return (int) seconds;
  }

  private static String symbol(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    return symbol;
  }
}
