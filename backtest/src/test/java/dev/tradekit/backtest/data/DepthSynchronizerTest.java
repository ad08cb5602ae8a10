package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import org.junit.jupiter.api.Test;

class DepthSynchronizerTest {

  private final OrderBook book = new OrderBook("BTCUSDT");
  private final DepthSynchronizer sync = new DepthSynchronizer(book, 4);

  private static MarketEvent snapshot(long id, long bid, double bidQty, long ask, double askQty) {
    return new MarketEvent()
        .reset(MarketEvent.Type.DEPTH_SNAPSHOT, "BTCUSDT", 1_000, 1_000_000_000L)
        .updateIds(0, id, 0)
        .addLevel(Side.BUY, bid, bidQty)
        .addLevel(Side.SELL, ask, askQty);
  }

  private static MarketEvent diff(long first, long last, long prev) {
    return new MarketEvent()
        .reset(MarketEvent.Type.DEPTH_UPDATE, "BTCUSDT", 2_000, 2_000_000_000L)
        .updateIds(first, last, prev);
  }

  @Test
  void buffersDiffsUntilSnapshotThenAppliesFromTheStraddlingOne() {
    assertThat(sync.onEvent(diff(90, 95, 89).addLevel(Side.BUY, 99, 5))).isFalse();
    assertThat(sync.onEvent(diff(96, 102, 95).addLevel(Side.BUY, 100, 7))).isFalse();
    assertThat(sync.onEvent(diff(103, 110, 102).addLevel(Side.SELL, 101, 0))).isFalse();
    assertThat(sync.state()).isEqualTo(DepthSynchronizer.State.WAITING_SNAPSHOT);
    assertThat(sync.bufferedCount()).isEqualTo(3);

    assertThat(sync.onEvent(snapshot(100, 100, 1, 101, 2))).isTrue();

    assertThat(sync.state()).isEqualTo(DepthSynchronizer.State.SYNCED);
    assertThat(sync.bufferedCount()).isZero();
    assertThat(sync.droppedCount()).isEqualTo(1); // u=95 < 100
    assertThat(sync.appliedCount()).isEqualTo(2);
    assertThat(book.lastUpdateId()).isEqualTo(110);
    assertThat(book.bestBidTicks()).isEqualTo(100);
    assertThat(book.bestBidQuantity()).isEqualTo(7);
    assertThat(book.depth(Side.SELL)).isZero();
  }

  @Test
  void brokenPuChainIsAGapUntilANewSnapshot() {
    sync.onEvent(snapshot(100, 100, 1, 101, 2));
    assertThat(sync.onEvent(diff(95, 105, 94).addLevel(Side.BUY, 100, 3))).isTrue();
    assertThat(sync.onEvent(diff(106, 108, 105).addLevel(Side.BUY, 100, 4))).isTrue();
    assertThat(sync.onEvent(diff(112, 115, 111).addLevel(Side.BUY, 100, 9))).isFalse();

    assertThat(sync.gapCount()).isEqualTo(1);
    assertThat(sync.state()).isEqualTo(DepthSynchronizer.State.WAITING_SNAPSHOT);
    assertThat(book.bestBidQuantity()).isEqualTo(4);
    assertThat(sync.onEvent(diff(116, 118, 115).addLevel(Side.BUY, 100, 10))).isFalse();

    assertThat(sync.onEvent(snapshot(117, 100, 8, 101, 2))).isTrue();
    assertThat(sync.isSynced()).isTrue();
    assertThat(book.lastUpdateId()).isEqualTo(118);
    assertThat(book.bestBidQuantity()).isEqualTo(10);
  }

  @Test
  void snapshotOlderThanEveryDiffWaitsForANewerOne() {
    sync.onEvent(diff(200, 210, 199).addLevel(Side.BUY, 100, 3));
    assertThat(sync.onEvent(snapshot(150, 100, 1, 101, 2))).isTrue();
    assertThat(sync.state()).isEqualTo(DepthSynchronizer.State.WAITING_SNAPSHOT);
    assertThat(sync.gapCount()).isEqualTo(1);
    assertThat(sync.bufferedCount()).isEqualTo(1);
    sync.onEvent(snapshot(205, 100, 1, 101, 2));
    assertThat(sync.isSynced()).isTrue();
    assertThat(book.bestBidQuantity()).isEqualTo(3);
  }

  @Test
  void fullBufferDropsTheOldestAndOtherSymbolsAreIgnored() {
    for (int i = 0; i < 6; i++) {
      sync.onEvent(diff(10L * i, 10L * i + 9, 10L * i - 1));
    }
    assertThat(sync.bufferedCount()).isEqualTo(4);
    assertThat(sync.droppedCount()).isEqualTo(2);
    MarketEvent other = diff(1, 2, 0);
    other.symbol("ETHUSDT");
    assertThat(sync.onEvent(other)).isFalse();
    assertThat(sync.bufferedCount()).isEqualTo(4);
  }

  @Test
  void staleSnapshotDoesNotRewindASyncedBook() {
    sync.onEvent(snapshot(100, 100, 1, 101, 2));
    sync.onEvent(diff(99, 120, 98).addLevel(Side.BUY, 100, 5));
    assertThat(sync.onEvent(snapshot(110, 100, 1, 101, 2))).isFalse();
    assertThat(book.bestBidQuantity()).isEqualTo(5);
    assertThat(book.lastUpdateId()).isEqualTo(120);
  }
}
