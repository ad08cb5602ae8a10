package dev.tradekit.strategy;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * One-minute BTCUSDT bars of a seeded random walk on a 0.01 tick: each close is the previous one
 * times {@code 1 + 0.0005·N(0, 1)}, each open the previous close; high and low reach a little
 * beyond them. The same bars as a market-data source of {@code BAR} events and as a ta4j series.
 */
final class WalkBars {
  static final long T0 = 1_704_067_200_000L;
  static final long MINUTE = 60_000L;
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.01"));

  final long[] open;
  final long[] high;
  final long[] low;
  final long[] close;

  WalkBars(int n, long seed) {
    Random random = new Random(seed);
    open = new long[n];
    high = new long[n];
    low = new long[n];
    close = new long[n];
    double last = 30_000;
    for (int i = 0; i < n; i++) {
      double next = last * (1 + 0.0005 * random.nextGaussian());
      open[i] = Math.round(last * 100);
      close[i] = Math.round(next * 100);
      high[i] = Math.max(open[i], close[i]) + random.nextInt(300);
      low[i] = Math.min(open[i], close[i]) - random.nextInt(300);
      last = next;
    }
  }

  /** Bars with these prices, in ticks of 0.01. */
  WalkBars(long[] open, long[] high, long[] low, long[] close) {
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
  }

  int size() {
    return close.length;
  }

  double open(int i) {
    return open[i] / 100.0;
  }

  static Instrument instrument() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.01"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /** The bars as closed {@code BAR} events. */
  MarketDataSource source() {
    return new MarketDataSource() {
      int next;

      @Override
      public boolean next(MarketEvent into) {
        if (next >= size()) {
          return false;
        }
        int i = next++;
        long t = T0 + i * MINUTE;
        into.reset(MarketEvent.Type.BAR, "BTCUSDT", t + MINUTE - 1, (t + MINUTE - 1) * 1_000_000L)
            .bar(
                open[i],
                high[i],
                low[i],
                close[i],
                10,
                10 * close[i] / 100.0,
                t,
                t + MINUTE - 1,
                true);
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /** The same bars as a ta4j series. */
  BarSeries toSeries() {
    BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < size(); i++) {
      s.addBar(
          Duration.ofMinutes(1),
          Instant.ofEpochMilli(T0 + (i + 1) * MINUTE).atZone(ZoneOffset.UTC),
          open[i] / 100.0,
          high[i] / 100.0,
          low[i] / 100.0,
          close[i] / 100.0,
          10);
    }
    return s;
  }
}
