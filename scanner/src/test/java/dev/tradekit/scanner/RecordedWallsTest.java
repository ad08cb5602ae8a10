package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.backtest.data.DepthSynchronizer;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Drives the detection and life rules through the real books of the cryptofeed recording (Binance
 * USD-M, 2021-07-22: four symbols, REST snapshots then 30 s of diffs, trades and tickers): every
 * applied diff is a complete local book, as the hot pool sees it from a diff stream.
 */
class RecordedWallsTest {
  private static final Map<String, TickScale> SCALES =
      Map.of(
          "SUSHIUSDT", TickScale.of(new BigDecimal("0.001")),
          "AKROUSDT", TickScale.of(new BigDecimal("0.00001")),
          "KEEPUSDT", TickScale.of(new BigDecimal("0.0001")),
          "CTKUSDT", TickScale.of(new BigDecimal("0.001")));

  /** One wall's life as seen in the recording. */
  private static final class Life {
    final TrackedOrder order;
    long end = -1;
    String how = "alive at the end";

    Life(TrackedOrder order) {
      this.order = order;
    }
  }

  @Test
  void findsWallsInTheRecordedBooksAndFollowsTheirLives() {
    String refdata = System.getProperty("tradekit.refdata");
    Assumptions.assumeTrue(refdata != null, "tradekit.refdata is not set");
    Path dir = Path.of(refdata, "binance-usdm/cryptofeed-20210722");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no cryptofeed recording at " + dir);

    Map<String, Life> lives = new LinkedHashMap<>();
    OrderTracker tracker =
        new OrderTracker(
            new LargeOrderDetector(3.5, 10, 20),
            new VolatilityTracker(),
            0.70,
            60_000,
            new OrderTracker.Events() {
              @Override
              public void detected(TrackedOrder o) {
                lives.put(o.id, new Life(o));
              }

              @Override
              public void promoted(TrackedOrder o) {}

              @Override
              public void sighted(TrackedOrder o) {}

              @Override
              public void died(TrackedOrder o, boolean wasHot) {
                Life l = java.util.Objects.requireNonNull(lives.get(o.id));
                l.end = o.lastSeen;
                l.how = String.valueOf(o.outcome);
              }

              @Override
              public void released(String symbol) {}
            });
    Map<String, OrderBook> books = new HashMap<>();
    Map<String, DepthSynchronizer> syncs = new HashMap<>();
    SCALES.keySet().forEach(s -> tracker.followTrades(s, true));
    long now = Long.MIN_VALUE;
    long first = Long.MAX_VALUE;
    int observations = 0;
    try (MarketDataSource source = MarketDataSources.cryptofeedRecording(dir, SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        String symbol = e.symbol();
        now = Math.max(now, e.receiveTimeNanos() / 1_000_000L);
        first = Math.min(first, now);
        OrderBook book = books.computeIfAbsent(symbol, OrderBook::new);
        DepthSynchronizer sync = syncs.computeIfAbsent(symbol, s -> new DepthSynchronizer(book));
        if (e.type() == MarketEvent.Type.TRADE) {
          tracker.onTrade(symbol, e.tradePriceTicks(), e.tradeQuantity());
        } else if (sync.onEvent(e) && sync.isSynced()) {
          TickScale scale = java.util.Objects.requireNonNull(SCALES.get(symbol));
          tracker.observe(symbol, book, scale, true, 10_000, now);
          observations++;
        }
      }
    }
    long end = now;
    List<String> report = new ArrayList<>();
    for (Life l : lives.values()) {
      TrackedOrder o = l.order;
      long until = l.end >= 0 ? l.end : end;
      report.add(
          String.format(
              "%-9s %-4s %12s x %10.1f ($%,9.0f) seen %5.1f s after start, lived %5.1f s, %s",
              o.symbol,
              o.side,
              o.price.toPlainString(),
              o.initialQuantity,
              o.price.doubleValue() * o.initialQuantity,
              (o.firstSeen - first) / 1000.0,
              (until - o.firstSeen) / 1000.0,
              l.how));
    }
    System.out.println(
        "cryptofeed-20210722: "
            + observations
            + " books, "
            + lives.size()
            + " walls (> 3.5x the top-10 mean, >= $10,000):");
    report.forEach(line -> System.out.println("  " + line));

    assertThat(observations).isGreaterThan(500);
    assertThat(lives).isNotEmpty();
    for (Life l : lives.values()) {
      long until = l.end >= 0 ? l.end : end;
      assertThat(until - l.order.firstSeen).isBetween(0L, 31_000L);
      assertThat(l.order.initialQuantity).isPositive();
    }
  }
}
