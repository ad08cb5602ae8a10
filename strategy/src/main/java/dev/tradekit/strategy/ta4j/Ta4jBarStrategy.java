package dev.tradekit.strategy.ta4j;

import dev.tradekit.strategy.Bar;
import dev.tradekit.strategy.BarContext;
import dev.tradekit.strategy.BarStrategy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Function;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Strategy;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * Runs a ta4j {@link Strategy} as a {@link BarStrategy}: each closed bar is added to a ta4j {@link
 * BarSeries} bounded to a maximum bar count, and the strategy's entry and exit rules decide the
 * wish.
 *
 * <pre>{@code
 * BarStrategy s = Ta4jBarStrategy.longOnly(series -> {
 *   ClosePriceIndicator close = new ClosePriceIndicator(series);
 *   SMAIndicator fast = new SMAIndicator(close, 50), slow = new SMAIndicator(close, 200);
 *   return new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
 *       new CrossedDownIndicatorRule(fast, slow));
 * }, 400);
 * }</pre>
 *
 * <p><b>Same signals as ta4j.</b> The bridge keeps a ta4j {@link TradingRecord} exactly as {@code
 * BarSeriesManager} with its default trade-on-next-open model does: when {@code
 * strategy.shouldOperate(i, record)} holds on bar {@code i}, the wish changes (long or short to
 * enter, flat to exit) and the record operates at bar {@code i + 1} with its open price, before
 * that bar is judged. So on the same bars the entries and exits fall on the same bar indices as
 * ta4j's own backtest. When the engine's wish differs from the record (an exit rule of the engine
 * fired, an order was rejected, or the engine started with a position on the venue) the record
 * follows the engine at the current bar's close.
 *
 * <p>Bars of the warm-up fill the series only. Numbers are {@link DoubleNum} unless another {@code
 * Num} factory is given. One instance per engine: it keeps the series and the record.
 */
public final class Ta4jBarStrategy implements BarStrategy {
  private final BarSeries series;
  private final Strategy strategy;
  private final TradeType type;
  private final int direction;
  private final TradingRecord record;
  private final Num amount;
  private boolean pending;

  /** The bars' length, one object while it stays the same. */
  private Duration length = Duration.ZERO;

  private long lengthMillis;

  private Ta4jBarStrategy(
      Function<BarSeries, Strategy> factory,
      int maximumBarCount,
      TradeType type,
      Function<Number, Num> numbers) {
    Objects.requireNonNull(factory, "factory");
    if (maximumBarCount < 1) {
      throw new IllegalArgumentException(
          "maximumBarCount must be at least 1, was " + maximumBarCount);
    }
    this.series =
        new BaseBarSeriesBuilder()
            .withName("tradekit")
            .withNumTypeOf(numbers)
            .withMaxBarCount(maximumBarCount)
            .build();
    this.strategy = Objects.requireNonNull(factory.apply(series), "the factory returned null");
    this.type = type;
    this.direction = type == TradeType.BUY ? 1 : -1;
    this.record = new BaseTradingRecord(type);
    this.amount = series.numOf(1);
  }

  /**
   * Enters long on the strategy's entry rule and exits on its exit rule.
   *
   * @param factory builds the ta4j strategy on the bridge's series (called once, now)
   * @param maximumBarCount bars kept in memory; at least the longest indicator period
   * @throws IllegalArgumentException if {@code maximumBarCount < 1}
   */
  public static Ta4jBarStrategy longOnly(
      Function<BarSeries, Strategy> factory, int maximumBarCount) {
    return new Ta4jBarStrategy(factory, maximumBarCount, TradeType.BUY, DoubleNum::valueOf);
  }

  /**
   * Enters short on the strategy's entry rule and exits on its exit rule.
   *
   * @throws IllegalArgumentException if {@code maximumBarCount < 1}
   */
  public static Ta4jBarStrategy shortOnly(
      Function<BarSeries, Strategy> factory, int maximumBarCount) {
    return new Ta4jBarStrategy(factory, maximumBarCount, TradeType.SELL, DoubleNum::valueOf);
  }

  /**
   * As {@link #longOnly} or {@link #shortOnly} with another ta4j number type (e.g. {@code
   * DecimalNum::valueOf}).
   *
   * @throws IllegalArgumentException if {@code maximumBarCount < 1}
   */
  public static Ta4jBarStrategy of(
      Function<BarSeries, Strategy> factory,
      int maximumBarCount,
      TradeType type,
      Function<Number, Num> numbers) {
    return new Ta4jBarStrategy(
        factory,
        maximumBarCount,
        Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(numbers, "numbers"));
  }

  /**
   * The ta4j series the strategy's indicators read (bounded; for inspection on the engine thread).
   */
  public BarSeries series() {
    return series;
  }

  /** The trading record as ta4j sees it (for inspection on the engine thread). */
  public TradingRecord record() {
    return record;
  }

  @Override
  public void onBar(Bar bar, BarContext ctx) {
    long end = bar.closeTime() + 1;
    long length = end - bar.openTime();
    if (length != lengthMillis) {
      lengthMillis = length;
      this.length = Duration.ofMillis(length);
    }
    series.addBar(
        this.length,
        // as Instant.ofEpochMilli(end).atZone(UTC), without building the offset's rules per bar
        ZonedDateTime.of(
            LocalDateTime.ofEpochSecond(
                Math.floorDiv(end, 1000), Math.floorMod(end, 1000) * 1_000_000, ZoneOffset.UTC),
            ZoneOffset.UTC),
        series.numOf(bar.open()),
        series.numOf(bar.high()),
        series.numOf(bar.low()),
        series.numOf(bar.close()),
        series.numOf(bar.volume()));
    if (ctx.isWarmingUp()) {
      return;
    }
    int i = series.getEndIndex();
    if (pending) {
      pending = false;
      record.operate(i, series.numOf(bar.open()), amount);
    }
    follow(ctx, i, bar);
    if (strategy.shouldOperate(i, record)) {
      pending = true;
      if (record.getCurrentPosition().isOpened()) {
        ctx.goFlat();
      } else if (type == TradeType.BUY) {
        ctx.goLong();
      } else {
        ctx.goShort();
      }
    }
  }

  /** Makes the record agree with the engine's wish where they differ. */
  private void follow(BarContext ctx, int i, Bar bar) {
    boolean open = record.getCurrentPosition().isOpened();
    int wish = ctx.target();
    if (open && wish != direction) {
      record.exit(i, series.numOf(bar.close()), amount);
    } else if (!open && wish == direction) {
      record.enter(i, series.numOf(bar.close()), amount);
    }
  }

  @Override
  public String toString() {
    return "Ta4jBarStrategy[" + strategy.getName() + " " + type + "]";
  }
}
