package dev.tradekit.binance;

import dev.tradekit.adapter.WsConnection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One combined-stream connection ({@code <base><path>?streams=a/b/c}) carrying up to {@code
 * maxStreamsPerConnection} streams. Streams added or removed while it is open are sent as {@code
 * SUBSCRIBE} / {@code UNSUBSCRIBE} messages, merged while they wait for the pace of {@link
 * WsConnection}. A reconnect puts the current streams in the URL again, so nothing is lost. Runs on
 * the scheduler only.
 */
final class MarketConnection implements WsConnection.Handler<String> {
  /** Streams named in the URL; the rest follow as SUBSCRIBE messages (keeps URLs short). */
  static final int URL_STREAMS = 100;

  /** Params per SUBSCRIBE / UNSUBSCRIBE message. */
  static final int PARAMS_PER_MESSAGE = 100;

  /** What the owner hears about this connection. */
  interface Owner {
    /** A frame as received; it is read by the owner (the hot kinds without allocating). */
    void onFrame(String text);

    void onDown(MarketConnection connection, String reason);
  }

  private final String baseUrl;
  private final String path;
  private final Owner owner;
  private final Set<String> streams = new LinkedHashSet<>();
  private final Set<String> serverStreams = new LinkedHashSet<>();
  private final Set<String> pendingSubscribe = new LinkedHashSet<>();
  private final Set<String> pendingUnsubscribe = new LinkedHashSet<>();
  private List<String> urlStreams = List.of();
  private @Nullable WsConnection<String> connection;
  private boolean sendQueued;
  private int nextId = 1;

  MarketConnection(String baseUrl, String path, Owner owner) {
    this.baseUrl = baseUrl;
    this.path = path;
    this.owner = owner;
  }

  /** Binds the socket; called once right after construction. */
  void bind(WsConnection<String> connection) {
    this.connection = connection;
  }

  String path() {
    return path;
  }

  int size() {
    return streams.size();
  }

  boolean contains(String stream) {
    return streams.contains(stream);
  }

  /** Adds a stream: in the next URL, or subscribed live when the socket is open. */
  void add(String stream) {
    if (!streams.add(stream)) {
      return;
    }
    WsConnection<String> c = connection;
    if (c == null) {
      return;
    }
    if (c.isOpen()) {
      if (!pendingUnsubscribe.remove(stream)) {
        pendingSubscribe.add(stream);
      }
      queueSend();
    } else {
      c.start();
    }
  }

  /** Removes a stream: unsubscribed live when the socket is open. */
  void remove(String stream) {
    if (!streams.remove(stream)) {
      return;
    }
    WsConnection<String> c = connection;
    if (c != null && c.isOpen()) {
      if (!pendingSubscribe.remove(stream)) {
        pendingUnsubscribe.add(stream);
      }
      queueSend();
    }
  }

  void close() {
    WsConnection<String> c = connection;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public CompletableFuture<String> url() {
    List<String> first = new ArrayList<>();
    Iterator<String> it = streams.iterator();
    while (it.hasNext() && first.size() < URL_STREAMS) {
      first.add(it.next());
    }
    urlStreams = first;
    return CompletableFuture.completedFuture(
        baseUrl + path + "?streams=" + String.join("/", first));
  }

  @Override
  public @Nullable String parse(String text) {
    // Read on the scheduler by the owner: the depth path reads into buffers owned by that thread.
    return text.isEmpty() ? null : text;
  }

  @Override
  public void onOpen() {
    serverStreams.clear();
    serverStreams.addAll(urlStreams);
    pendingSubscribe.clear();
    pendingUnsubscribe.clear();
    for (String s : streams) {
      if (!serverStreams.contains(s)) {
        pendingSubscribe.add(s);
      }
    }
    for (String s : serverStreams) {
      if (!streams.contains(s)) {
        pendingUnsubscribe.add(s);
      }
    }
    sendQueued = false;
    if (!pendingSubscribe.isEmpty() || !pendingUnsubscribe.isEmpty()) {
      queueSend();
    }
  }

  @Override
  public void onMessage(String message) {
    owner.onFrame(message);
  }

  @Override
  public void onDown(String reason) {
    sendQueued = false;
    owner.onDown(this, reason);
  }

  private void queueSend() {
    WsConnection<String> c = connection;
    if (sendQueued || c == null) {
      return;
    }
    sendQueued = true;
    c.send(this::nextMessage);
  }

  /** Builds one merged message from what is pending (unsubscribes first), or null if nothing. */
  private @Nullable String nextMessage() {
    sendQueued = false;
    String text = null;
    if (!pendingUnsubscribe.isEmpty()) {
      text = message("UNSUBSCRIBE", take(pendingUnsubscribe, serverStreams::remove));
    } else if (!pendingSubscribe.isEmpty()) {
      text = message("SUBSCRIBE", take(pendingSubscribe, serverStreams::add));
    }
    if (!pendingSubscribe.isEmpty() || !pendingUnsubscribe.isEmpty()) {
      queueSend();
    }
    return text;
  }

  private static List<String> take(Set<String> pending, Consumer<String> onTaken) {
    List<String> taken = new ArrayList<>();
    Iterator<String> it = pending.iterator();
    while (it.hasNext() && taken.size() < PARAMS_PER_MESSAGE) {
      String s = it.next();
      it.remove();
      taken.add(s);
      onTaken.accept(s);
    }
    return taken;
  }

  private String message(String method, List<String> params) {
    StringBuilder sb = new StringBuilder(32 + params.size() * 24);
    sb.append("{\"method\":\"").append(method).append("\",\"params\":[");
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(params.get(i)).append('"');
    }
    return sb.append("],\"id\":").append(nextId++).append('}').toString();
  }
}
