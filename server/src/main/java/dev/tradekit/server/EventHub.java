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
 *
 * <p>Transactions: the event row, the state change that caused it (see {@link #publish(String,
 * String, Map, long, Runnable)}) and what the {@link Tap} writes (the notification outbox) commit
 * together or not at all; subscribers only hear of committed events.
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

  /** Sees each event inside the transaction that persists it (the notification outbox). */
  @FunctionalInterface
  interface Tap {
    Tap NONE = (tx, owner, id, type, data) -> {};

    void accept(
        java.sql.Connection transaction,
        String owner,
        long eventId,
        String type,
        Map<String, ?> data)
        throws java.sql.SQLException;
  }

  private final Store store;
  private final Tap tap;
  private final int retention;
  private final int queueCapacity;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final AtomicLong appends = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  EventHub(Store store, int retention, int queueCapacity) {
    this(store, retention, queueCapacity, Tap.NONE);
  }

  EventHub(Store store, int retention, int queueCapacity, Tap tap) {
    this.store = store;
    this.tap = tap;
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

  /** Persists the event (and its notifications) and fans it out; returns its id. */
  long publish(String owner, String type, Map<String, ?> data, long at) {
    return publish(owner, type, data, at, () -> {});
  }

  /**
   * Applies {@code change} (store writes: the state change behind the event), persists the event
   * and hands it to the tap, all in one store transaction, then fans it out; returns its id.
   *
   * @throws RuntimeException whatever {@code change}, the store or the tap threw; nothing of the
   *     three was then committed and no subscriber heard of it
   */
  long publish(String owner, String type, Map<String, ?> data, long at, Runnable change) {
    long id;
    synchronized (this) {
      id =
          store.inTransaction(
              tx -> {
                change.run();
                long eventId = store.appendEvent(owner, type, Json.write(data), at);
                tap.accept(tx, owner, eventId, type, data);
                return eventId;
              });
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
