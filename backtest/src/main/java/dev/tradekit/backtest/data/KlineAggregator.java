package dev.tradekit.backtest.data;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;

/**
 * Builds the candlesticks of one symbol and interval from trades or from finer bars, by Binance's
 * rules, and hands each update and each closed bar to a sink.
 *
 * <pre>{@code
 * KlineAggregator bars = new KlineAggregator("BTCUSDT", KlineInterval.M1, scale::price,
 *     (bar, closed) -> { if (closed) closes.add(bar.close()); });
 * bars.onTrade(time, priceTicks, qty, buyerMaker);
 * }</pre>
 *
 * <p><b>Rules.</b> A bar covers {@code [openTime, openTime + interval - 1]}; open times are aligned
 * to the epoch in UTC, except weeks, which open on Monday 00:00 UTC. A bar closes when time passes
 * its close time ({@link #advanceTo(long)} or the first trade after it), never earlier; an interval
 * without trades still gets a bar, flat at the previous close with zero volume (Binance serves such
 * bars too). Every trade also yields an update ({@code closed} false). Bars given to {@link #onBar}
 * of the same interval pass through (a closed one while no bar is being built goes straight to the
 * sink, with no arithmetic on its times); finer bars that divide the interval are merged. Calendar
 * months ({@link KlineInterval#MN1}) are not built. Not thread-safe: one thread drives it.
 */
public final class KlineAggregator {

  /** Receives the bars; called on the thread that drives the aggregator. */
  @FunctionalInterface
  public interface Sink {
    /** A bar as it is now; {@code closed} marks its final value, given once. */
    void accept(Kline kline, boolean closed);
  }

  /**
   * Receives the bars as numbers, prices in ticks: nothing is built per update, so a sink that
   * ignores updates pays nothing for them.
   */
  @FunctionalInterface
  public interface TickSink {
    /** A bar as it is now; {@code closed} marks its final value, given once. */
    void accept(
        long openTime,
        long closeTime,
        long openTicks,
        long highTicks,
        long lowTicks,
        long closeTicks,
        double volume,
        double quoteVolume,
        long trades,
        double takerBuyVolume,
        boolean closed);
  }

  private static final long MONDAY_OFFSET = 4 * 86_400_000L;

  private final KlineInterval interval;
  private final long len;
  private final long offset;
  private final LongToDoubleFunction priceAsDouble;
  private final TickSink sink;

  private boolean open;
  private long openTime;
  private long o;
  private long h;
  private long l;
  private long c;
  private double volume;
  private double quoteVolume;
  private double takerBuy;
  private long trades;
  private boolean hasLast;
  private long lastClose;

  /**
   * An aggregator with no bar yet.
   *
   * @param price turns a price in ticks into the venue's decimal price
   * @throws IllegalArgumentException for {@link KlineInterval#MN1}
   */
  public KlineAggregator(
      String symbol, KlineInterval interval, LongFunction<BigDecimal> price, Sink sink) {
    this(
        symbol,
        interval,
        ticks -> price.apply(ticks).doubleValue(),
        klines(symbol, interval, price, sink));
  }

  /**
   * An aggregator with no bar yet that hands its bars on as numbers, building no object per update.
   *
   * <pre>{@code
   * KlineAggregator bars = new KlineAggregator("BTCUSDT", KlineInterval.M1, scale::toDouble,
   *     (open, close, o, h, l, c, v, qv, n, tb, closed) -> { if (closed) closes.add(c); });
   * }</pre>
   *
   * @param priceAsDouble turns a price in ticks into its value (for the quote volume)
   * @throws IllegalArgumentException for {@link KlineInterval#MN1}
   */
  public KlineAggregator(
      String symbol, KlineInterval interval, LongToDoubleFunction priceAsDouble, TickSink sink) {
    Objects.requireNonNull(symbol, "symbol");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval == KlineInterval.MN1) {
      throw new IllegalArgumentException(
          "calendar-month bars (1M) are not built from trades; use 1w or shorter");
    }
    this.len = interval.millis();
    this.offset = interval == KlineInterval.W1 ? MONDAY_OFFSET : 0;
    this.priceAsDouble = Objects.requireNonNull(priceAsDouble, "priceAsDouble");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  private static TickSink klines(
      String symbol, KlineInterval interval, LongFunction<BigDecimal> price, Sink sink) {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(sink, "sink");
    return (openTime, closeTime, o, h, l, c, volume, quoteVolume, trades, takerBuy, closed) ->
        sink.accept(
            new Kline(
                symbol,
                interval,
                openTime,
                closeTime,
                price.apply(o),
                price.apply(h),
                price.apply(l),
                price.apply(c),
                decimal(volume),
                decimal(quoteVolume),
                trades,
                decimal(takerBuy)),
            closed);
  }

  /** The interval built. */
  public KlineInterval interval() {
    return interval;
  }

  /** The open time of the bar that contains {@code time}. */
  public long openTimeOf(long time) {
    return Math.floorDiv(time - offset, len) * len + offset;
  }

