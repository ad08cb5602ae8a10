package dev.tradekit.samples.examples;

import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.strategy.BarStrategy;
import dev.tradekit.strategy.Sizing;
import dev.tradekit.strategy.Strategies;
import dev.tradekit.strategy.StrategyEngine;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Supplier;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopLossRule;

/**
 * Two bar strategies in a backtest over six hours of synthetic BTCUSDT: the native SMA(10)/SMA(30)
 * crossover with a 1 % trailing stop, and an RSI(14) strategy written in ta4j (enter below 30, exit
 * above 70 or on ta4j's 2 % stop-loss rule) run through the bridge. The same {@link StrategyEngine}
 * objects run live when given a real exchange and a live scheduler.
 *
 * <pre>{@code
 * BarStrategyExample.Result r = BarStrategyExample.run(3);
 * System.out.println(r.smaRoundTrips() + " / " + r.rsiRoundTrips());
 * }</pre>
 */
public final class BarStrategyExample {
  private BarStrategyExample() {}

  /** Round trips of each strategy. */
  public record Result(int smaRoundTrips, int rsiRoundTrips) {}

  /** The RSI strategy in ta4j, through the bridge (series bounded to 200 bars). */
  static BarStrategy ta4jRsi() {
    return Ta4jBarStrategy.longOnly(
        series -> {
          ClosePriceIndicator close = new ClosePriceIndicator(series);
          RSIIndicator rsi = new RSIIndicator(close, 14);
          return new BaseStrategy(
              "rsi",
              new CrossedDownIndicatorRule(rsi, 30),
              new CrossedUpIndicatorRule(rsi, 70).or(new StopLossRule(close, 2)));
        },
        200);
  }

  private static BacktestResult backtest(long seed, Supplier<BarStrategy> strategy, double trail) {
    return Backtest.builder()
        .data(
            () ->
                MarketDataSources.synthetic(
                    SyntheticMarket.Config.builder()
                        .startTimeMillis(ExampleVenue.START)
                        .duration(Duration.ofHours(6))
                        .dailyVolatility(0.05)
                        .tradeRatePerSecond(1)
                        .updateRatePerSecond(1)
                        .seed(seed)
                        .build()))
        .instrument(ExampleVenue.btcusdt())
        .bot(
            "bars",
            AccountSetup.usdt(new BigDecimal("10000")),
            (exchange, clock) -> {
              StrategyEngine engine =
                  StrategyEngine.builder()
                      .name("bars")
                      .exchange(exchange)
                      .scheduler(clock)
                      .symbol("BTCUSDT")
                      .interval(KlineInterval.M1)
                      .strategy(strategy.get())
                      .sizing(Sizing.notional(new BigDecimal("1000")))
                      .trailingStop(trail)
                      .build();
              return Bot.of(engine::start, engine::stop);
            })
        .build()
        .run();
  }

  /** Runs both strategies on the synthetic market of {@code seed}. */
  public static Result run(long seed) {
    BacktestResult sma = backtest(seed, () -> Strategies.smaCross(10, 30), 0.01);
    BacktestResult rsi = backtest(seed, BarStrategyExample::ta4jRsi, 0);
    return new Result(
        sma.account("bars").roundTrips().size(), rsi.account("bars").roundTrips().size());
  }

  /** Prints the round trips of both strategies. */
  public static void main(String[] args) {
    Result r = run(3);
    System.out.printf(
        "SMA(10)/SMA(30) crossover: %d round trips; ta4j RSI(14) 30/70: %d round trips%n",
        r.smaRoundTrips(), r.rsiRoundTrips());
  }
}
