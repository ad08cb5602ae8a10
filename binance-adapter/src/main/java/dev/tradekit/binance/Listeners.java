package dev.tradekit.binance;

import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one stream, each behind its own {@link Subscription}. Used on the scheduler
 * only; a listener that throws is logged and stays subscribed.
 *
 * @param <L> the listener type
 */
final class Listeners<L> {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final String what;
  private final List<Handle<L>> handles = new ArrayList<>();

  Listeners(String what) {
    this.what = what;
  }

  /** Adds an entry; the handle's subscription must already be registered by the caller. */
  void add(Handle<L> handle) {
    handles.add(handle);
  }

  /** Removes an entry; returns whether none are left. */
  boolean remove(Handle<L> handle) {
    handles.remove(handle);
    return handles.isEmpty();
  }

  boolean isEmpty() {
    return handles.isEmpty();
  }

  /** Calls {@code call} for every active listener, in subscription order. */
  void forEach(Consumer<L> call) {
    for (int i = 0; i < handles.size(); i++) {
      Handle<L> h = handles.get(i);
      if (h.isActive()) {
        h.deliver(call, what);
      }
    }
  }

  /**
   * One listener and its subscription. Closing it stops delivery at once and runs the clean-up on
   * the scheduler.
   */
  static final class Handle<L> implements Subscription {
    private final L listener;
    private final dev.tradekit.api.runtime.Scheduler executor;
    private final Consumer<Handle<L>> onClose;
    private volatile boolean active = true;

    Handle(L listener, dev.tradekit.api.runtime.Scheduler executor, Consumer<Handle<L>> onClose) {
      this.listener = listener;
      this.executor = executor;
      this.onClose = onClose;
    }

    L listener() {
      return listener;
    }

    void deliver(Consumer<L> call, String what) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        log.error("{} listener failed; it stays subscribed", what, e);
      }
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public void close() {
      if (active) {
        active = false;
        WsConnection.handOver(executor, () -> onClose.accept(this));
      }
    }
  }
}
