package dev.tradekit.api.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.tradekit.api.model.Side;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OrderBookTest {

  @Test
  void matchesTreeMapReferenceUnderRandomUpdates() {
    Random random = new Random(42);
    OrderBook book = new OrderBook("BTCUSDT", 4);
    NavigableMap<Long, Double> bids = new TreeMap<Long, Double>().descendingMap();
    NavigableMap<Long, Double> asks = new TreeMap<>();
    for (int op = 0; op < 100_000; op++) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      long price = 1_000 + random.nextInt(60);
      // ~40 % removals, many of them of absent levels
      double qty = random.nextInt(10) < 4 ? 0.0 : 0.001 * (1 + random.nextInt(5_000));
      book.setLevel(side, price, qty);
      NavigableMap<Long, Double> ref = side == Side.BUY ? bids : asks;
      if (qty > 0) {
        ref.put(price, qty);
      } else {
        ref.remove(price);
      }
      if (random.nextInt(5_000) == 0) {
        book.clear();
        bids.clear();
        asks.clear();
      }
      assertSideMatches(book, Side.BUY, bids, random);
      assertSideMatches(book, Side.SELL, asks, random);
      boolean crossed = !bids.isEmpty() && !asks.isEmpty() && bids.firstKey() >= asks.firstKey();
      assertThat(book.isCrossed()).isEqualTo(crossed);
    }
  }

  private static void assertSideMatches(
      OrderBook book, Side side, NavigableMap<Long, Double> ref, Random random) {
    assertThat(book.depth(side)).isEqualTo(ref.size());
    assertThat(book.isEmpty(side)).isEqualTo(ref.isEmpty());
    long best = side == Side.BUY ? book.bestBidTicks() : book.bestAskTicks();
    double bestQty = side == Side.BUY ? book.bestBidQuantity() : book.bestAskQuantity();
    if (ref.isEmpty()) {
      assertThat(best).isEqualTo(OrderBookView.NO_PRICE);
      assertThat(bestQty).isZero();
    } else {
      assertThat(best).isEqualTo(ref.firstKey());
      assertThat(bestQty).isEqualTo(ref.firstEntry().getValue());
    }
    int level = 0;
    double cumulative = 0;
    int levels = random.nextInt(8);
    double expectedCumulative = 0;
    long distance = random.nextInt(20);
    int expectedWithin = 0;
    double expectedQtyWithin = 0;
    for (Map.Entry<Long, Double> e : ref.entrySet()) {
      // plain comparisons here: this runs millions of times
      if (book.priceTicks(side, level) != e.getKey()
          || book.quantity(side, level) != e.getValue()) {
        fail(
            side
                + " level "
                + level
                + ": expected "
                + e
                + " but was "
                + book.priceTicks(side, level)
                + "="
                + book.quantity(side, level));
      }
      cumulative += e.getValue();
      if (level < levels) {
        expectedCumulative = cumulative;
      }
      if (Math.abs(e.getKey() - ref.firstKey()) <= distance) {
        expectedWithin++;
        expectedQtyWithin = cumulative;
      }
      level++;
    }
    assertThat(book.cumulativeQuantity(side, levels)).isEqualTo(expectedCumulative);
    assertThat(book.levelsWithin(side, distance)).isEqualTo(expectedWithin);
    assertThat(book.quantityWithin(side, distance)).isEqualTo(expectedQtyWithin);
    long probe = 995 + random.nextInt(70);
    assertThat(book.quantityAt(side, probe)).isEqualTo(ref.getOrDefault(probe, 0.0));
  }

  @Test
  void keepsBidsDescendingAndAsksAscending() {
    OrderBook book = new OrderBook("ETHUSDT");
    book.setLevel(Side.BUY, 100, 1);
    book.setLevel(Side.BUY, 102, 2);
    book.setLevel(Side.BUY, 101, 3);
    book.setLevel(Side.SELL, 105, 4);
    book.setLevel(Side.SELL, 103, 5);
    book.setLevel(Side.SELL, 104, 6);

    assertThat(new long[] {book.priceTicks(Side.BUY, 0), book.priceTicks(Side.BUY, 1)})
        .containsExactly(102, 101);
    assertThat(book.priceTicks(Side.BUY, 2)).isEqualTo(100);
    assertThat(book.priceTicks(Side.SELL, 0)).isEqualTo(103);
    assertThat(book.priceTicks(Side.SELL, 2)).isEqualTo(105);
    assertThat(book.levelsWithin(Side.BUY, 1)).isEqualTo(2);
    assertThat(book.quantityWithin(Side.SELL, 1)).isEqualTo(11.0);
    assertThat(book.cumulativeQuantity(Side.SELL, 99)).isEqualTo(15.0);
  }

  @Test
  void removingAbsentLevelIsNoOpAndZeroRemoves() {
    OrderBook book = new OrderBook("X");
    book.setLevel(Side.SELL, 10, 1);
    book.setLevel(Side.SELL, 11, 0);
    book.setLevel(Side.SELL, 9, -1);
    assertThat(book.depth(Side.SELL)).isEqualTo(1);
    book.setLevel(Side.SELL, 10, 0);
    assertThat(book.isEmpty(Side.SELL)).isTrue();
    assertThat(book.bestAskTicks()).isEqualTo(OrderBookView.NO_PRICE);
  }

  @Test
  void growsBeyondInitialCapacity() {
    OrderBook book = new OrderBook("X", 2);
    for (int i = 0; i < 1_000; i++) {
      book.setLevel(Side.BUY, i, i + 1);
      book.setLevel(Side.SELL, 10_000 - i, i + 1);
    }
    assertThat(book.depth(Side.BUY)).isEqualTo(1_000);
    assertThat(book.capacity(Side.BUY)).isGreaterThanOrEqualTo(1_000).isLessThan(2_048 + 1);
    assertThat(book.bestBidTicks()).isEqualTo(999);
    assertThat(book.priceTicks(Side.BUY, 999)).isZero();
    assertThat(book.bestAskTicks()).isEqualTo(10_000 - 999);
    assertThat(book.quantityAt(Side.SELL, 10_000)).isEqualTo(1.0);
  }

  @Test
  void snapshotReplacesContentAndAcceptsUnsortedInput() {
    OrderBook book = new OrderBook("X");
    book.setLevel(Side.BUY, 1, 1);
    book.setLevel(Side.SELL, 500, 1);
    book.applySnapshot(
        77,
        1_700_000_000_000L,
        new long[] {100, 99, 101, 98, 0},
        new double[] {1, 2, 3, 0, 9},
        4,
        new long[] {102, 103, 102},
        new double[] {4, 5, 6},
        3);
    assertThat(book.lastUpdateId()).isEqualTo(77);
    assertThat(book.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(book.depth(Side.BUY)).isEqualTo(3);
    assertThat(book.bestBidTicks()).isEqualTo(101);
    assertThat(book.priceTicks(Side.BUY, 2)).isEqualTo(99);
    assertThat(book.quantityAt(Side.BUY, 1)).isZero();
    assertThat(book.quantityAt(Side.BUY, 98)).isZero();
    assertThat(book.depth(Side.SELL)).isEqualTo(2);
    assertThat(book.bestAskQuantity()).isEqualTo(6.0); // repeated price keeps the last quantity
    assertThat(book.quantityAt(Side.SELL, 500)).isZero();
  }

  @Test
  void snapshotRejectsCountBeyondArrays() {
    OrderBook book = new OrderBook("X");
    assertThatThrownBy(
            () ->
                book.applySnapshot(
                    1, 1, new long[1], new double[1], 2, new long[0], new double[0], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bidCount");
  }

  @Test
  void detectsCrossedAndLockedBooks() {
    OrderBook book = new OrderBook("X");
    book.setLevel(Side.BUY, 100, 1);
    assertThat(book.isCrossed()).isFalse();
    book.setLevel(Side.SELL, 101, 1);
    assertThat(book.isCrossed()).isFalse();
    book.setLevel(Side.SELL, 100, 1);
    assertThat(book.isCrossed()).isTrue();
    book.setLevel(Side.SELL, 100, 0);
    book.setLevel(Side.BUY, 102, 1);
    assertThat(book.isCrossed()).isTrue();
  }

  @Test
  void copyFromCopiesLevelsAndIdsButKeepsSymbol() {
    OrderBook source = new OrderBook("SRC", 2);
    for (int i = 0; i < 10; i++) {
      source.setLevel(Side.BUY, 100 - i, i + 1);
      source.setLevel(Side.SELL, 101 + i, i + 1);
    }
    source.setLastUpdateId(5);
    source.setTimestamp(6);
    OrderBook copy = new OrderBook("DST", 1);
    copy.setLevel(Side.BUY, 7, 7);
    copy.copyFrom(source);
    source.setLevel(Side.BUY, 100, 0);

    assertThat(copy.symbol()).isEqualTo("DST");
    assertThat(copy.lastUpdateId()).isEqualTo(5);
    assertThat(copy.timestamp()).isEqualTo(6);
    assertThat(copy.depth(Side.BUY)).isEqualTo(10);
    assertThat(copy.bestBidTicks()).isEqualTo(100);
    assertThat(copy.quantityAt(Side.BUY, 7)).isZero();
    assertThat(copy.priceTicks(Side.SELL, 9)).isEqualTo(110);
  }

  @Test
  void copyFromGenericViewUsesItsLevels() {
    OrderBook source = new OrderBook("SRC");
    source.setLevel(Side.BUY, 10, 1);
    source.setLevel(Side.BUY, 9, 2);
    source.setLevel(Side.SELL, 12, 3);
    OrderBookView view = new DelegatingView(source);
    OrderBook copy = new OrderBook("DST");
    copy.copyFrom(view);
    assertThat(copy.depth(Side.BUY)).isEqualTo(2);
    assertThat(copy.priceTicks(Side.BUY, 1)).isEqualTo(9);
    assertThat(copy.bestAskQuantity()).isEqualTo(3.0);
    // the interface defaults agree with the array implementation
    assertThat(view.levelsWithin(Side.BUY, 1)).isEqualTo(2);
    assertThat(view.quantityAt(Side.BUY, 9)).isEqualTo(2.0);
    assertThat(view.isCrossed()).isFalse();
  }

  @Test
  void rejectsInvalidLevelsAndIndexes() {
    OrderBook book = new OrderBook("X");
    assertThatThrownBy(() -> book.setLevel(Side.BUY, 1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> book.setLevel(Side.BUY, OrderBookView.NO_PRICE, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.priceTicks(Side.BUY, 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> book.levelsWithin(Side.BUY, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderBook("X", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void levelsWithinHugeDistanceCountsAllLevels() {
    OrderBook book = new OrderBook("X");
    book.setLevel(Side.BUY, -5, 1);
    book.setLevel(Side.BUY, Long.MIN_VALUE + 1, 1);
    book.setLevel(Side.SELL, Long.MAX_VALUE, 1);
    book.setLevel(Side.SELL, 5, 1);
    assertThat(book.levelsWithin(Side.BUY, Long.MAX_VALUE)).isEqualTo(2);
    assertThat(book.levelsWithin(Side.SELL, Long.MAX_VALUE)).isEqualTo(2);
  }

  /** A view that only implements the abstract methods, so the interface defaults are used. */
  private static final class DelegatingView implements OrderBookView {
    private final OrderBookView target;

    DelegatingView(OrderBookView target) {
      this.target = target;
    }

    @Override
    public String symbol() {
      return target.symbol();
    }

    @Override
    public long lastUpdateId() {
      return target.lastUpdateId();
    }

    @Override
    public long timestamp() {
      return target.timestamp();
    }

    @Override
    public int depth(Side side) {
      return target.depth(side);
    }

    @Override
    public long priceTicks(Side side, int level) {
      return target.priceTicks(side, level);
    }

    @Override
    public double quantity(Side side, int level) {
      return target.quantity(side, level);
    }
  }
}
