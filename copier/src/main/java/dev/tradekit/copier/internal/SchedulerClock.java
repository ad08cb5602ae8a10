package dev.tradekit.copier.internal;

import dev.tradekit.api.runtime.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} that reads a {@link Scheduler}, for libraries (the circuit breaker) that want a
 * clock: they then follow virtual time in tests and never read the wall clock.
 *
 * <pre>{@code
 * CircuitBreakerConfig.custom().clock(new SchedulerClock(scheduler)).build();
 * }</pre>
 */
public final class SchedulerClock extends Clock {
  private final Scheduler scheduler;

  /** A clock on {@code scheduler}'s time, in UTC. */
  public SchedulerClock(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new UnsupportedOperationException("a scheduler clock is always in UTC, not " + zone);
    }
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(scheduler.currentTimeMillis());
  }

  @Override
  public long millis() {
    return scheduler.currentTimeMillis();
  }
}
