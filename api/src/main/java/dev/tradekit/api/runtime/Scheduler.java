package dev.tradekit.api.runtime;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The clock, the timers and the serial executor an engine runs on.
 *
 * <p>All tasks run one at a time on one logical thread, in order of their due time and, for equal
 * times, in order of submission; so code running on a scheduler needs no locks. Tasks must not
 * block (no I/O, no sleeping, no joining futures). An exception thrown by a task is passed to the
 * scheduler's error handler (a {@code Consumer<Throwable>} given at creation; by default it prints
 * the exception and its stack trace to {@link System#err}) and does not stop the scheduler; a
 * periodic task that throws keeps its schedule.
 *
 * <p>Engines never read the wall clock: they ask the scheduler, so the same code runs live ({@link
 * LiveScheduler}) and in virtual time ({@link VirtualScheduler}).
 *
 * <pre>{@code
 * Cancellable heartbeat =
 *     scheduler.scheduleAtFixedRate(this::refreshQuotes, 0, 250, TimeUnit.MILLISECONDS);
 * venue.onFill(fill -> scheduler.execute(() -> onFill(fill)));
 * long now = scheduler.currentTimeMillis();
 * }</pre>
 */
public interface Scheduler extends Executor {

  /** The current time in epoch milliseconds. */
  long currentTimeMillis();

  /** A monotonic time in nanoseconds with an arbitrary origin, for measuring elapsed time only. */
  long nanoTime();

  /** The current time as an {@link Instant}: {@code Instant.ofEpochMilli(currentTimeMillis())}. */
  default Instant now() {
    return Instant.ofEpochMilli(currentTimeMillis());
  }

  /**
   * Runs {@code task} once after {@code delay} (a negative delay counts as zero).
   *
   * @return a handle that cancels the task if it has not started yet
   */
  Cancellable schedule(Runnable task, long delay, TimeUnit unit);

  /**
   * Runs {@code task} first after {@code initialDelay}, then every {@code period} after that first
   * due time (fixed rate, not fixed delay), until cancelled.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  Cancellable scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit);

  /**
   * Runs {@code task} as soon as possible, serially with every other task, on the scheduler's one
   * logical thread. This is how callbacks from other threads hand work to an engine.
   */
  @Override
  void execute(Runnable task);

  /**
   * Whether the calling thread may run a task itself instead of handing it to {@link #execute}:
   * true only on the scheduler's own thread, outside any task, with nothing due at or before the
   * current time, so that an executed task would be the next to run, at the current time. A caller
   * that runs work in place must pass what it throws to the scheduler (for instance by {@code
   * execute}-ing a task that rethrows it). The default is false: always hand over.
   *
   * <pre>{@code
   * if (scheduler.canRunInline()) {
   *   onBar(bar);
   * } else {
   *   scheduler.execute(() -> onBar(bar));
   * }
   * }</pre>
   */
  default boolean canRunInline() {
    return false;
  }
}
