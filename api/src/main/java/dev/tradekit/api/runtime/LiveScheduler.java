package dev.tradekit.api.runtime;

import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scheduler} on the system clock and one daemon thread of a scheduled executor.
 *
 * <p>Tasks submitted after {@link #close()} are rejected with {@link
 * java.util.concurrent.RejectedExecutionException}; delayed and periodic tasks still pending at
 * close are dropped.
 *
 * <pre>{@code
 * try (LiveScheduler scheduler = LiveScheduler.create("mm-BTCUSDT")) {
 *   scheduler.scheduleAtFixedRate(quoter::refresh, 0, 250, TimeUnit.MILLISECONDS);
 *   venue.onFill(fill -> scheduler.execute(() -> quoter.onFill(fill)));
 *   awaitShutdownSignal();
 * }
 * }</pre>
 */
public final class LiveScheduler implements Scheduler, AutoCloseable {
  private static final long CLOSE_WAIT_MILLIS = 1_000;

  private final ScheduledThreadPoolExecutor executor;
  private final Consumer<Throwable> errorHandler;
  private volatile @Nullable Thread thread;

  private LiveScheduler(String threadName, Consumer<Throwable> errorHandler) {
    this.errorHandler = errorHandler;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread t = new Thread(runnable, threadName);
              t.setDaemon(true);
              thread = t;
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  /**
   * A scheduler whose daemon thread is named {@code threadName}; task exceptions are printed to
   * {@link System#err} with their stack traces.
   */
  public static LiveScheduler create(String threadName) {
    return create(threadName, TaskErrors.PRINT_TO_STDERR);
  }

  /**
   * A scheduler whose daemon thread is named {@code threadName}; task exceptions go to {@code
   * errorHandler}, which is called on the scheduler thread.
   */
  public static LiveScheduler create(String threadName, Consumer<Throwable> errorHandler) {
    Objects.requireNonNull(threadName, "threadName");
    Objects.requireNonNull(errorHandler, "errorHandler");
    if (threadName.isBlank()) {
      throw new IllegalArgumentException("threadName must not be blank");
    }
    return new LiveScheduler(threadName, errorHandler);
  }

  /** Whether the calling thread is this scheduler's thread. */
  public boolean inSchedulerThread() {
    return Thread.currentThread() == thread;
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
    Runnable guarded = guard(task);
    Objects.requireNonNull(unit, "unit");
    return new FutureHandle(executor.schedule(guarded, delay, unit));
  }

  @Override
  public Cancellable scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    Runnable guarded = guard(task);
    Objects.requireNonNull(unit, "unit");
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return new FutureHandle(executor.scheduleAtFixedRate(guarded, initialDelay, period, unit));
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(guard(task));
  }

  private Runnable guard(Runnable task) {
    Objects.requireNonNull(task, "task");
    return () -> TaskErrors.runGuarded(task, errorHandler);
  }

  /**
   * Stops accepting tasks, drops pending delayed tasks and waits up to one second for the running
   * task to finish (not at all when called from the scheduler thread itself); a task still running
   * after that is interrupted.
   */
  @Override
  public void close() {
    executor.shutdown();
    if (inSchedulerThread()) {
      return;
    }
    try {
      if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Whether {@link #close()} has been called. */
  public boolean isClosed() {
    return executor.isShutdown();
  }

  private static final class FutureHandle implements Cancellable {
    private final ScheduledFuture<?> future;

    FutureHandle(ScheduledFuture<?> future) {
      this.future = future;
    }

    @Override
    public boolean cancel() {
      return future.cancel(false);
    }

    @Override
    public boolean isCancelled() {
      return future.isCancelled();
    }
  }
}
