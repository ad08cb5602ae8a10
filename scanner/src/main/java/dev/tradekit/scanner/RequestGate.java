package dev.tradekit.scanner;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends venue calls within a request-weight budget and per-lane concurrency limits, without
 * threads: a lane's concurrency is its number of outstanding futures, and every continuation is
 * handed to the scheduler. Lanes are served in priority order (hot, observer, primary) from one
 * shared budget; when the next call does not fit, nothing is sent until the budget frees up.
 *
 * <p>Failures: a {@link RateLimitException} pauses every lane for its retry-after (at least the
 * backoff; until the ban ends for a ban) and the call is retried; transport failures and plain
 * venue errors are retried after {@code backoff × 2^(attempt−1)} (at most 30 s), up to {@code
 * maxRetries} times. Other errors (unknown symbol, authentication …) fail the call at once.
 *
 * <p>Used on the scheduler thread only.
 */
final class RequestGate {

  /** A class of calls with its own concurrency limit; declared in priority order. */
  enum Lane {
    HOT,
    OBSERVER,
    PRIMARY
  }

  private static final long MAX_BACKOFF_MILLIS = 30_000L;

  private final Scheduler scheduler;
  private final WeightBudget budget;
  private final MetricsRecorder metrics;
  private final int maxRetries;
  private final long backoffMillis;
  private static final Lane[] LANES = Lane.values();

  private final List<ArrayDeque<Call<?>>> queues = new ArrayList<>(LANES.length);
  private final int[] inFlight = new int[LANES.length];
  private final int[] limits = new int[LANES.length];
  private volatile long pausedUntil = Long.MIN_VALUE;
  private @Nullable Cancellable wake;
  private long wakeAt = Long.MAX_VALUE;
  private boolean closed;

  RequestGate(
      Scheduler scheduler,
      WeightBudget budget,
      MetricsRecorder metrics,
      int maxRetries,
      long backoffMillis) {
    this.scheduler = scheduler;
    this.budget = budget;
    this.metrics = metrics;
    this.maxRetries = maxRetries;
    this.backoffMillis = backoffMillis;
    for (Lane lane : LANES) {
      queues.add(new ArrayDeque<>());
      limits[slot(lane)] = 1;
    }
  }

  void limit(Lane lane, int maxInFlight) {
    limits[slot(lane)] = maxInFlight;
    pump();
  }

  int limit(Lane lane) {
    return limits[slot(lane)];
  }

  int inFlight(Lane lane) {
    return inFlight[slot(lane)];
  }

  int queued(Lane lane) {
    return queues.get(slot(lane)).size();
  }

  /** Whether a rate-limit error paused sending at {@code now}; callable from any thread. */
  boolean paused(long now) {
    return now < pausedUntil;
  }

  /** Queues {@code call} costing {@code weight}; the result completes on the scheduler. */
  <T> CompletableFuture<T> submit(Lane lane, int weight, Supplier<CompletableFuture<T>> call) {
    Call<T> c = new Call<>(lane, weight, call);
    if (closed) {
      c.result.completeExceptionally(new CancellationException("scanner closed"));
      return c.result;
    }
    queues.get(slot(lane)).addLast(c);
    pump();
    return c.result;
  }

  /** Fails every queued call and sends no more. */
  void close() {
    closed = true;
    if (wake != null) {
      wake.cancel();
    }
    for (ArrayDeque<Call<?>> q : queues) {
      Call<?> c;
      while ((c = q.pollFirst()) != null) {
        c.result.completeExceptionally(new CancellationException("scanner closed"));
      }
    }
  }

  private void pump() {
    if (closed) {
      return;
    }
    long now = scheduler.currentTimeMillis();
    if (now < pausedUntil) {
      wakeAt(pausedUntil);
      return;
    }
    for (Lane lane : LANES) {
      ArrayDeque<Call<?>> q = queues.get(slot(lane));
      Call<?> next;
      while ((next = q.peekFirst()) != null && inFlight[slot(lane)] < limits[slot(lane)]) {
        if (!budget.tryAcquire(next.weight, now)) {
          wakeAt(budget.availableAt(next.weight, now));
          return;
        }
        q.pollFirst();
        start(next);
      }
    }
  }

  private void wakeAt(long time) {
    if (wake != null && !wake.isCancelled() && wakeAt <= time) {
      return;
    }
    if (wake != null) {
      wake.cancel();
    }
    wakeAt = time;
    long delay = time - scheduler.currentTimeMillis();
    wake =
        scheduler.schedule(
            () -> {
              wake = null;
              wakeAt = Long.MAX_VALUE;
              pump();
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  private <T> void start(Call<T> c) {
    inFlight[slot(c.lane)]++;
    long started = scheduler.nanoTime();
    CompletableFuture<T> f;
    try {
      f = c.call.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenCompleteAsync((v, e) -> finish(c, started, v, e), scheduler);
  }

  private <T> void finish(Call<T> c, long started, @Nullable T value, @Nullable Throwable error) {
    inFlight[slot(c.lane)]--;
    long now = scheduler.currentTimeMillis();
    metrics.call(scheduler.nanoTime() - started, error != null, now);
    if (error == null) {
      c.result.complete(value);
    } else {
      retryOrFail(c, unwrap(error), now);
    }
    pump();
  }

  private <T> void retryOrFail(Call<T> c, Throwable cause, long now) {
    if (closed || c.attempt >= maxRetries || !retryable(cause)) {
      c.result.completeExceptionally(cause);
      return;
    }
    c.attempt++;
    long backoff = Math.min(MAX_BACKOFF_MILLIS, backoffMillis << Math.min(c.attempt - 1, 20));
    if (cause instanceof RateLimitException rl) {
      metrics.rateLimited();
      long until = now + Math.max(backoffMillis, rl.retryAfter().toMillis());
      Instant banEnd = rl.bannedUntil();
      if (banEnd != null) {
        until = Math.max(until, banEnd.toEpochMilli());
      }
      pausedUntil = Math.max(pausedUntil, until);
      queues.get(slot(c.lane)).addFirst(c);
      return;
    }
    scheduler.schedule(
        () -> {
          if (closed) {
            c.result.completeExceptionally(new CancellationException("scanner closed"));
          } else {
            queues.get(slot(c.lane)).addFirst(c);
            pump();
          }
        },
        backoff,
        TimeUnit.MILLISECONDS);
  }

  private static boolean retryable(Throwable cause) {
    return cause instanceof RateLimitException
        || cause instanceof TransportException
        || cause.getClass() == ExchangeException.class;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static final class Call<T> {
    final Lane lane;
    final int weight;
    final Supplier<CompletableFuture<T>> call;
    final CompletableFuture<T> result = new CompletableFuture<>();
    int attempt;

    Call(Lane lane, int weight, Supplier<CompletableFuture<T>> call) {
      this.lane = lane;
      this.weight = weight;
      this.call = call;
    }
  }

  @SuppressWarnings("EnumOrdinal") // lanes index small arrays; their order is their priority
  private static int slot(Lane lane) {
    return lane.ordinal();
  }
}
