package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BookHandOffTest {

  private static OrderBook book(long id) {
    OrderBook b = new OrderBook("BTCUSDT", 4);
    b.setLevel(Side.BUY, 1000, id);
    b.setLevel(Side.SELL, 1001, 1);
    b.setLastUpdateId(id);
    return b;
  }

  @Test
  void theReaderGetsTheNewestBookAndOneWakeUpPerTake() {
    BookHandOff h = new BookHandOff("BTCUSDT");
    assertThat(h.take()).isNull();

    assertThat(h.publish(book(1))).as("first publish wakes the reader").isTrue();
    assertThat(h.publish(book(2))).as("a wake-up is already pending").isFalse();
    assertThat(h.publish(book(3))).isFalse();
    OrderBook taken = java.util.Objects.requireNonNull(h.take());
    assertThat(taken.lastUpdateId()).isEqualTo(3);
    assertThat(taken.quantityAt(Side.BUY, 1000)).isEqualTo(3.0);
    assertThat(h.take()).as("nothing new").isNull();

    assertThat(h.publish(book(4))).isTrue();
    assertThat(taken.lastUpdateId()).as("the book being read is never overwritten").isEqualTo(3);
    OrderBook next = java.util.Objects.requireNonNull(h.take());
    assertThat(next.lastUpdateId()).isEqualTo(4);
  }

  @Test
  void publishingAllocatesNothingOnceTheBooksHaveGrown() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
        "per-thread allocation counting is not supported by this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    OrderBook deep = new OrderBook("BTCUSDT", 1024);
    for (int i = 0; i < 1000; i++) {
      deep.setLevel(Side.BUY, 100_000 - i, 1 + i % 7);
      deep.setLevel(Side.SELL, 100_001 + i, 1 + i % 5);
    }
    BookHandOff h = new BookHandOff("BTCUSDT");
    for (int i = 0; i < 10; i++) {
      h.publish(deep);
      h.take();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    long sum = 0;
    for (int i = 0; i < 10_000; i++) {
      deep.setLastUpdateId(i);
      h.publish(deep);
      OrderBook b = h.take();
      sum += b == null ? 0 : b.depth(Side.BUY);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sum).isEqualTo(10_000L * 1000);
    assertThat(allocated).as("bytes over 10 000 hand-offs of a 1000-level book").isLessThan(2048);
  }

  @Test
  void aConcurrentReaderOnlyEverSeesWholeBooksInOrder() throws Exception {
    BookHandOff h = new BookHandOff("BTCUSDT");
    int n = 20_000;
    AtomicLong lastSeen = new AtomicLong();
    AtomicLong torn = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              while (lastSeen.get() < n) {
                OrderBook b = h.take();
                if (b != null) {
                  long id = b.lastUpdateId();
                  if (b.quantityAt(Side.BUY, 1000) != id || id < lastSeen.get()) {
                    torn.incrementAndGet();
                  }
                  lastSeen.set(id);
                }
              }
              done.countDown();
            });
    reader.start();
    OrderBook src = new OrderBook("BTCUSDT", 4);
    src.setLevel(Side.SELL, 1001, 1);
    for (long id = 1; id <= n; id++) {
      src.setLevel(Side.BUY, 1000, id);
      src.setLastUpdateId(id);
      h.publish(src);
    }
    assertThat(done.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(torn.get()).isZero();
    assertThat(lastSeen.get()).isEqualTo(n);
  }
}
