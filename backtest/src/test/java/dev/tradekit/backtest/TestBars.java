package dev.tradekit.backtest;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** In-memory one-minute bars for tests; prices in ticks of 0.1. */
final class TestBars implements MarketDataSource {
  static final String SYMBOL = "BTCUSDT";
  static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 60_000;
  static final long MINUTE = 60_000;
  static final TickScale SCALE = TickScale.of(new BigDecimal("0.1"));

  private final long[][] ohlc;
  private final double volume;
  private int i;

  TestBars(long[][] ohlc, double volume) {
    this.ohlc = ohlc;
    this.volume = volume;
  }

  static Instrument instrument() {
    return Instrument.builder()
        .symbol(SYMBOL)
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /** Bars of a seeded random walk around 30 000 (open = previous close). */
  static long[][] randomWalk(long seed, int n) {
    Random r = new Random(seed);
    long[][] out = new long[n][];
    long close = 300_000;
    for (int k = 0; k < n; k++) {
      long open = close;
      close = Math.max(1000, open + Math.round(r.nextGaussian() * 150));
      long high = Math.max(open, close) + (long) (r.nextDouble() * 100);
      long low = Math.min(open, close) - (long) (r.nextDouble() * 100);
      out[k] = new long[] {open, high, low, close};
    }
    return out;
  }

  /**
   * The same bars as a {@link BarSource} handing them over {@code block} at a time (a bar-mode
   * replay then reads columns, not events).
   */
  static BarSource columnar(long[][] ohlc, double volume, int block) {
    TestBars events = new TestBars(ohlc, volume);
    MarketEvent e = new MarketEvent();
    return BarSource.of(
        into -> {
          into.clear(SYMBOL);
          for (int k = 0; k < block && !into.isFull() && events.next(e); k++) {
            into.add(e);
          }
          return into.size();
        });
  }

  /** The same bars in blocks of {@code block} rows, for {@link BarSource#ofBlocks}. */
  static List<BarColumns> blocks(long[][] ohlc, double volume, int block) {
    TestBars events = new TestBars(ohlc, volume);
    MarketEvent e = new MarketEvent();
    List<BarColumns> out = new ArrayList<>();
    while (events.next(e)) {
      if (out.isEmpty() || out.get(out.size() - 1).isFull()) {
        out.add(new BarColumns(block).clear(SYMBOL));
      }
      out.get(out.size() - 1).add(e);
    }
    return out;
  }

  @Override
  public boolean next(MarketEvent into) {
    if (i >= ohlc.length) {
      return false;
    }
    long[] b = ohlc[i];
    long open = T0 + i * MINUTE;
    long close = open + MINUTE - 1;
    into.reset(MarketEvent.Type.BAR, SYMBOL, close, close * 1_000_000L)
        .bar(b[0], b[1], b[2], b[3], volume, volume * b[3] / 10.0, open, close, true);
    i++;
    return true;
  }

  @Override
  public void close() {}
}
