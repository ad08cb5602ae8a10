package dev.tradekit.api.runtime;

/**
 * A handle to a scheduled task that can be cancelled before it runs (or, for a periodic task,
 * before its next run).
 *
 * <pre>{@code
 * Cancellable timeout = scheduler.schedule(this::onTimeout, 5, TimeUnit.SECONDS);
 * // reply arrived in time
 * timeout.cancel();
 * }</pre>
 */
public interface Cancellable {

  /**
   * Cancels the task so that it does not run again; a run already in progress completes.
   *
   * @return {@code true} if this call cancelled it, {@code false} if it was already cancelled or
   *     (for a one-shot task) has already run
   */
  boolean cancel();

  /** Whether {@link #cancel()} has succeeded on this task. */
  boolean isCancelled();
}
