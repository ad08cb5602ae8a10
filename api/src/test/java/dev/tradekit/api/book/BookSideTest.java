package dev.tradekit.api.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The blocked sorted list behind each side of {@link OrderBook}, checked against a TreeMap. */
class BookSideTest {

  @Test
  void deepBookWithUpdatesNearTheTouchMatchesTreeMap() {
    Random random = new Random(7);
    BookSide asks = new BookSide(false, 1);
    NavigableMap<Long, Double> ref = new TreeMap<>();
    for (int op = 0; op < 200_000; op++) {
      // a side of ~3,000 levels: most changes within 50 ticks of 10_000, some anywhere
      long price =
          random.nextInt(10) < 8 ? 10_000 + random.nextInt(50) : 10_000 + random.nextInt(6_000);
      double qty = random.nextInt(10) < 4 ? 0.0 : 1 + random.nextInt(1_000);
      asks.set(price, qty);
      apply(ref, price, qty);
      if (op % 997 == 0) {
        assertSideEquals(asks, ref);
      }
    }
    assertSideEquals(asks, ref);
    assertThat(asks.depth()).isGreaterThan(2_000);
  }

  @Test
  void randomLevelReadsBetweenUpdatesSeeEveryChange() {
    Random random = new Random(13);
    BookSide bids = new BookSide(true, 1);
    NavigableMap<Long, Double> ref = new TreeMap<Long, Double>().descendingMap();
    for (long p = 0; p < 3_000; p++) {
      bids.set(p * 2, p + 1.0);
      ref.put(p * 2, p + 1.0);
    }
    for (int op = 0; op < 20_000; op++) {
      long price = random.nextInt(4) == 0 ? random.nextInt(6_000) : 5_990 + random.nextInt(20);
      double qty = random.nextInt(3) == 0 ? 0.0 : 1 + random.nextInt(9);
      bids.set(price, qty);
      apply(ref, price, qty);
      Long[] prices = ref.keySet().toArray(new Long[0]);
      for (int k = 0; k < 3; k++) {
        int level = k == 0 ? random.nextInt(40) : random.nextInt(prices.length);
        assertThat(bids.price(level))
            .as("level %d after op %d", level, op)
            .isEqualTo(prices[level]);
        assertThat(bids.quantity(level)).isEqualTo(ref.get(prices[level]));
      }
    }
    assertSideEquals(bids, ref);
  }

  @Test
  void bidsSortDescendingAcrossManyBlocks() {
    Random random = new Random(11);
    BookSide bids = new BookSide(true, 64);
    NavigableMap<Long, Double> ref = new TreeMap<Long, Double>().descendingMap();
    for (int op = 0; op < 100_000; op++) {
      long price = -500 + random.nextInt(4_000); // negative prices too
      double qty = random.nextInt(3) == 0 ? -1.0 : random.nextDouble() + 0.1;
      bids.set(price, qty);
      apply(ref, price, qty);
    }
    assertSideEquals(bids, ref);
    assertThat(bids.price(0)).isEqualTo(ref.firstKey());
    assertThat(bids.price(bids.depth() - 1)).isEqualTo(ref.lastKey());
  }

  @Test
  void removingEverythingReleasesEveryBlockAndReusesThem() {
    BookSide asks = new BookSide(false, 64);
    for (long p = 0; p < 5_000; p++) {
      asks.set(p * 3, 1.0);
    }
    int capacity = asks.capacity();
    assertThat(asks.blockCount()).isEqualTo((5_000 + BookSide.BLOCK - 1) / BookSide.BLOCK);
    for (long p = 0; p < 5_000; p++) {
      asks.set(p * 3, 0.0);
    }
    assertThat(asks.depth()).isZero();
    assertThat(asks.blockCount()).isZero();
    for (long p = 5_000; p > 0; p--) { // reverse order: every insert at the front
      asks.set(p * 3, 2.0);
    }
    assertThat(asks.capacity()).isEqualTo(capacity);
    assertThat(asks.price(0)).isEqualTo(3);
    assertThat(asks.quantity(4_999)).isEqualTo(2.0);
  }

  @Test
  void smallNeighbouringBlocksMergeSoBlocksStayHalfFullOnAverage() {
    Random random = new Random(3);
    BookSide asks = new BookSide(false, 64);
    for (long p = 0; p < 20_000; p++) {
      asks.set(p, 1.0);
    }
    // thin the side out at random until one level in twenty is left
    List<Long> prices = new ArrayList<>();
    for (long p = 0; p < 20_000; p++) {
      prices.add(p);
    }
    java.util.Collections.shuffle(prices, random);
    for (int i = 0; i < 19_000; i++) {
      asks.set(prices.get(i), 0.0);
    }
    assertThat(asks.depth()).isEqualTo(1_000);
    // any two neighbours hold more than half a block, so blocks <= 2 * depth / (BLOCK / 2) + 1
    assertThat(asks.blockCount()).isLessThanOrEqualTo(2 * 1_000 / (BookSide.BLOCK / 2) + 1);
  }

