package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds L2 books from real Binance recordings with {@link DepthSynchronizer} and checks them
 * against the venue's own top of book: wherever a bookTicker's {@code u} provably describes the
 * same book state as the rebuilt book (see {@link TopOfBookChecker}), best bid/ask price and
 * quantity must be identical.
 */
class RecordedBookRebuildTest {

  private static TopOfBookChecker replayRecording(String file, String symbol, String tick) {
    Path path = TestEvents.refData("binance-usdm/" + file);
    TopOfBookChecker tally = new TopOfBookChecker(symbol);
    Map<MarketEvent.Type, Integer> counts = new EnumMap<>(MarketEvent.Type.class);
    long started = System.nanoTime();
    try (MarketDataSource source =
        MarketDataSources.binanceRecording(
            path, Map.of(symbol, TickScale.of(new BigDecimal(tick))))) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        counts.merge(e.type(), 1, Integer::sum);
        tally.onEvent(e);
      }
    }
    tally.finish();
    System.out.printf(
        "%s %s %s in %d ms%n", file, counts, tally, (System.nanoTime() - started) / 1_000_000);
    return tally;
  }

  @Test
  void btcBookMatchesEveryAlignedBookTicker() {
    TopOfBookChecker t = replayRecording("btcusdt_20240808.gz", "BTCUSDT", "0.1");
    assertThat(t.sync.gapCount()).isZero();
    assertThat(t.exactChecked).isGreaterThan(500);
    assertThat(t.perDiffChecked).isGreaterThan(1_000);
    assertThat(t.mismatches).isZero();
  }

  @Test
  void ethBookMatchesEveryAlignedBookTicker() {
    TopOfBookChecker t = replayRecording("ethusdt_20240808.gz", "ETHUSDT", "0.01");
    assertThat(t.sync.gapCount()).isZero();
    assertThat(t.exactChecked).isGreaterThan(500);
    assertThat(t.perDiffChecked).isGreaterThan(1_000);
    assertThat(t.mismatches).isZero();
  }

  @Test
  void cryptofeedRecordingSyncsAllFourBooks() {
    Path dir = TestEvents.refData("binance-usdm/cryptofeed-20210722");
    Map<String, TickScale> scales =
        Map.of(
            "SUSHIUSDT", TickScale.of(new BigDecimal("0.001")),
            "AKROUSDT", TickScale.of(new BigDecimal("0.00001")),
            "KEEPUSDT", TickScale.of(new BigDecimal("0.0001")),
            "CTKUSDT", TickScale.of(new BigDecimal("0.001")));
    Map<String, TopOfBookChecker> tallies = new HashMap<>();
    Map<String, Map<MarketEvent.Type, Integer>> counts = new HashMap<>();
    int index = 0;
    long previousReceive = Long.MIN_VALUE;
    try (MarketDataSource source = MarketDataSources.cryptofeedRecording(dir, scales)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        if (index < 4) {
          assertThat(e.type()).isEqualTo(MarketEvent.Type.DEPTH_SNAPSHOT);
          assertThat(e.levelCount(dev.tradekit.api.model.Side.BUY)).isPositive();
        } else {
          assertThat(e.type()).isNotEqualTo(MarketEvent.Type.DEPTH_SNAPSHOT);
          assertThat(e.receiveTimeNanos()).isGreaterThanOrEqualTo(previousReceive);
          previousReceive = e.receiveTimeNanos();
        }
        index++;
        counts
            .computeIfAbsent(e.symbol(), s -> new EnumMap<>(MarketEvent.Type.class))
            .merge(e.type(), 1, Integer::sum);
        tallies.computeIfAbsent(e.symbol(), TopOfBookChecker::new).onEvent(e);
      }
    }
    tallies.values().forEach(TopOfBookChecker::finish);
    System.out.println("cryptofeed-20210722 " + counts);
    tallies.values().forEach(t -> System.out.println("cryptofeed-20210722 " + t));

    assertThat(index).isEqualTo(4 + 1_535);
    assertThat(counts).containsOnlyKeys(scales.keySet());
    counts
        .values()
        .forEach(
            c ->
                assertThat(c)
                    .containsKeys(
                        MarketEvent.Type.DEPTH_SNAPSHOT,
                        MarketEvent.Type.DEPTH_UPDATE,
                        MarketEvent.Type.BOOK_TICKER,
                        MarketEvent.Type.BAR));
    assertThat(
            counts.values().stream().mapToInt(c -> c.getOrDefault(MarketEvent.Type.TRADE, 0)).sum())
        .isEqualTo(91);
    long checked = 0;
    for (TopOfBookChecker t : tallies.values()) {
      assertThat(t.sync.isSynced()).as(t.toString()).isTrue();
      assertThat(t.sync.gapCount()).as(t.toString()).isZero();
      assertThat(t.mismatches).as(t.toString()).isZero();
      checked += t.checked();
    }
    assertThat(checked).isPositive();
  }
}
