package dev.tradekit.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.jspecify.annotations.Nullable;

/** One server-side WebSocket: a market connection (with its streams) or a user-stream one. */
final class WsSocket implements Session.Listener.AutoDemanding {
  final Set<String> streams = ConcurrentHashMap.newKeySet();

  /** True for {@code /ws/<stream>}: frames are sent without the combined-stream wrapper. */
  final boolean raw;

  /** The listenKey of a user-stream socket, or null for a market socket. */
  final @Nullable String listenKey;

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

  @Override
  public void onWebSocketOpen(Session s) {
    this.session = s;
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

  void send(String text) {
    Session s = session;
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
