package dev.tradekit.strategy;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A bot scheduler for tests against a fake venue in virtual time: tasks run on a live thread, the
 * clock is the venue's.
 */
final class VenueClock implements Scheduler, AutoCloseable {
  private final LongSupplier venueTime;
  private final LiveScheduler thread = LiveScheduler.create("strategy-bot");

  VenueClock(LongSupplier venueTime) {
    this.venueTime = venueTime;
  }

  @Override
  public long currentTimeMillis() {
    return venueTime.getAsLong();
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
