package dev.tradekit.strategy.indicators;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * One-second bars built from the real BTCUSDT trades recorded on Binance USD-M on 2024-08-08 (about
 * 345 bars; {@code ../shared/data}); a second without trades repeats the last close.
 */
final class RecordedBars {
  final long[] openTime;
  final double[] open;
  final double[] high;
  final double[] low;
  final double[] close;
  final double[] volume;

  private RecordedBars(int n) {
    openTime = new long[n];
    open = new double[n];
    high = new double[n];
    low = new double[n];
    close = new double[n];
    volume = new double[n];
  }

  int size() {
    return close.length;
  }

  static RecordedBars btcusdt() {
    String root = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(root != null, "tradekit.refdata is not set: no reference data");
    Path file = Path.of(root, "binance-usdm", "btcusdt_20240808.gz");
    Assumptions.assumeTrue(Files.exists(file), "reference data missing: " + file);
    TickScale scale = TickScale.of(new BigDecimal("0.1"));
    long first = -1;
    RecordedBars b = new RecordedBars(400);
    int last = -1;
    try (MarketDataSource source =
        MarketDataSources.binanceRecording(file, Map.of("BTCUSDT", scale))) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        if (e.type() != MarketEvent.Type.TRADE) {
          continue;
        }
        long second = e.eventTime() / 1000;
        if (first < 0) {
          first = second;
        }
        int i = (int) (second - first);
        if (i >= b.size()) {
          break;
        }
        double p = scale.toDouble(e.tradePriceTicks());
        while (last < i) {
          last++;
          double prev = last == 0 ? p : b.close[last - 1];
          b.openTime[last] = (first + last) * 1000;
          b.open[last] = last == i ? p : prev;
          b.high[last] = b.open[last];
          b.low[last] = b.open[last];
          b.close[last] = b.open[last];
        }
        b.high[i] = Math.max(b.high[i], p);
        b.low[i] = Math.min(b.low[i], p);
        b.close[i] = p;
        b.volume[i] += e.tradeQuantity();
      }
    }
    return b.truncate(last + 1);
  }

  private RecordedBars truncate(int n) {
    RecordedBars t = new RecordedBars(n);
    System.arraycopy(openTime, 0, t.openTime, 0, n);
    System.arraycopy(open, 0, t.open, 0, n);
    System.arraycopy(high, 0, t.high, 0, n);
    System.arraycopy(low, 0, t.low, 0, n);
    System.arraycopy(close, 0, t.close, 0, n);
    System.arraycopy(volume, 0, t.volume, 0, n);
    return t;
  }

  /** The same bars as a ta4j series of {@link DoubleNum}. */
  BarSeries toSeries() {
    BarSeries s = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum::valueOf).build();
    for (int i = 0; i < size(); i++) {
      s.addBar(
          Duration.ofSeconds(1),
          Instant.ofEpochMilli(openTime[i] + 1000).atZone(ZoneOffset.UTC),
          open[i],
          high[i],
          low[i],
          close[i],
          volume[i]);
    }
    return s;
  }

  @Override
  public String toString() {
    return size()
        + " bars, closes "
        + Arrays.stream(close).min()
        + "–"
        + Arrays.stream(close).max();
  }
}
