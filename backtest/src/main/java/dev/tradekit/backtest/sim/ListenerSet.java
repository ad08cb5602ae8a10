package dev.tradekit.backtest.sim;

import dev.tradekit.api.Subscription;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.Objects;

/**
 * Listeners of one kind, registered from any thread and called on the venue's thread. Readers take
 * the current array ({@link #snapshot()}) and loop over it by index, so a dispatch allocates
 * nothing; adding or removing copies the array.
 */
final class ListenerSet<T> {
  private static final System.Logger LOG = System.getLogger(ListenerSet.class.getName());
  private static final Object[] EMPTY = new Object[0];

  private volatile Object[] items = EMPTY;

  /** Adds a listener; closing the returned subscription removes it. */
  synchronized Subscription add(T listener) {
    Objects.requireNonNull(listener, "listener");
    Object[] next = Arrays.copyOf(items, items.length + 1);
    next[items.length] = listener;
    items = next;
    return new Sub(listener);
  }

  private synchronized boolean remove(Object listener) {
    Object[] current = items;
    for (int i = 0; i < current.length; i++) {
      if (current[i] == listener) {
        Object[] next = new Object[current.length - 1];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 1, next, i, current.length - i - 1);
        items = next;
        return true;
      }
    }
    return false;
  }

  /** The listeners now registered; loop over it with {@link #get}. */
  Object[] snapshot() {
    return items;
  }

  boolean isEmpty() {
    return items.length == 0;
  }

  @SuppressWarnings("unchecked")
  static <T> T get(Object[] snapshot, int i) {
    return (T) snapshot[i];
  }

  /** Logs a listener's exception; the subscription stays. */
  static void failed(Object listener, RuntimeException e) {
    LOG.log(Level.WARNING, "sim: listener " + listener + " threw; it stays subscribed", e);
  }

  private final class Sub implements Subscription {
    private final Object listener;
    private volatile boolean active = true;

    Sub(Object listener) {
      this.listener = listener;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public void close() {
      if (active) {
        active = false;
        remove(listener);
      }
    }
  }
}
