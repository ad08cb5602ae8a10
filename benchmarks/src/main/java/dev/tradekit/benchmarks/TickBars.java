package dev.tradekit.benchmarks;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

  /** The same bars in blocks of {@link BarColumns#DEFAULT_CAPACITY}, made here (setup). */
  private final List<BarColumns> blocks = new ArrayList<>();

  TickBars(SmaBars bars) {
    int n = bars.size();
    open = new long[n];
    close = new long[n];
    for (int i = 0; i < n; i++) {
      open[i] = Math.round(bars.open[i] * 100);
      close[i] = Math.round(bars.close[i] * 100);
      if (i % BarColumns.DEFAULT_CAPACITY == 0) {
        blocks.add(new BarColumns().clear(SYMBOL));
      }
      long openTime = SmaBars.T0 + i * MINUTE;
      blocks
          .get(blocks.size() - 1)
          .add(
              openTime,
              openTime + MINUTE - 1,
              open[i],
              Math.max(open[i], close[i]),
              Math.min(open[i], close[i]),
              close[i],
              1,
              close[i] / 100.0);
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
   * blocks are made in the constructor and lent to each run ({@link BarSource#ofBlocks}), as ta4j's
   * run reads a series made in setup.
   */
  MarketDataSource source() {
    return BarSource.ofBlocks(blocks);
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
