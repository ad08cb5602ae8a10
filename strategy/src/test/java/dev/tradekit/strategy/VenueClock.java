package dev.tradekit.strategy;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.testkit.FakeBinance;
import java.util.concurrent.TimeUnit;

/**
 * A bot scheduler for tests against a FakeBinance in virtual time: tasks run on a live thread, the
 * clock is the venue's.
 */
final class VenueClock implements Scheduler, AutoCloseable {
  private final FakeBinance fake;
  private final LiveScheduler thread = LiveScheduler.create("strategy-bot");

  VenueClock(FakeBinance fake) {
    this.fake = fake;
  }

  @Override
  public long currentTimeMillis() {
    return fake.serverTime();
  }

  @Override
  public long nanoTime() {
    return currentTimeMillis() * 1_000_000L;
  }

  @Override
  public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
    return thread.schedule(task, delay, unit);
  }

  @Override
  public Cancellable scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    return thread.scheduleAtFixedRate(task, initialDelay, period, unit);
  }

  @Override
  public void execute(Runnable task) {
    thread.execute(task);
  }

  @Override
  public void close() {
    thread.close();
  }
}
