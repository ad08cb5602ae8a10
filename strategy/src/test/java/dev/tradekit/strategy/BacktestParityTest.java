package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.RoundTrip;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;

/**
 * In the product's {@code Backtest} on 20,000 one-minute bars, the native SMA(50)/SMA(200)
 * crossover, the same crossover written in ta4j and run through the bridge, and ta4j's own
 * BarSeriesManager enter and exit on the same bars; the backtest fills at the next bar's open (plus
 * or minus the one-tick half-spread of bar replay). The RSI strategy likewise.
 */
class BacktestParityTest {
  static final WalkBars BARS = new WalkBars(20_000, 42);

  /** Runs {@code strategy} in a Backtest and returns its round trips. */
  static List<RoundTrip> backtest(Supplier<BarStrategy> strategy) {
    Backtest bt =
        Backtest.builder()
            .data(BARS::source)
            .instrument(WalkBars.instrument())
            .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
            .start(Instant.ofEpochMilli(WalkBars.T0 - WalkBars.MINUTE))
            .bot(
                "bars",
                AccountSetup.usdt(new BigDecimal("1000000")),
                (exchange, scheduler) ->
                    bot(
                        StrategyEngine.builder()
                            .name("bt")
                            .exchange(exchange)
                            .scheduler(scheduler)
                            .symbol("BTCUSDT")
                            .strategy(strategy.get())
                            .sizing(Sizing.quantity(new BigDecimal("0.01")))
                            .build(),
                        () -> {}))
            .build();
    BacktestResult result = bt.run();
    return result.account("bars").roundTrips();
  }

  /** A backtest bot that starts {@code engine}, then runs {@code alsoOnStart}. */
  static Bot bot(StrategyEngine engine, Runnable alsoOnStart) {
    return Bot.of(
        () -> {
          engine.start();
          alsoOnStart.run();
        },
        engine::stop);
  }

  /** {@code [entry bar, exit bar]} of each round trip, from the fill times. */
  static List<List<Integer>> barIndices(List<RoundTrip> trips) {
    List<List<Integer>> out = new ArrayList<>();
    for (RoundTrip t : trips) {
      out.add(List.of(index(t.openTime()), index(t.closeTime())));
    }
    return out;
  }

  static int index(long time) {
    return (int) ((time - WalkBars.T0) / WalkBars.MINUTE);
  }

  @Test
  void nativeCrossoverTradesOnTheBarsTa4jsBarSeriesManagerTrades() {
    List<List<Integer>> expected =
        Ta4jRules.managerTrades(BARS.toSeries(), Ta4jRules.smaCross(BARS.toSeries(), 50, 200));
    List<RoundTrip> trips = backtest(() -> Strategies.smaCross(50, 200));

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(barIndices(trips)).isEqualTo(expected);
    for (RoundTrip t : trips) {
      assertThat(t.longTrade()).isTrue();
      assertThat(t.entryPrice())
          .as("entry at the next open + 1 tick")
          .isEqualTo(
              BARS.open(index(t.openTime())) + 0.01, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(t.exitPrice())
          .as("exit at the next open - 1 tick")
          .isEqualTo(
              BARS.open(index(t.closeTime())) - 0.01, org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  @Test
  void ta4jCrossoverThroughTheBridgeTradesExactlyLikeTheNativeOne() {
    List<RoundTrip> viaBridge =
        backtest(() -> Ta4jBarStrategy.longOnly(s -> Ta4jRules.smaCross(s, 50, 200), 400));
    List<RoundTrip> nativeTrips = backtest(() -> Strategies.smaCross(50, 200));
    BarSeries series = BARS.toSeries();

    assertThat(barIndices(viaBridge))
        .isEqualTo(Ta4jRules.managerTrades(series, Ta4jRules.smaCross(series, 50, 200)))
        .isEqualTo(barIndices(nativeTrips));
    assertThat(viaBridge).hasSameSizeAs(nativeTrips);
    for (int i = 0; i < viaBridge.size(); i++) {
      assertThat(viaBridge.get(i).entryPrice()).isEqualTo(nativeTrips.get(i).entryPrice());
      assertThat(viaBridge.get(i).exitPrice()).isEqualTo(nativeTrips.get(i).exitPrice());
    }
  }

  @Test
  void rsiStrategyNativeAndBridgedMatchBarSeriesManager() {
    BarSeries series = BARS.toSeries();
    List<List<Integer>> expected =
        Ta4jRules.managerTrades(series, Ta4jRules.rsi(series, 14, 30, 70));

    assertThat(expected).hasSizeGreaterThan(20);
    assertThat(barIndices(backtest(() -> Strategies.rsi(14, 30, 70)))).isEqualTo(expected);
    assertThat(
            barIndices(
                backtest(() -> Ta4jBarStrategy.longOnly(s -> Ta4jRules.rsi(s, 14, 30, 70), 100))))
        .isEqualTo(expected);
  }
}
