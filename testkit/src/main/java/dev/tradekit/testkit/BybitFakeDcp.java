package dev.tradekit.testkit;

import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bybit's disconnect-cancel-all on the simulated venue: {@code POST
 * /v5/order/disconnected-cancel-all} sets an account's window (3 to 300 s, default 10 s), and once
 * every private socket of the account that subscribed {@code dcp.future} is gone, the account's
 * orders on every symbol are cancelled when the window lapses, unless a socket subscribes {@code
 * dcp.future} again first. The timing is the simulated venue's countdown ({@link DeadManSwitch} of
 * the sim), so it runs in the venue's time.
 */
final class BybitFakeDcp {
  static final int DEFAULT_WINDOW_SECONDS = 10;

  private final Map<String, Exchange> accounts;
  private final Collection<String> symbols;
  private final Map<String, Integer> windows = new ConcurrentHashMap<>();
  private final Map<String, Set<WsSocket>> watching = new ConcurrentHashMap<>();

  BybitFakeDcp(Map<String, Exchange> accounts, Collection<String> symbols) {
    this.accounts = accounts;
    this.symbols = symbols;
  }

  /** Sets the account's window in seconds (the REST call's {@code timeWindow}). */
  void window(String apiKey, int seconds) {
    windows.put(apiKey, seconds);
  }

  /** The account's window in seconds. */
  int window(String apiKey) {
    return windows.getOrDefault(apiKey, DEFAULT_WINDOW_SECONDS);
  }

  /** Whether a private socket of {@code apiKey} subscribes {@code dcp.future} now. */
  boolean watched(String apiKey) {
    Set<WsSocket> set = watching.get(apiKey);
    return set != null && !set.isEmpty();
  }

  /** A private socket of {@code apiKey} subscribed {@code dcp.future}: no countdown runs. */
  void subscribed(String apiKey, WsSocket socket) {
    watching.computeIfAbsent(apiKey, k -> ConcurrentHashMap.newKeySet()).add(socket);
    Exchange ex = accounts.get(apiKey);
    if (ex != null) {
      DeadManSwitch dms = ex.deadManSwitch().orElseThrow();
      symbols.forEach(dms::disarm);
    }
  }

  /** A private socket unsubscribed {@code dcp.future}: it no longer counts, nothing is armed. */
  void unsubscribed(String apiKey, WsSocket socket) {
    Set<WsSocket> set = watching.get(apiKey);
    if (set != null) {
      set.remove(socket);
    }
  }

  /**
   * A private socket closed: when it was the account's last {@code dcp} socket, the countdown
   * starts.
   */
  void closed(String apiKey, WsSocket socket) {
    Set<WsSocket> set = watching.get(apiKey);
    if (set == null || !set.remove(socket) || !set.isEmpty()) {
      return;
    }
    Exchange ex = accounts.get(apiKey);
    if (ex == null) {
      return;
    }
    DeadManSwitch dms = ex.deadManSwitch().orElseThrow();
    Duration window = Duration.ofSeconds(window(apiKey));
    symbols.forEach(s -> dms.arm(s, window));
  }
}