  /**
   * Closes every bar whose close time is before {@code time} (with flat bars for intervals without
   * trades in between); a time that does not pass the current bar's close changes nothing.
   */
  public void advanceTo(long time) {
    if (!open) {
      return;
    }
    long target = openTimeOf(time);
    while (open && openTime < target) {
      emit(true);
      open = false;
      hasLast = true;
      lastClose = c;
      long next = openTime + len;
      if (next < target) {
        start(next, lastClose);
      }
    }
  }

  /** One trade: closes what {@code time} passes, then updates (or opens) its bar. */
  public void onTrade(long time, long priceTicks, double qty, boolean buyerMaker) {
    advanceTo(time);
    if (!open) {
      start(openTimeOf(time), priceTicks);
    }
    h = Math.max(h, priceTicks);
    l = Math.min(l, priceTicks);
    c = priceTicks;
    volume += qty;
    quoteVolume += qty * priceAsDouble.applyAsDouble(priceTicks);
    if (!buyerMaker) {
      takerBuy += qty;
    }
    trades++;
    emit(false);
  }

  /**
   * One bar of the source data (closed or not). A bar of this interval replaces the current one; a
   * finer bar whose length divides the interval is merged into it (only closed finer bars count
   * towards the close).
   *
   * @throws IllegalArgumentException when the bar is longer than this interval or its length does
   *     not divide it
   */
  public void onBar(
      long barOpen,
      long barClose,
      long open,
      long high,
      long low,
      long close,
      double baseVolume,
      double quoteVol,
      boolean closed) {
    if (takesAsIs(barOpen, barClose, close, closed)) {
      sink.accept(
          Math.max(0, barOpen),
          Math.max(0, barClose),
          open,
          high,
          low,
          close,
          baseVolume,
          quoteVol,
          0,
          0,
          true);
      return;
    }
    build(barOpen, barClose, open, high, low, close, baseVolume, quoteVol, closed);
  }

  /**
   * Whether a data bar is a closed bar of this interval while none is being built, which {@link
   * #onBar} hands on unchanged (open and close times clamped at 0, no trades, no taker volume, no
   * alignment arithmetic); if so, the aggregator records its close as the last one and the caller
   * delivers the bar itself, as the sink would get it, with no call through the sink. Otherwise
   * nothing changes and the bar goes to {@link #onBar}.
   *
   * <pre>{@code
   * if (bars.takesAsIs(open, close, closeTicks, true)) { deliver(open, close, ...); }
   * else { bars.onBar(open, close, o, h, l, closeTicks, v, qv, true); }
   * }</pre>
   */
  public boolean takesAsIs(long barOpen, long barClose, long closeTicks, boolean closed) {
    if (closed && !this.open && barClose + 1 - barOpen == len) {
      hasLast = true;
      lastClose = closeTicks;
      return true;
    }
    return false;
  }

  /**
   * {@link #onBar} for everything but a closed bar of the interval while none is being built; it
   * takes every bar the same way (the tests check the pass-through against it).
   */
  void build(
      long barOpen,
      long barClose,
      long open,
      long high,
      long low,
      long close,
      double baseVolume,
      double quoteVol,
      boolean closed) {
    long d = barClose + 1 - barOpen;
    if (d <= 0 || d > len || len % d != 0) {
      throw new IllegalArgumentException(
          "a bar of "
              + d
              + " ms cannot build "
              + interval.code()
              + " bars: the data's bars must be as long as the interval or divide it");
    }
    advanceTo(barOpen);
    if (d == len) {
      start(barOpen, open);
      h = high;
      l = low;
      c = close;
      volume = baseVolume;
      quoteVolume = quoteVol;
      trades = 0;
      finish(closed);
      return;
    }
    if (!closed) {
      return;
    }
    if (!this.open) {
      start(openTimeOf(barOpen), open);
    }
    h = Math.max(h, high);
    l = Math.min(l, low);
    c = close;
    volume += baseVolume;
    quoteVolume += quoteVol;
    finish(barClose == openTime + len - 1);
  }

  private void finish(boolean closed) {
    emit(closed);
    if (closed) {
      this.open = false;
      hasLast = true;
      lastClose = c;
    }
  }

  private void start(long barOpen, long openTicks) {
    open = true;
    openTime = barOpen;
    o = openTicks;
    h = openTicks;
    l = openTicks;
    c = openTicks;
    volume = 0;
    quoteVolume = 0;
    takerBuy = 0;
    trades = 0;
  }

  private void emit(boolean closed) {
    sink.accept(
        Math.max(0, openTime),
        Math.max(0, openTime + len - 1),
        o,
        h,
        l,
        c,
        volume,
        quoteVolume,
        trades,
        takerBuy,
        closed);
  }

  /** Whether a bar is being built. */
  public boolean building() {
    return open;
  }

  /** The close (in ticks) of the last closed bar, or {@code Long.MIN_VALUE} before the first. */
  public long lastCloseTicks() {
    return hasLast ? lastClose : Long.MIN_VALUE;
  }

  /**
   * A volume as the aggregator's {@link Kline}s carry it: the nearest 16-digit decimal, plain,
   * trailing zeros stripped.
   */
  public static BigDecimal decimal(double v) {
    BigDecimal d = new BigDecimal(v, MathContext.DECIMAL64).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
