package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticMarketTest {

  private static SyntheticMarket.Config config(long seed, long events) {
    return SyntheticMarket.Config.builder()
        .seed(seed)
        .duration(Duration.ofDays(1))
        .maxEvents(events)
        .build();
  }

  @Test
  void sameSeedGivesIdenticalStream() {
    List<MarketEvent> a = TestEvents.drain(MarketDataSources.synthetic(config(7, 5_000)));
    List<MarketEvent> b = TestEvents.drain(MarketDataSources.synthetic(config(7, 5_000)));
    assertThat(a).hasSize(5_000);
    assertThat(a.stream().map(TestEvents::full).toList())
        .isEqualTo(b.stream().map(TestEvents::full).toList());
  }

  @Test
  void differentSeedGivesDifferentStream() {
    List<String> a =
        TestEvents.drain(MarketDataSources.synthetic(config(7, 500))).stream()
            .map(TestEvents::full)
            .toList();
    List<String> b =
        TestEvents.drain(MarketDataSources.synthetic(config(8, 500))).stream()
            .map(TestEvents::full)
            .toList();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void streamStartsWithSnapshotChainsIdsAndNeverCrosses() {
    OrderBook book = new OrderBook("BTCUSDT");
    DepthSynchronizer sync = new DepthSynchronizer(book);
    Map<MarketEvent.Type, Integer> counts = new EnumMap<>(MarketEvent.Type.class);
    MarketEvent e = new MarketEvent();
    long previousU = -1;
    long previousTime = Long.MIN_VALUE;
    long tickersChecked = 0;
    try (MarketDataSource market = new SyntheticMarket(config(3, 100_000))) {
      assertThat(market.next(e)).isTrue();
      assertThat(e.type()).isEqualTo(MarketEvent.Type.DEPTH_SNAPSHOT);
      assertThat(e.levelCount(Side.BUY)).isEqualTo(20);
      assertThat(e.levelCount(Side.SELL)).isEqualTo(20);
      long snapshotId = e.lastUpdateId();
      sync.onEvent(e);
      do {
        counts.merge(e.type(), 1, Integer::sum);
        assertThat(e.eventTime()).isGreaterThanOrEqualTo(previousTime);
        previousTime = e.eventTime();
        switch (e.type()) {
          case DEPTH_SNAPSHOT -> {
            for (Side side : Side.values()) {
              for (int i = 0; i < e.levelCount(side); i++) {
                assertThat(e.levelQuantity(side, i)).isPositive();
              }
            }
          }
          case DEPTH_UPDATE -> {
            if (previousU < 0) {
              assertThat(e.firstUpdateId()).isLessThanOrEqualTo(snapshotId);
              assertThat(e.lastUpdateId()).isGreaterThanOrEqualTo(snapshotId);
            } else {
              assertThat(e.prevUpdateId()).isEqualTo(previousU);
              assertThat(e.firstUpdateId()).isEqualTo(previousU + 1);
            }
            assertThat(e.lastUpdateId()).isGreaterThanOrEqualTo(e.firstUpdateId());
            assertThat(e.levelCount(Side.BUY) + e.levelCount(Side.SELL)).isPositive();
            previousU = e.lastUpdateId();
            assertThat(sync.onEvent(e)).isTrue();
            assertThat(book.bestBidTicks()).isLessThan(book.bestAskTicks());
            assertThat(book.depth(Side.BUY)).isEqualTo(20);
            assertThat(book.depth(Side.SELL)).isEqualTo(20);
          }
          case BOOK_TICKER -> {
            assertThat(e.lastUpdateId()).isEqualTo(book.lastUpdateId());
            assertThat(e.bestBidTicks()).isEqualTo(book.bestBidTicks());
            assertThat(e.bestAskTicks()).isEqualTo(book.bestAskTicks());
            assertThat(e.bestBidQuantity()).isEqualTo(book.bestBidQuantity());
            assertThat(e.bestAskQuantity()).isEqualTo(book.bestAskQuantity());
            assertThat(e.bestBidTicks()).isLessThan(e.bestAskTicks());
            tickersChecked++;
          }
          case TRADE -> {
            Side resting = e.aggressorSide().opposite();
            long best = resting == Side.BUY ? book.bestBidTicks() : book.bestAskTicks();
            double available =
                resting == Side.BUY ? book.bestBidQuantity() : book.bestAskQuantity();
            assertThat(e.tradePriceTicks()).isEqualTo(best);
            assertThat(e.tradeQuantity()).isPositive().isLessThanOrEqualTo(available);
          }
          case BAR -> throw new AssertionError("the synthetic market makes no bars");
        }
      } while (market.next(e));
    }
    assertThat(sync.gapCount()).isZero();
    assertThat(sync.isSynced()).isTrue();
    assertThat(counts.get(MarketEvent.Type.DEPTH_SNAPSHOT)).isEqualTo(1);
    assertThat(counts.get(MarketEvent.Type.TRADE)).isGreaterThan(5_000);
    assertThat(counts.get(MarketEvent.Type.DEPTH_UPDATE)).isGreaterThan(30_000);
    assertThat(tickersChecked)
        .isEqualTo((long) counts.getOrDefault(MarketEvent.Type.BOOK_TICKER, 0));
  }

  @Test
  void durationEndsTheStreamAndAggressorsShowMomentum() {
    SyntheticMarket.Config cfg =
        SyntheticMarket.Config.builder()
            .duration(Duration.ofSeconds(60))
            .tradeRatePerSecond(20)
            .seed(11)
            .build();
    List<MarketEvent> events = TestEvents.drain(new SyntheticMarket(cfg));
    MarketEvent last = events.get(events.size() - 1);
    assertThat(last.eventTime()).isLessThanOrEqualTo(cfg.startTimeMillis() + 60_000);
    assertThat(last.eventTime()).isGreaterThan(cfg.startTimeMillis() + 55_000);
    List<MarketEvent> trades =
        events.stream().filter(e -> e.type() == MarketEvent.Type.TRADE).toList();
    assertThat(trades.size()).isBetween(1_000, 1_400);
    long sameAsPrevious = 0;
    for (int i = 1; i < trades.size(); i++) {
      if (trades.get(i).buyerMaker() == trades.get(i - 1).buyerMaker()) {
        sameAsPrevious++;
      }
    }
    assertThat((double) sameAsPrevious / (trades.size() - 1)).isGreaterThan(0.6);
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> SyntheticMarket.Config.builder().depthLevels(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("depthLevels");
    assertThatThrownBy(() -> SyntheticMarket.Config.builder().meanSpreadTicks(0.5).build())
        .hasMessageContaining("meanSpreadTicks");
    assertThatThrownBy(() -> SyntheticMarket.Config.builder().lotSize("0.003").build())
        .hasMessageContaining("lotSize");
    assertThatThrownBy(() -> SyntheticMarket.Config.builder().symbol(" ").build())
        .hasMessageContaining("symbol");
  }
}
