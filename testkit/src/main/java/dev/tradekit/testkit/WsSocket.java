package dev.tradekit.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/**
 * One server-side WebSocket of a {@link FakeBinance}: a market connection (with its streams) or a
 * user-stream one. Public only because Jetty calls its listener methods reflectively; it has no
 * public constructor and is not meant to be used directly.
 *
 * <pre>{@code
 * fake.faults().dropWebSockets(); // disconnects every WsSocket of the server
 * }</pre>
 */
public final class WsSocket implements Session.Listener.AutoDemanding {
  final Set<String> streams = ConcurrentHashMap.newKeySet();

  /** True for {@code /ws/<stream>}: frames are sent without the combined-stream wrapper. */
  final boolean raw;

  /** The listenKey of a user-stream socket, or null for a market socket. */
  final @Nullable String listenKey;

  /** The streams this socket carries now, e.g. {@code btcusdt@kline_1m}. */
  public Set<String> streams() {
    return Set.copyOf(streams);
  }

  private final BiConsumer<WsSocket, String> onText;
  private final java.util.function.Consumer<WsSocket> onClose;
  private volatile @Nullable Session session;

  WsSocket(
      boolean raw,
      @Nullable String listenKey,
      BiConsumer<WsSocket, String> onText,
      java.util.function.Consumer<WsSocket> onClose) {
    this.raw = raw;
    this.listenKey = listenKey;
    this.onText = onText;
    this.onClose = onClose;
  }

  private final java.util.List<String> early = new java.util.ArrayList<>();

  @Override
  public void onWebSocketOpen(Session s) {
    synchronized (early) {
      this.session = s;
      early.forEach(t -> s.sendText(t, Callback.NOOP));
      early.clear();
    }
  }

  @Override
  public void onWebSocketText(String message) {
    onText.accept(this, message);
  }

  @Override
  public void onWebSocketClose(int statusCode, @Nullable String reason) {
    onClose.accept(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    onClose.accept(this);
  }

  /** Sends a text frame; frames sent before the socket is open go out when it opens. */
  void send(String text) {
    Session s = session;
    if (s == null) {
      synchronized (early) {
        if (session == null) {
          early.add(text);
          return;
        }
        s = session;
      }
    }
    if (s != null && s.isOpen()) {
      s.sendText(text, Callback.NOOP);
    }
  }

  /** Closes with a close frame. */
  void close(int code, String reason) {
    Session s = session;
    if (s != null) {
      s.close(code, reason, Callback.NOOP);
    }
  }

  /** Drops the connection without a close frame. */
  void disconnect() {
    Session s = session;
    if (s != null) {
      s.disconnect();
    }
  }
}
