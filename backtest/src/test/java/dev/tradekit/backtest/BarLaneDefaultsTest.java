package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The runner's defaults keep bar mode's fast lane: with equity sampled every minute (the default)
 * and with or without a {@code start}, every bar of a columnar source is matched in one step, and
 * the equity samples and klines are those of the same bars replayed as events in two steps.
 */
class BarLaneDefaultsTest {
  private static final int BARS = 240;
  private static final long[][] OHLC = TestBars.randomWalk(11, BARS);

  /** One run with the runner's defaults, but for {@code start}; klines seen go to {@code seen}. */
  private static BacktestRun run(
      Supplier<MarketDataSource> data, @Nullable Instant start, List<Long> seen) {
    Backtest.Builder b = Backtest.builder();
    if (start != null) {
      b.start(start);
    }
    Backtest bt =
        b.data(data)
            .instrument(TestBars.instrument())
            .barMode(true)
            .bot(
                "bars",
                AccountSetup.usdt(new BigDecimal("10000")),
                (ex, clock) ->
                    Bot.of(
                        () -> {
                          KlineListener l =
                              (k, closed) -> {
                                if (closed) {
                                  seen.add(k.openTime());
                                  seen.add(clock.currentTimeMillis());
                                }
                              };
                          ex.streams().klines(TestBars.SYMBOL, KlineInterval.M1, l);
                        },
                        () -> {}))
            .build();
    return new BacktestRun(bt);
  }

  private static void assertOnTheLaneAndAsInTwoSteps(@Nullable Instant start) {
    assertAsInTwoSteps(start, BARS);
  }

  private static void assertAsInTwoSteps(@Nullable Instant start, int barsInOneStep) {
    List<Long> laneKlines = new ArrayList<>();
    List<Long> eventKlines = new ArrayList<>();
    BacktestRun lane = run(() -> TestBars.columnar(OHLC, 50, 100), start, laneKlines);
    BacktestRun events = run(() -> new TestBars(OHLC, 50), start, eventKlines);

    BacktestResult onLane = lane.run();
    BacktestResult inTwoSteps = events.run();

    assertThat(lane.barsInOneStep()).as("bars in one step").isEqualTo(barsInOneStep);
    assertThat(events.barsInOneStep()).as("events take two steps").isZero();
    EquityCurve a = onLane.account("bars").equity();
    EquityCurve b = inTwoSteps.account("bars").equity();
    assertThat(a.size()).isGreaterThanOrEqualTo(BARS);
    assertThat(a.times()).isEqualTo(b.times());
    assertThat(a.equities()).isEqualTo(b.equities());
    assertThat(laneKlines).hasSize(2 * (BARS - 1)).isEqualTo(eventKlines);
    assertThat(onLane.events()).isEqualTo(BARS);
  }

  @Test
  void withoutAStartEquityEveryMinuteSamplesAtBarClosesAndEveryBarStaysOnTheLane() {
    assertOnTheLaneAndAsInTwoSteps(null);
  }

  @Test
  void aStartAtTheFirstBarsOpenKeepsEveryBarOnTheLane() {
    assertOnTheLaneAndAsInTwoSteps(Instant.ofEpochMilli(TestBars.T0));
  }

  @Test
  void aStartAMinuteBeforeTheFirstBarKeepsEveryBarOnTheLane() {
    assertOnTheLaneAndAsInTwoSteps(Instant.ofEpochMilli(TestBars.T0 - TestBars.MINUTE));
  }

  @Test
  void aStartInTheMiddleOfAMinuteSamplesInsideEveryBarWithTheOpensBookAsInTwoSteps() {
    // a sample at every bar's open + 30 s: only the first bar, which the run starts inside (its
    // sample runs at its open, the run's start), is in one step; the results are the same
    assertAsInTwoSteps(Instant.ofEpochMilli(TestBars.T0 + TestBars.MINUTE / 2), 1);
  }
}
