package dev.tradekit.execution;

import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a venue's dead-man switch armed for one symbol while an engine runs: arms it, re-arms it
 * every third of the countdown on the engine's scheduler, and disarms it on a clean stop.
 *
 * <pre>{@code
 * Optional<DeadManSwitchKeeper> keeper =
 *     DeadManSwitchKeeper.of(exchange, "BTCUSDT", Duration.ofSeconds(60), scheduler, error -> log(error));
 * CompletableFuture<Void> armed = keeper.map(DeadManSwitchKeeper::arm).orElse(done);
 * // on a clean stop (every order cancelled): keeper.ifPresent(DeadManSwitchKeeper::disarm)
 * }</pre>
 *
 * <p>When a stop could not cancel every order, call {@link #stopRearming} but not {@link #disarm}:
 * the venue's countdown then cancels what is left.
 */
public final class DeadManSwitchKeeper {
  private final DeadManSwitch dms;
  private final String symbol;
  private final Duration countdown;
  private final Scheduler scheduler;
  private final Consumer<Throwable> onRearmFailure;
  private @Nullable Cancellable timer;

  private DeadManSwitchKeeper(
      DeadManSwitch dms,
      String symbol,
      Duration countdown,
      Scheduler scheduler,
      Consumer<Throwable> onRearmFailure) {
    this.dms = dms;
    this.symbol = symbol;
    this.countdown = countdown;
    this.scheduler = scheduler;
    this.onRearmFailure = onRearmFailure;
  }

  /**
   * A keeper for {@code symbol}, or empty when {@code countdown} is null or the venue has no
   * dead-man switch.
   *
   * @param countdown at least 3 s, so that re-arming every third of it is possible
   * @param onRearmFailure called (on the scheduler) with the unwrapped error of a failed re-arm
   * @throws IllegalArgumentException when the countdown is shorter than 3 s
   */
  public static Optional<DeadManSwitchKeeper> of(
      Exchange exchange,
      String symbol,
      @Nullable Duration countdown,
      Scheduler scheduler,
      Consumer<Throwable> onRearmFailure) {
    if (countdown == null) {
      return Optional.empty();
    }
    checkCountdown(countdown);
    DeadManSwitch dms = exchange.deadManSwitch().orElse(null);
    if (dms == null || !exchange.capabilities().deadManSwitch()) {
      return Optional.empty();
    }
    return Optional.of(of(dms, symbol, countdown, scheduler, onRearmFailure));
  }

  /** A keeper of the venue's switch itself. */
  static DeadManSwitchKeeper of(
      DeadManSwitch dms,
      String symbol,
      Duration countdown,
      Scheduler scheduler,
      Consumer<Throwable> onRearmFailure) {
    checkCountdown(countdown);
    return new DeadManSwitchKeeper(dms, symbol, countdown, scheduler, onRearmFailure);
  }

  private static void checkCountdown(Duration countdown) {
    if (countdown.toMillis() < 3_000) {
      throw new IllegalArgumentException(
          "the dead-man switch countdown must be >= 3 s so that re-arming every third of it is"
              + " possible, was "
              + countdown);
    }
  }

  /**
   * Arms the switch and starts re-arming it every third of the countdown; returns the first arm.
   */
  public CompletableFuture<Void> arm() {
    stopRearming();
    long every = countdown.toMillis() / 3;
    timer =
        scheduler.scheduleAtFixedRate(
            () -> {
              CompletableFuture<?> unused =
                  dms.arm(symbol, countdown)
                      .whenCompleteAsync(
                          (v, err) -> {
                            Throwable cause = PlanExecutor.unwrap(err);
                            if (cause != null && timer != null) {
                              onRearmFailure.accept(cause);
                            }
                          },
                          scheduler);
            },
            every,
            every,
            TimeUnit.MILLISECONDS);
    return dms.arm(symbol, countdown);
  }

  /** Stops re-arming; the venue's countdown keeps running from the last arm. */
  public void stopRearming() {
    Cancellable t = timer;
    timer = null;
    if (t != null) {
      t.cancel();
    }
  }

  /** Stops re-arming and disarms the switch (call once every order of the engine is gone). */
  public CompletableFuture<Void> disarm() {
    stopRearming();
    return dms.disarm(symbol);
  }

  @Override
  public String toString() {
    return "DeadManSwitchKeeper[" + symbol + " " + countdown + "]";
  }
}
