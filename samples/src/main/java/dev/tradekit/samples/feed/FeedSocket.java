package dev.tradekit.samples.feed;

import dev.tradekit.scanner.FeedSubscriber;
import dev.tradekit.scanner.FeedSubscription;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * One client's WebSocket: a feed subscriber that sends each message as a text frame. Until the
 * socket is open, or while too many frames are in flight, it declines messages, which the feed then
 * keeps queued (the oldest dropped when the client's queue is full). Public only because Jetty
 * calls its listener methods reflectively.
 *
 * <pre>{@code
 * // created by ScannerFeedServer for each accepted handshake
 * }</pre>
 */
public final class FeedSocket implements Session.Listener.AutoDemanding, FeedSubscriber {
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile @Nullable Session session;
  private volatile @Nullable FeedSubscription subscription;

  FeedSocket(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  void attach(FeedSubscription s) {
    this.subscription = s;
  }

  @Override
  public boolean offer(String json) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      return false;
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      return false;
    }
    s.sendText(
        json, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
    return true;
  }

  @Override
  public void onWebSocketOpen(Session s) {
    this.session = s;
  }

  @Override
  public void onWebSocketClose(int statusCode, @Nullable String reason) {
    end();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    end();
  }

  private void end() {
    session = null;
    FeedSubscription s = subscription;
    if (s != null) {
      s.close();
    }
  }
}