  @Test
  void copyFromPacksTheBlocksAndKeepsEveryLevel() {
    Random random = new Random(5);
    BookSide from = new BookSide(true, 1);
    NavigableMap<Long, Double> ref = new TreeMap<Long, Double>().descendingMap();
    for (int op = 0; op < 30_000; op++) {
      long price = random.nextInt(3_000);
      double qty = random.nextInt(4) == 0 ? 0.0 : 1 + random.nextInt(9);
      from.set(price, qty);
      apply(ref, price, qty);
    }
    BookSide to = new BookSide(true, 1);
    to.set(77_777, 1.0);
    to.copyFrom(from);
    assertSideEquals(to, ref);
    // the copy keeps working as a book
    to.set(1_000_000, 5.0);
    assertThat(to.price(0)).isEqualTo(1_000_000);
    assertThat(from.quantityAt(1_000_000)).isZero();
  }

  @Test
  void levelsWithinCountsLevelsUpToTheDistanceAcrossBlocks() {
    BookSide bids = new BookSide(true, 64);
    for (long p = 1_000; p > 0; p -= 2) { // 1000, 998, ..., 2
      bids.set(p, 1.0);
    }
    assertThat(bids.levelsWithin(0)).isEqualTo(1);
    assertThat(bids.levelsWithin(1)).isEqualTo(1);
    assertThat(bids.levelsWithin(2)).isEqualTo(2);
    assertThat(bids.levelsWithin(300)).isEqualTo(151);
    assertThat(bids.levelsWithin(Long.MAX_VALUE)).isEqualTo(500);
    assertThat(bids.cumulative(151)).isEqualTo(151.0);
  }

  @Test
  void steadyStateUpdatesAllocateNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
        "per-thread allocation counting is not supported by this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    BookSide asks = new BookSide(false, 64);
    BookSide copy = new BookSide(false, 64);
    Random random = new Random(9);
    int n = 400_000;
    long[] prices = new long[n];
    double[] qtys = new double[n];
    for (int i = 0; i < n; i++) {
      prices[i] = random.nextInt(10) < 9 ? random.nextInt(100) : random.nextInt(5_000);
      qtys[i] = random.nextInt(3) == 0 ? 0.0 : 1.0 + random.nextInt(5);
    }
    for (int i = 0; i < n / 2; i++) { // warm-up: the pools reach their size
      asks.set(prices[i], qtys[i]);
    }
    copy.copyFrom(asks);
    long before = threads.getCurrentThreadAllocatedBytes();
    double sink = 0;
    for (int i = n / 2; i < n; i++) {
      asks.set(prices[i], qtys[i]);
      sink += asks.price(0) + asks.quantity(asks.depth() / 2);
      if (i % 100 == 0) {
        copy.copyFrom(asks);
      }
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sink).isPositive();
    assertThat(allocated).as("bytes allocated over %d updates", n / 2).isLessThan(1_024);
  }

  private static void apply(Map<Long, Double> ref, long price, double qty) {
    if (qty > 0) {
      ref.put(price, qty);
    } else {
      ref.remove(price);
    }
  }

  private static void assertSideEquals(BookSide side, NavigableMap<Long, Double> ref) {
    assertThat(side.depth()).isEqualTo(ref.size());
    int level = 0;
    double sum = 0;
    for (Map.Entry<Long, Double> e : ref.entrySet()) {
      assertThat(side.price(level)).as("price at level %d", level).isEqualTo(e.getKey());
      assertThat(side.quantity(level)).as("quantity at level %d", level).isEqualTo(e.getValue());
      assertThat(side.quantityAt(e.getKey())).isEqualTo(e.getValue());
      sum += e.getValue();
      level++;
    }
    assertThat(side.cumulative(Integer.MAX_VALUE)).isEqualTo(sum);
    if (!ref.isEmpty()) {
      long best = ref.firstKey();
      for (long distance : new long[] {0, 1, 5, 50, 500, 5_000}) {
        long within = ref.keySet().stream().filter(p -> Math.abs(p - best) <= distance).count();
        assertThat(side.levelsWithin(distance)).as("within %d", distance).isEqualTo(within);
      }
    }
  }
}
