package dev.tradekit.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Live events: each is persisted first (so a reconnecting client replays what it missed), then
 * offered to the subscribers allowed to see it. A subscriber has a bounded queue; one that falls
 * {@code queueCapacity} events behind is dropped (its stream closed), never buffered without bound.
 * The log keeps the newest {@code retention} events.
 */
final class EventHub implements AutoCloseable {
  /** Pruning runs once every this many appends. */
  private static final int PRUNE_EVERY = 100;

  final class Subscriber {
    final @Nullable String owner;
    final BlockingQueue<Store.Event> queue;
    volatile boolean dropped;
    volatile @Nullable Runnable onDrop;

    Subscriber(@Nullable String owner) {
      this.owner = owner;
      this.queue = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** The next event, or null after {@code millis} with none. */
    Store.@Nullable Event poll(long millis) throws InterruptedException {
      return queue.poll(millis, TimeUnit.MILLISECONDS);
    }

    void drop() {
      dropped = true;
      Runnable r = onDrop;
      if (r != null) {
        r.run();
      }
    }
  }

  private final Store store;
  private final int retention;
  private final int queueCapacity;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  EventHub(Store store, int retention, int queueCapacity) {
    this.store = store;
    this.retention = retention;
    this.queueCapacity = queueCapacity;
  }

  int retention() {
    return retention;
  }

  long droppedSubscribers() {
    return dropped.get();
  }

  int subscriberCount() {
    return subscribers.size();
  }

  /** Persists the event and fans it out; returns its id. */
  long publish(String owner, String type, Map<String, ?> data, long at) {
    long id;
    synchronized (this) {
      id = store.appendEvent(owner, type, Json.write(data), at);
      if (appends.incrementAndGet() % PRUNE_EVERY == 0) {
        store.pruneEvents(retention);
      }
    }
    Store.Event e = new Store.Event(id, owner, type, Json.write(data), at);
    for (Subscriber s : List.copyOf(subscribers)) {
      if (s.owner == null || s.owner.equals(owner)) {
        if (!s.queue.offer(e)) {
          subscribers.remove(s);
          dropped.incrementAndGet();
          s.drop();
        }
      }
    }
    return id;
  }

  /** Registers a subscriber; {@code owner == null} sees every owner's events (admins). */
  Subscriber subscribe(@Nullable String owner) {
    Subscriber s = new Subscriber(owner);
    subscribers.add(s);
    if (closed) {
      subscribers.remove(s);
      s.dropped = true;
    }
    return s;
  }

  void unsubscribe(Subscriber s) {
    subscribers.remove(s);
  }

  List<Store.Event> replay(@Nullable String owner, long afterId) {
    return store.eventsAfter(owner, afterId, retention);
  }

  @Override
  public void close() {
    closed = true;
    for (Subscriber s : List.copyOf(subscribers)) {
      subscribers.remove(s);
      s.drop();
    }
  }
}
