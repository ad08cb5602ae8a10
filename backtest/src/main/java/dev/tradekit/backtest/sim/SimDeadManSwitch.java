package dev.tradekit.backtest.sim;

import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.runtime.Cancellable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Binance's countdown cancel-all on the simulated venue: arming schedules a cancel-all of the
 * symbol on the venue's scheduler after the countdown, counted from when the request reaches the
 * venue; re-arming replaces the countdown, disarming (or a zero countdown) removes it.
 */
final class SimDeadManSwitch implements DeadManSwitch {
  private final SimExchange ex;
  private final Map<String, Cancellable> timers = new HashMap<>();

  SimDeadManSwitch(SimExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<Void> arm(String symbol, Duration countdown) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(countdown, "countdown");
    if (countdown.isNegative()) {
      throw new IllegalArgumentException("countdown must not be negative: " + countdown);
    }
    return ex.call(
        () -> {
          ex.entry.matcher(symbol);
          cancelTimer(symbol);
          if (!countdown.isZero()) {
            timers.put(
                symbol,
                ex.venue
                    .scheduler()
                    .schedule(
                        () -> {
                          timers.remove(symbol);
                          ex.entry.cancelAll(symbol);
                        },
                        countdown.toMillis(),
                        TimeUnit.MILLISECONDS));
          }
          return null;
        });
  }

  @Override
  public CompletableFuture<Void> disarm(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          ex.entry.matcher(symbol);
          cancelTimer(symbol);
          return null;
        });
  }

  private void cancelTimer(String symbol) {
    Cancellable old = timers.remove(symbol);
    if (old != null) {
      old.cancel();
    }
  }

  /** Drops every countdown (the session closed; open orders stay, as on Binance). */
  void disarmAll() {
    ex.venue
        .scheduler()
        .execute(
            () -> {
              timers.values().forEach(Cancellable::cancel);
              timers.clear();
            });
  }
}
