package dev.tradekit.benchmarks;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * The {@link SmaBars} random walk on a 0.01 tick (a venue needs prices on its grid): the same bars
 * as closed one-minute {@code BAR} events for the product's {@code Backtest} and as a ta4j series,
 * so both sides see exactly the same numbers. High and low are the larger and smaller of open and
 * close.
 */
final class TickBars {
  static final String SYMBOL = "BTCUSDT";
  static final long MINUTE = 60_000L;

  final long[] open;
  final long[] close;

  /** High, low and quote volume per bar, made here (setup) as ta4j's series is made in setup. */
  private final long[] high;

  private final long[] low;
  private final double[] quoteVolume;

  TickBars(SmaBars bars) {
    int n = bars.size();
    open = new long[n];
    close = new long[n];
    high = new long[n];
    low = new long[n];
    quoteVolume = new double[n];
    for (int i = 0; i < n; i++) {
      open[i] = Math.round(bars.open[i] * 100);
      close[i] = Math.round(bars.close[i] * 100);
      high[i] = Math.max(open[i], close[i]);
      low[i] = Math.min(open[i], close[i]);
      quoteVolume[i] = close[i] / 100.0;
    }
  }

  int size() {
    return close.length;
  }

  static Instrument instrument() {
    return Instrument.builder()
        .symbol(SYMBOL)
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.01"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /**
   * A fresh source of the bars as closed {@code BAR} events at their close times; a {@link
   * BarSource}, so a bar-mode replay reads them a block at a time without an event per bar. The
   * bars' columns are made in the constructor: a run copies them, as ta4j's run reads a series made
   * in setup.
   */
  MarketDataSource source() {
    int[] next = {0};
    return BarSource.of(
        into -> {
          into.clear(SYMBOL);
          int end = Math.min(close.length, next[0] + into.capacity());
          for (int i = next[0]; i < end; i++) {
            long openTime = SmaBars.T0 + i * MINUTE;
            into.add(
                openTime,
                openTime + MINUTE - 1,
                open[i],
                high[i],
                low[i],
                close[i],
                1,
                quoteVolume[i]);
          }
          next[0] = end;
          return into.size();
        });
  }

  /** The same bars as a ta4j series of {@link DoubleNum}. */
  BarSeries toSeries() {
    BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < close.length; i++) {
      double o = open[i] / 100.0;
      double c = close[i] / 100.0;
      series.addBar(
          Duration.ofMinutes(1),
          Instant.ofEpochMilli(SmaBars.T0 + (i + 1) * MINUTE).atZone(ZoneOffset.UTC),
          o,
          Math.max(o, c),
          Math.min(o, c),
          c,
          1);
    }
    return series;
  }
}
