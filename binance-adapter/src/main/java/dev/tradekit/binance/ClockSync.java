package dev.tradekit.binance;

import dev.tradekit.adapter.ServerClock;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ServerClock} in step with the venue: one {@code GET /fapi/v1/time} round trip at
 * start, one every period on the scheduler, and a fresh start (forgetting old samples) whenever a
 * signed request is rejected with {@code -1021}. Concurrent re-syncs share one round trip.
 */
final class ClockSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClockSync.class);

  private final ServerClock clock;
  private final Scheduler scheduler;
  private final Supplier<CompletableFuture<ServerTimeDto>> fetch;
  private @Nullable CompletableFuture<Void> inProgress;
  private @Nullable Cancellable periodic;

  /**
   * @param clock the clock to feed; its local time must be {@code scheduler}'s
   * @param fetch one server-time request
   */
  ClockSync(
      ServerClock clock, Scheduler scheduler, Supplier<CompletableFuture<ServerTimeDto>> fetch) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /** Takes the first sample now and schedules one every {@code period}; completes on the first. */
  synchronized CompletableFuture<Void> start(Duration period) {
    CompletableFuture<Void> first = sample();
    long ms = period.toMillis();
    periodic =
        scheduler.scheduleAtFixedRate(
            () ->
                sample()
                    .exceptionally(
                        e -> {
                          LOG.warn("periodic server-time sync failed: {}", e.toString());
                          return null;
                        }),
            ms,
            ms,
            TimeUnit.MILLISECONDS);
    return first;
  }

  /** Forgets the samples and measures again (after -1021). */
  CompletableFuture<Void> resync() {
    clock.reset();
    return sample();
  }

  /** One round trip; joins the one in progress if there is one. */
  synchronized CompletableFuture<Void> sample() {
    CompletableFuture<Void> running = inProgress;
    if (running != null && !running.isDone()) {
      return running;
    }
    long sent = scheduler.currentTimeMillis();
    CompletableFuture<Void> f =
        fetch
            .get()
            .thenAccept(
                dto -> {
                  long received = Math.max(sent, scheduler.currentTimeMillis());
                  clock.addSample(sent, dto.serverTime, received);
                  LOG.debug(
                      "server time offset {} ms (round trip {} ms)",
                      clock.offset(),
                      clock.bestRoundTripMillis());
                });
    inProgress = f;
    return f;
  }

  @Override
  public synchronized void close() {
    Cancellable p = periodic;
    if (p != null) {
      p.cancel();
    }
  }
}
