package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-event path of the venue (matching book, queue bookkeeping, delayed visible book, stream
 * dispatch to a book listener) allocates nothing when no simulated order is near the touch.
 * Measured with the JVM's per-thread allocation counter, not with time.
 */
class SteadyStateAllocationTest {

  @Test
  void marketEventsAllocateNothingWithOrdersFarFromTheTouch() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
        "per-thread allocation counting is not supported by this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;

    List<MarketEvent> events = new ArrayList<>();
    try (SyntheticMarket m =
        new SyntheticMarket(
            SyntheticMarket.Config.builder()
                .seed(5)
                .startTimeMillis(SimKit.T0)
                .duration(Duration.ofMinutes(20))
                .build())) {
      MarketEvent e = new MarketEvent();
      while (m.next(e)) {
        events.add(e.copyOf());
      }
    }
    VirtualScheduler clock = new VirtualScheduler(SimKit.T0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimKit.instrument())
            .queueModel(QueueModel.PROPORTIONAL)
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .build();
    Exchange ex = venue.openAccount("a", AccountSetup.usdt(new BigDecimal("100000")));
    long[] books = new long[1];
    ex.streams().orderBook(SimKit.SYMBOL, book -> books[0] += book.depth(Side.BUY));
    int warmup = events.size() / 2;
    for (int i = 0; i < warmup; i++) {
      feed(clock, venue, events.get(i));
    }
    // resting orders 5 % away from the touch: looked at on every event, never filled
    ex.trading()
        .place(
            OrderRequest.limit(
                SimKit.SYMBOL, Side.BUY, new BigDecimal("1"), new BigDecimal("57000")));
    ex.trading()
        .place(
            OrderRequest.limit(
                SimKit.SYMBOL, Side.SELL, new BigDecimal("1"), new BigDecimal("63000")));
    clock.runPending();
    assertThat(SimKitAccess.resting(venue, Side.BUY)).hasSize(1);

    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = warmup; i < events.size(); i++) {
      feed(clock, venue, events.get(i));
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    int measured = events.size() - warmup;
    System.out.printf("steady state: %d events, %d bytes allocated%n", measured, allocated);
    assertThat(measured).isGreaterThan(10_000);
    assertThat(books[0]).isPositive();
    assertThat(allocated).as("bytes allocated over %d events", measured).isLessThan(4_096);
  }

  private static void feed(VirtualScheduler clock, SimVenue venue, MarketEvent e) {
    long t = Math.max(e.eventTime(), clock.currentTimeMillis());
    long release;
    while ((release = venue.nextVisibleRelease()) <= t) {
      clock.advanceTo(Math.max(release, clock.currentTimeMillis()));
      venue.releaseVisible(clock.currentTimeMillis());
    }
    clock.advanceTo(t);
    venue.onMarketEvent(e);
  }

  /** Package access to the matcher's resting orders. */
  static final class SimKitAccess {
    static List<SimOrder> resting(SimVenue venue, Side side) {
      return java.util.Objects.requireNonNull(venue.matcher(SimKit.SYMBOL)).resting(side);
    }
  }
}
