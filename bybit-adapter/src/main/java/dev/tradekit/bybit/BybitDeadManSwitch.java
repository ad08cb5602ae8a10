package dev.tradekit.bybit;

import dev.tradekit.api.DeadManSwitch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
  static final String PATH = "/v5/order/disconnected-cancel-all";
  static final long MIN_SECONDS = 3;
  static final long MAX_SECONDS = 300;

  private final BybitRest rest;
  private final BybitStreams streams;
  private final Set<String> armed = ConcurrentHashMap.newKeySet();

  BybitDeadManSwitch(BybitRest rest, BybitStreams streams) {
    this.rest = rest;
    this.streams = streams;
  }

  @Override
  public CompletableFuture<Void> arm(String symbol, Duration countdown) {
    String s = symbol(symbol);
    long seconds = windowSeconds(countdown);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", "DERIVATIVES");
    body.put("timeWindow", seconds);
    return rest.post(PATH, body)
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
  static long windowSeconds(Duration countdown) {
    Objects.requireNonNull(countdown, "countdown");
    long ms = countdown.toMillis();
    long seconds = (ms + 999) / 1000;
    if (ms <= 0 || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "Bybit's disconnect-cancel-all window is 3 to 300 s (whole seconds), was "
              + countdown
              + "; use disarm to stop it");
    }
    return seconds;
  }

  private static String symbol(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    return symbol;
  }
}
