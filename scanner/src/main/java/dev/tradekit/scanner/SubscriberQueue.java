package dev.tradekit.scanner;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber's bounded queue: messages wait for their due time (publish time plus the tier's
 * delay) and, with a rate limit of {@code n} per second, for a free slot in a sliding one-second
 * window that holds at most {@code n} deliveries. A full queue drops its oldest message. Queue and
 * delivery run on the scheduler; {@link #close()} may come from any thread.
 */
final class SubscriberQueue implements FeedSubscription {
  private static final long SECOND = 1_000L;

  private final FeedTier tier;
  private final FeedSubscriber subscriber;
  private final Scheduler scheduler;
  private final int capacity;
  private final long delayMillis;
  private final long busyRetryMillis;
  private final long[] recent; // delivery times, a ring of the last n (empty when unlimited)
  private int recentHead;
  private int recentCount;
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile int size;
  private volatile boolean active = true;
  private @Nullable Cancellable drain;
  private long drainAt = Long.MAX_VALUE;

  private record Message(long due, String json) {}

  SubscriberQueue(
      FeedTier tier,
      FeedSubscriber subscriber,
      Scheduler scheduler,
      int capacity,
      long delayMillis,
      int perSecond,
      long busyRetryMillis) {
    this.tier = tier;
    this.subscriber = subscriber;
    this.scheduler = scheduler;
    this.capacity = capacity;
    this.delayMillis = delayMillis;
    this.busyRetryMillis = busyRetryMillis;
    this.recent = new long[Math.max(0, perSecond)];
  }

  /** Queues {@code json} published at {@code now}; on the scheduler thread. */
  void offer(String json, long now) {
    if (!active) {
      return;
    }
    if (queue.size() == capacity) {
      queue.pollFirst();
      dropped.incrementAndGet();
    }
    queue.addLast(new Message(now + delayMillis, json));
    size = queue.size();
    Message head = queue.peekFirst();
    if (head != null) {
      drainAt(Math.max(head.due, now));
    }
  }

  private void drain() {
    drain = null;
    drainAt = Long.MAX_VALUE;
    long now = scheduler.currentTimeMillis();
    Message m;
    while (active && (m = queue.peekFirst()) != null) {
      if (m.due > now) {
        drainAt(m.due);
        return;
      }
      long slot = nextSlot(now);
      if (slot > now) {
        drainAt(slot);
        return;
      }
      boolean taken;
      boolean failed = false;
      try {
        taken = subscriber.offer(m.json);
      } catch (RuntimeException e) {
        taken = true;
        failed = true;
      }
      if (!taken) {
        drainAt(now + busyRetryMillis);
        return;
      }
      queue.pollFirst();
      size = queue.size();
      (failed ? dropped : delivered).incrementAndGet();
      record(now);
    }
    if (!active) {
      queue.clear();
      size = 0;
    }
  }

  /** When the rate limit allows the next delivery: now, or one second after the n-th latest. */
  private long nextSlot(long now) {
    if (recent.length == 0 || recentCount < recent.length) {
      return now;
    }
    return Math.max(now, recent[recentHead] + SECOND);
  }

  private void record(long now) {
    if (recent.length == 0) {
      return;
    }
    if (recentCount < recent.length) {
      recent[(recentHead + recentCount) % recent.length] = now;
      recentCount++;
    } else {
      recent[recentHead] = now;
      recentHead = (recentHead + 1) % recent.length;
    }
  }

  private void drainAt(long time) {
    if (drain != null && drainAt <= time) {
      return;
    }
    if (drain != null) {
      drain.cancel();
    }
    drainAt = time;
    drain =
        scheduler.schedule(
            this::drain, time - scheduler.currentTimeMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public FeedTier tier() {
    return tier;
  }

  @Override
  public long delivered() {
    return delivered.get();
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public int queued() {
    return size;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void close() {
    if (active) {
      active = false;
      scheduler.execute(
          () -> {
            queue.clear();
            size = 0;
            if (drain != null) {
              drain.cancel();
              drain = null;
            }
          });
    }
  }
}
