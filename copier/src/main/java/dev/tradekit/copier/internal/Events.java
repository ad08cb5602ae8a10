package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Fill;
import dev.tradekit.copier.CopierListener;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the listener what happened and keeps the follower counters; a listener that throws is
 * logged and ignored.
 *
 * <pre>{@code
 * events.finished(follower, done);   // counts copied / skipped / failed and calls the listener
 * }</pre>
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private final CopierListener listener;

  /** Events to {@code listener}. */
  public Events(CopierListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  void fillDetected(Fill fill, CopyAction action) {
    guard(() -> listener.fillDetected(fill, action));
  }

  void sent(CopyRecord r) {
    guard(() -> listener.copySent(r));
  }

  /** Counts a final copy and tells the listener (merged copies are neither counted nor told). */
  void finished(Follower f, CopyRecord r) {
    String reason = r.reason() == null ? "" : r.reason();
    switch (r.status()) {
      case COPIED -> {
        f.copied.incrementAndGet();
        f.latency.record(r.latencyMillis());
        guard(() -> listener.copied(r));
      }
      case SKIPPED -> {
        f.skipped.incrementAndGet();
        guard(() -> listener.skipped(r, reason));
      }
      case FAILED -> {
        f.failed.incrementAndGet();
        LOG.warn("copy {} to {} failed: {}", r.clientOrderId(), r.follower(), reason);
        guard(() -> listener.failed(r, reason));
      }
      case MERGED, PENDING, INTENDED -> {
        // not an outcome of its own
      }
    }
  }

  void paused(String follower, String reason) {
    LOG.warn("follower {} paused: {}", follower, reason);
    guard(() -> listener.followerPaused(follower, reason));
  }

  void resumed(String follower) {
    guard(() -> listener.followerResumed(follower));
  }

  void error(String message, Throwable cause) {
    LOG.error("copier: {}", message, cause);
    guard(() -> listener.error(message, cause));
  }

  private static void guard(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("copier listener threw; ignored", e);
    }
  }
}
