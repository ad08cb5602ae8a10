package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A strategy that throws fails the backtest with its exception (the run goes on to the end, as for
 * any failed task), whether its bar came through the engine's queue or straight from the replay on
 * the clock's thread (bar mode's inline delivery).
 */
class StrategyFailureTest {

  @Test
  void aStrategyThatThrowsOnABarFailsTheBacktestWithItsExceptionInBarModeAsWithout() {
    AtomicInteger inBarMode = new AtomicInteger();
    AtomicInteger without = new AtomicInteger();
    assertFailsWithTheStrategysException(true, inBarMode);
    assertFailsWithTheStrategysException(false, without);

    assertThat(inBarMode.get())
        .as("bars after the failing one reached the strategy, as without bar mode")
        .isEqualTo(without.get())
        .isGreaterThan(5);
  }

  private static void assertFailsWithTheStrategysException(boolean barMode, AtomicInteger bars) {
    IllegalStateException broke = new IllegalStateException("strategy broke at bar 5");
    Throwable thrown =
        catchThrowable(
            () ->
                Backtest.builder()
                    .data(EngineBehaviourTest.flat(20, 1_000_000)::source)
                    .instrument(WalkBars.instrument())
                    .start(Instant.ofEpochMilli(WalkBars.T0 - WalkBars.MINUTE))
                    .barMode(barMode)
                    .bot(
                        "a",
                        AccountSetup.usdt(new BigDecimal("100000")),
                        (ex, s) -> {
                          StrategyEngine engine =
                              StrategyEngine.builder()
                                  .name("x")
                                  .exchange(ex)
                                  .scheduler(s)
                                  .symbol("BTCUSDT")
                                  .strategy(
                                      (bar, ctx) -> {
                                        if (ctx.index() == 5) {
                                          throw broke;
                                        }
                                        bars.incrementAndGet();
                                      })
                                  .sizing(Sizing.quantity(EngineBehaviourTest.SIZE))
                                  .build();
                          return Bot.of(engine::start, engine::stop);
                        })
                    .build()
                    .run());

    assertThat(thrown)
        .as("bar mode %s", barMode)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("strategy broke at bar 5");
    assertThat(thrown.getSuppressed()).contains(broke);
  }
}
