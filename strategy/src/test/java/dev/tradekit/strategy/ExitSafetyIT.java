package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's exit through the real Binance adapter on FakeBinance with a fault injected on the
 * exit order (rejected; a 503 with the order placed; two 503s without it): the position ends flat
 * with exactly one exit filled, each failed attempt reaches the listener as an {@link
 * ExitFailedException}, and later bars still reach the strategy.
 */
class ExitSafetyIT {
  static final BigDecimal SIZE = new BigDecimal("0.01");

  FakeVenue venue;
  final List<TradingEvent> events = new CopyOnWriteArrayList<>();
  final AtomicInteger bars = new AtomicInteger();
  volatile boolean exit;

  @BeforeEach
  void start() {
    venue = new FakeVenue(Duration.ofMinutes(60));
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  /** Long on the first bar; flat on the first bar after the fault is armed; bars counted. */
  private void longThenExitWith(Consumer<dev.tradekit.testkit.Faults> fault) throws Exception {
    StrategyEngine engine =
        StrategyEngine.builder()
            .name("live")
            .exchange(venue.ex)
            .scheduler(venue.clock)
            .symbol("BTCUSDT")
            .strategy(
                (bar, ctx) -> {
                  bars.incrementAndGet();
                  if (ctx.index() == 0) {
                    ctx.goLong();
                  } else if (exit) {
                    ctx.goFlat();
                  }
                })
            .sizing(Sizing.quantity(SIZE))
            .venueStops(false)
            // the scheduler runs in real time while the venue's clock is virtual: a deadline a
            // loaded machine's slow replies stay inside (the faults here are found by look-ups,
            // not deadlines), and room for the transient clock-skew replies (-1021) it provokes
            .exitTimeout(Duration.ofSeconds(10))
            .exitAttempts(10)
            .listener(events::add)
            .build();
    engine.start().get(30, TimeUnit.SECONDS);
    venue.runUntil(() -> venue.position().compareTo(SIZE) == 0, "long", () -> events);
    fault.accept(venue.fake.faults());
    exit = true;
    venue.runUntil(() -> venue.position().signum() == 0, "flat", () -> events);
    int flatAt = bars.get();
    venue.runUntil(() -> bars.get() >= flatAt + 3, "three more bars", () -> events);
    engine.stop().get(30, TimeUnit.SECONDS);

    assertThat(venue.position()).isEqualByComparingTo("0");
    assertThat(sells()).as("one exit filled: " + events).isEqualTo(1);
  }

  private long sells() {
    return events.stream()
        .filter(e -> e instanceof TradingEvent.OrderFilled f && f.fill().side() == Side.SELL)
        .count();
  }

  private List<ExitFailedException> failures() {
    return events.stream()
        .filter(e -> e instanceof TradingEvent.ExchangeError x)
        .map(e -> ((TradingEvent.ExchangeError) e).error())
        .filter(ExitFailedException.class::isInstance)
        .map(ExitFailedException.class::cast)
        .toList();
  }

  @Test
  void twoRejectedExitOrdersAreReportedAndTheThirdClosesThePosition() throws Exception {
    longThenExitWith(f -> f.rejectNextOrders(2));

    assertThat(failures())
        .filteredOn(f -> String.valueOf(f.getMessage()).contains("rejected"))
        .hasSize(2);
    assertThat(failures()).noneMatch(ExitFailedException::gaveUp);
    assertThat(failures())
        .filteredOn(f -> String.valueOf(f.getMessage()).contains("-4131"))
        .hasSize(2);
  }

  @Test
  void anExitPlacedWhoseReplyIsLostIsFoundFilledAndNeverSentTwice() throws Exception {
    longThenExitWith(f -> f.unknownErrorOnNextOrders(1, true));

    assertThat(failures())
        .noneMatch(f -> String.valueOf(f.getMessage()).contains("not on the venue"));
  }

  @Test
  void anExitNeverPlacedBehindTwo503sIsFoundMissingReportedAndSentAgain() throws Exception {
    // the adapter settles one unknown outcome itself (looks it up, places again once); the second
    // 503 leaves the outcome unknown to the engine, which finds the order missing
    longThenExitWith(f -> f.unknownErrorOnNextOrders(2, false));

    assertThat(failures())
        .filteredOn(f -> String.valueOf(f.getMessage()).contains("not on the venue"))
        .hasSize(1);
    assertThat(failures()).noneMatch(ExitFailedException::gaveUp);
  }
}
