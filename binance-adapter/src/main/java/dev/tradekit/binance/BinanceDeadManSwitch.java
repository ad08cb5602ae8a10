package dev.tradekit.binance;

import dev.tradekit.api.DeadManSwitch;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link DeadManSwitch} over {@code POST /fapi/v1/countdownCancelAll} (0 disarms). */
final class BinanceDeadManSwitch implements DeadManSwitch {
  private final BinanceRest rest;

  BinanceDeadManSwitch(BinanceRest rest) {
    this.rest = rest;
  }

  @Override
  public CompletableFuture<Void> arm(String symbol, Duration countdown) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(countdown, "countdown");
    if (countdown.toMillis() < 1) {
      throw new IllegalArgumentException(
          "countdown must be at least 1 ms (use disarm to stop it), was " + countdown);
    }
    return rest.countdownCancelAll(symbol, countdown.toMillis());
  }

  @Override
  public CompletableFuture<Void> disarm(String symbol) {
    return rest.countdownCancelAll(Objects.requireNonNull(symbol, "symbol"), 0);
  }
}
