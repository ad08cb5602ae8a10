package dev.tradekit.binance;

import static dev.tradekit.binance.StreamTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The futures book-sync algorithm in virtual time, with snapshots answered by the test. */
class BookSyncTest {
  private final VirtualScheduler clock = new VirtualScheduler(1_700_000_000_000L);
  private final List<CompletableFuture<OrderBookSnapshot>> requests = new ArrayList<>();
  private final List<String> stale = new ArrayList<>();
  private final List<Long> updates = new ArrayList<>();
  private final FakeStreamRest rest =
      new FakeStreamRest() {
        @Override
        public CompletableFuture<OrderBookSnapshot> depth(String symbol, int limit) {
          CompletableFuture<OrderBookSnapshot> f = new CompletableFuture<>();
          requests.add(f);
          return f;
        }
      };
  private final BookSync sync;
  private OrderBookView lastBook = new dev.tradekit.api.book.OrderBook("BTCUSDT");

  BookSyncTest() {
    Listeners<OrderBookListener> listeners = new Listeners<>("test");
    listeners.add(
        new Listeners.Handle<>(
            new OrderBookListener() {
              @Override
              public void onBook(OrderBookView book) {
                updates.add(book.lastUpdateId());
                lastBook = book;
              }

              @Override
              public void onStale(String symbol, String reason) {
                stale.add(reason);
              }
            },
            clock,
            h -> {}));
    sync =
        new BookSync(
            "BTCUSDT",
            clock,
            rest,
            s -> CompletableFuture.completedFuture(TickScale.of(new BigDecimal("0.1"))),
            StreamTestSupport.settings(),
            listeners);
  }

  private static String diff(long first, long last, long previous) {
    return StreamTestSupport.depth(
        "BTCUSDT", first, last, previous, "[\"100.0\",\"" + last + "\"]", "");
  }

  private void onDiff(String frame) {
    sync.onDiff(frame, frame.indexOf("{\"e\""));
  }

  private void answer(int request, long lastUpdateId) {
    requests
        .get(request)
        .complete(
            snapshot(
                "BTCUSDT",
                lastUpdateId,
                new String[][] {{"100.0", "1"}},
                new String[][] {{"100.5", "1"}}));
    clock.runPending();
  }

  @Test
  void keepsOneSnapshotInFlightWhileDiffsArrive() {
    onDiff(diff(1, 5, 0));
    onDiff(diff(6, 9, 5));
    onDiff(diff(10, 12, 9));
    assertThat(requests).hasSize(1);
    answer(0, 8);
    assertThat(updates).containsExactly(8L, 9L, 12L); // 1..5 dropped, 6..9 straddles 8
    assertThat(lastBook.quantityAt(Side.BUY, 1000)).isEqualTo(12.0);
    assertThat(stale).isEmpty();
  }

  @Test
  void repeatedGapsBackOffInsteadOfStormingSnapshots() {
    onDiff(diff(1, 5, 0));
    answer(0, 3);
    onDiff(diff(20, 25, 19)); // gap: pu 19 != 5
    assertThat(stale).hasSize(1);
    assertThat(requests).as("the resync waits for the backoff").hasSize(1);
    for (int i = 0; i < 10; i++) {
      onDiff(diff(26 + i, 26 + i, 25 + i));
    }
    clock.advanceBy(Duration.ofMillis(60)); // first resync delay is 25..50 ms
    assertThat(requests).hasSize(2);
    answer(1, 30);
    assertThat(updates).contains(30L).endsWith(33L, 34L, 35L);

    onDiff(diff(50, 50, 49)); // another gap right after: the delay doubles (50..100 ms)
    clock.advanceBy(Duration.ofMillis(45));
    onDiff(diff(51, 51, 50));
    assertThat(requests).hasSize(2);
    clock.advanceBy(Duration.ofMillis(60));
    assertThat(requests).hasSize(3);
    assertThat(stale).hasSize(2);
  }

  @Test
  void aFailedSnapshotIsRetriedAfterABackoff() {
    onDiff(diff(1, 5, 0));
    requests.get(0).completeExceptionally(new IllegalStateException("HTTP 503"));
    clock.runPending();
    onDiff(diff(6, 7, 5));
    assertThat(requests).hasSize(1);
    clock.advanceBy(Duration.ofMillis(60));
    assertThat(requests).hasSize(2);
    answer(1, 6);
    assertThat(updates).containsExactly(6L, 7L);
  }

  @Test
  void aSnapshotOfALostConnectionIsDiscarded() {
    onDiff(diff(1, 5, 0));
    sync.connectionLost("test");
    onDiff(diff(100, 105, 99)); // new connection: waits for the old request to finish
    assertThat(requests).hasSize(1);
    answer(0, 4); // belongs to the old connection
    assertThat(updates).isEmpty();
    assertThat(requests).hasSize(2);
    answer(1, 102);
    assertThat(updates).containsExactly(102L, 105L);
  }

  @Test
  void anUnreadableDiffMakesTheBookStaleAndFetchesANewSnapshot() {
    onDiff(diff(1, 5, 0));
    answer(0, 4);
    onDiff(diff(6, 9, 5));
    assertThat(updates).containsExactly(4L, 5L, 9L);
    String next = diff(10, 12, 9);
    onDiff(next.substring(0, next.length() - 12)); // truncated inside the levels
    assertThat(stale).singleElement().asString().startsWith("unreadable depth frame: ");
    assertThat(updates).containsExactly(4L, 5L, 9L); // nothing of it applied
    assertThat(lastBook.quantityAt(Side.BUY, 1000)).isEqualTo(9.0);
    onDiff(diff(13, 14, 12)); // buffered for the new snapshot
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(requests).hasSize(2);
    answer(1, 13);
    assertThat(updates).containsExactly(4L, 5L, 9L, 13L, 14L);
    assertThat(lastBook.quantityAt(Side.BUY, 1000)).isEqualTo(14.0);
  }

  @Test
  void derivesTheTickFromTheSnapshotPrices() {
    TickScale scale =
        BookSync.finestScale(
            snapshot("X", 1, new String[][] {{"7.6110", "1"}}, new String[][] {{"7.62", "1"}}));
    assertThat(scale.tickSize()).isEqualByComparingTo("0.0001");
  }
}
