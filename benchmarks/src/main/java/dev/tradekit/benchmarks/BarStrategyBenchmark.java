package dev.tradekit.benchmarks;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.strategy.BarStrategy;
import dev.tradekit.strategy.Sizing;
import dev.tradekit.strategy.Strategies;
import dev.tradekit.strategy.StrategyEngine;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The bar-strategy path end to end, side by side on the same 1,000,000 one-minute bars of the
 * {@code Random(42)} walk (on a 0.01 tick): the product's {@code Backtest} runner with a {@code
 * StrategyEngine} running the SMA(50)/SMA(200) crossover ({@link Strategies#smaCross}) in bar mode
 * (and without it), the same with the crossover written in ta4j through the bridge, and ta4j 0.17's
 * own {@code BarSeriesManager}, and the crossover as a bot on the exchange SPI ({@link
 * SpiSmaCrossBot}). All five make the same trades ({@code BarStrategyBenchmarkTest}). One operation
 * is one whole run over the bars: scores are milliseconds per run (bars per second = bars / score ·
 * 1000), and {@code -prof gc}'s allocation per operation divided by the bars is the allocation per
 * bar.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class BarStrategyBenchmark {
  /**
   * Bars per run (default 1,000,000); a shorter run ({@code -p bars=200000}) measures the same path
   * per bar in less time.
   */
  @Param("1000000")
  public int bars;

  private TickBars walk = new TickBars(SmaBars.generate(1));
  private BarSeries series = walk.toSeries();

  @Setup(Level.Trial)
  public void load() {
    walk = new TickBars(SmaBars.generate(bars));
    series = walk.toSeries();
  }

  /**
   * The product's Backtest with the crossover written against the exchange SPI alone ({@link
   * SpiSmaCrossBot}: trades stream, market orders) and the runner's defaults (equity sampled every
   * minute); returns the round trips.
   */
  @Benchmark
  public long tradekitSpiBot() {
    return spiBot(walk).account("bars").roundTrips().size();
  }

  /** The product's Backtest in bar mode with the native crossover; returns the round trips. */
  @Benchmark
  public long tradekitBacktest() {
    return backtest(walk, () -> Strategies.smaCross(50, 200)).account("bars").roundTrips().size();
  }

  /**
   * The same without bar mode: each bar replayed as four trades and four book tickers (the runner's
   * default), for the cost of bar mode's absence.
   */
  @Benchmark
  public long tradekitBacktestFourPoint() {
    return backtest(walk, () -> Strategies.smaCross(50, 200), false)
        .account("bars")
        .roundTrips()
        .size();
  }

  /** The product's Backtest with the crossover written in ta4j, through the bridge. */
  @Benchmark
  public long tradekitBacktestTa4jBridge() {
    return backtest(walk, () -> Ta4jBarStrategy.longOnly(BarStrategyBenchmark::ta4jCross, 400))
        .account("bars")
        .roundTrips()
        .size();
  }

  /** ta4j 0.17's BarSeriesManager with SMA indicators and cross rules; returns positions. */
  @Benchmark
  public long ta4j() {
    return new BarSeriesManager(series).run(ta4jCross(series)).getPositionCount();
  }

  static BaseStrategy ta4jCross(BarSeries s) {
    ClosePriceIndicator close = new ClosePriceIndicator(s);
    SMAIndicator fast = new SMAIndicator(close, 50);
    SMAIndicator slow = new SMAIndicator(close, 200);
    return new BaseStrategy(
        new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow));
  }

  /** One Backtest run of the SPI bot on {@code bars}, with the runner's default settings. */
  static BacktestResult spiBot(TickBars bars) {
    return Backtest.builder()
        .data(bars::source)
        .instrument(TickBars.instrument())
        .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
        .start(Instant.ofEpochMilli(SmaBars.T0 - TickBars.MINUTE))
        .bot(
            "bars",
            AccountSetup.usdt(new BigDecimal("1000000")),
            (exchange, scheduler) ->
                new SpiSmaCrossBot(exchange, TickBars.SYMBOL, new BigDecimal("0.01"), 50, 200))
        .build()
        .run();
  }

  /**
   * One Backtest run of {@code strategy} on {@code bars} in bar mode, as a user would set it up;
   * equity is sampled hourly rather than every minute (a setting of the runner, not of the strategy
   * path).
   */
  static BacktestResult backtest(TickBars bars, Supplier<BarStrategy> strategy) {
    return backtest(bars, strategy, true);
  }

  /** The same, with bar mode on or off. */
  static BacktestResult backtest(TickBars bars, Supplier<BarStrategy> strategy, boolean barMode) {
    return Backtest.builder()
        .data(bars::source)
        .instrument(TickBars.instrument())
        .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
        .start(Instant.ofEpochMilli(SmaBars.T0 - TickBars.MINUTE))
        .equityInterval(Duration.ofHours(1))
        .barMode(barMode)
        .bot(
            "bars",
            AccountSetup.usdt(new BigDecimal("1000000")),
            (exchange, scheduler) -> {
              StrategyEngine engine =
                  StrategyEngine.builder()
                      .name("bench")
                      .exchange(exchange)
                      .scheduler(scheduler)
                      .symbol(TickBars.SYMBOL)
                      .strategy(strategy.get())
                      .sizing(Sizing.quantity(new BigDecimal("0.01")))
                      .build();
              return Bot.of(engine::start, engine::stop);
            })
        .build()
        .run();
  }
}
