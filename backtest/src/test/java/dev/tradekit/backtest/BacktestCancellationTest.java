package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.optimize.GridSearch;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BacktestCancellationTest {
  private static final long[][] TEN_DAYS = TestBars.randomWalk(3, 10 * 1440);

  /** Ten days of minute bars; a bot that signals once the run is under way. */
  private static Backtest longRun(CountDownLatch started, AtomicLong bars) {
    return Backtest.builder()
        .data(
            () -> {
              MarketDataSource bars10 = new TestBars(TEN_DAYS, 50);
              return new MarketDataSource() {
                @Override
                public boolean next(MarketEvent into) {
                  if (bars.incrementAndGet() == 100) {
                    started.countDown();
                  }
                  return bars10.next(into);
                }

                @Override
                public void close() {
                  bars10.close();
                }
              };
            })
        .instrument(TestBars.instrument())
        .bot("sma", BacktestTest.TEN_K, (ex, clock) -> new SmaCrossBot(ex, 5, 20, BigDecimal.ONE))
        .build();
  }

  /**
   * Runs {@code work} on a thread, interrupts it once {@code started} and returns what it threw.
   */
  private static @org.jspecify.annotations.Nullable Throwable interruptOnceStarted(
      Runnable work, CountDownLatch started) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    t.start();
    assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
    t.interrupt();
    t.join(60_000);
    assertThat(t.isAlive()).isFalse();
    return thrown.get();
  }

  @Test
  void interruptingTheRunningThreadStopsTheBacktestWithCancellation() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicLong read = new AtomicLong();
    Backtest bt = longRun(started, read);
    assertThat(interruptOnceStarted(bt::run, started)).isInstanceOf(CancellationException.class);
    // stopped within a few check intervals, far from the 14,400 bars of the data
    assertThat(read.get()).isLessThan(10 * 1440);
  }

  @Test
  void interruptingAGridSearchCancelsItsRuns() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicLong read = new AtomicLong();
    GridSearch grid =
        new GridSearch(
            Map.of("x", new double[] {1, 2, 3}), p -> longRun(started, read), "sma", "sharpe");
    assertThat(interruptOnceStarted(() -> grid.run(1, (done, total) -> {}), started))
        .isInstanceOf(CancellationException.class);
  }
}
