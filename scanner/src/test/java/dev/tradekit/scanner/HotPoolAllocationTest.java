package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A followed book's depth events cost the hot pool no allocation once warm: the book hand-off, the
 * sighting, the re-scoring of the hot wall and the trigger check all run on preallocated state (the
 * set-up of the hot pool benchmark, {@code HotPoolBenchmark}).
 */
class HotPoolAllocationTest {
  private static final String SYMBOL = "ABCUSDT";
  private static final long BID = 1000;
  private static final long START = 1_704_067_200_000L; // Monday 2024-01-01 00:00 UTC

  /**
   * The virtual clock, except that once {@code direct} is set executed tasks wait in a pre-grown
   * deque for {@link #drain}: the virtual clock allocates a queue entry per task, which is the
   * scheduler's cost and not the hot pool's.
   */
  private static final class DirectScheduler implements Scheduler {
    final VirtualScheduler clock = new VirtualScheduler(START);
    final ArrayDeque<Runnable> pending = new ArrayDeque<>(64);
    boolean direct;

    @Override
    public long currentTimeMillis() {
      return clock.currentTimeMillis();
    }

    @Override
    public long nanoTime() {
      return clock.nanoTime();
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
      return clock.schedule(task, delay, unit);
    }

    @Override
    public Cancellable scheduleAtFixedRate(
        Runnable task, long initialDelay, long period, TimeUnit unit) {
      return clock.scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    @Override
    public void execute(Runnable task) {
      if (direct) {
        pending.add(task);
      } else {
        clock.execute(task);
      }
    }

    /** Runs the queued tasks; returns how many. */
    int drain() {
      int n = 0;
      for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
        r.run();
        n++;
      }
      return n;
    }
  }

  private final DirectScheduler scheduler = new DirectScheduler();
  private final MarketEvent diff = new MarketEvent();
  private long updateId = 10;
  private long seq;

  private SimVenue venue() {
    SimVenue v =
        SimVenue.builder()
            .scheduler(scheduler.clock)
            .instrument(
                Instrument.builder()
                    .symbol(SYMBOL)
                    .baseAsset("ABC")
                    .quoteAsset("USDT")
                    .tickSize(new BigDecimal("0.1"))
                    .stepSize(new BigDecimal("0.001"))
                    .build())
            .orderLatency(LatencyModel.zero())
            .marketDataLatency(LatencyModel.zero())
            .build();
    MarketEvent e = new MarketEvent().reset(MarketEvent.Type.DEPTH_SNAPSHOT, SYMBOL, START, 0);
    e.updateIds(0, updateId, 0);
    for (int i = 0; i < 20; i++) {
      e.addLevel(Side.BUY, BID - i, i == 12 ? 200 : 10); // a wall of 200 at 98.8
      e.addLevel(Side.SELL, BID + 1 + i, 10);
    }
    v.onMarketEvent(e);
    MarketEvent sync = new MarketEvent().reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, START, 0);
    sync.updateIds(updateId, updateId + 1, updateId).addLevel(Side.SELL, BID + 1, 10);
    v.onMarketEvent(sync);
    updateId++;
    MarketEvent t = new MarketEvent().reset(MarketEvent.Type.TRADE, SYMBOL, START, 0);
    t.trade(1, BID, 1, true);
    v.onMarketEvent(t);
    return v;
  }

  /** One diff at the best bid; returns the hot pool's tasks it woke. */
  private int depthEvent(SimVenue v) {
    diff.reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, scheduler.currentTimeMillis(), 0);
    diff.updateIds(updateId + 1, updateId + 1, updateId);
    diff.addLevel(Side.BUY, BID, 10 + (seq++ & 7));
    updateId++;
    v.onMarketEvent(diff);
    return scheduler.drain();
  }

  @Test
  void aFollowedBooksDepthEventsAllocateNothingOnceWarm() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
        "per-thread allocation counting is not supported by this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    SimVenue v = venue();
    Scanner scanner =
        Scanner.builder()
            .exchange(v.openAccount("scanner", AccountSetup.usdt(BigDecimal.TEN)))
            .scheduler(scheduler)
            .topSymbols(1)
            .minUsd(1_000)
            .promotionAge(Duration.ofSeconds(1))
            .observerInterval(Duration.ofSeconds(1))
            .privateTokens(Set.of("tok"))
            .build();
    List<String> messages = new ArrayList<>();
    scanner.feed().subscribe(FeedTier.PRIVATE, "tok", FeedSubscriber.accepting(messages::add));
    try {
      scanner.start();
      scheduler.clock.advanceBy(Duration.ofSeconds(3));
      assertThat(scanner.hotOrders()).hasSize(1);
      assertThat(messages).anyMatch(m -> m.contains("ENTERED_HOT"));
      messages.clear();
      scheduler.direct = true;

      int events = 20_000;
      long best = Long.MAX_VALUE;
      // Rounds until the JIT has compiled the path (the interpreter allocates iterators); a loaded
      // machine compiles late, so the rounds are bounded by time, not by count.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (best >= 1024 && System.nanoTime() < deadline) {
        int woken = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < events; i++) {
          woken += depthEvent(v);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(woken).as("one hot-pool wake-up per depth event").isEqualTo(events);
        best = Math.min(best, allocated);
      }
      assertThat(best).as("bytes over 20 000 depth events of a followed book").isLessThan(1024);
      assertThat(messages).as("nothing moved enough to publish").isEmpty();

      // The wall grows by 10 %: more than the 5 % value trigger, so the sighting publishes.
      diff.reset(MarketEvent.Type.DEPTH_UPDATE, SYMBOL, scheduler.currentTimeMillis(), 0);
      diff.updateIds(updateId + 1, updateId + 1, updateId);
      diff.addLevel(Side.BUY, BID - 12, 220);
      updateId++;
      v.onMarketEvent(diff);
      scheduler.drain();
      scheduler.clock.runPending();
      scheduler.drain();
      assertThat(messages)
          .singleElement()
          .asString()
          .contains("VALUE_MOVED")
          .contains("\"quantity\":220");
      assertThat(scanner.hotOrders()).hasSize(1);
    } finally {
      scanner.close();
    }
  }
}
