package dev.tradekit.adapter;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical WebSocket that stays connected: it reconnects with backoff and jitter after a drop,
 * reconnects proactively before the venue's connection age limit, treats silence as a dead
 * connection, and paces outgoing messages. Text frames are parsed on OkHttp's reader thread and
 * handed to the scheduler in order; every other method runs on the scheduler, so the handler needs
 * no locks. Messages of a socket that has since been replaced are dropped.
 *
 * <pre>{@code
 * WsConnection<Frame> ws =
 *     new WsConnection<>("bybit-public", scheduler, http, settings, Duration.ofSeconds(60), handler);
 * ws.start();
 * ws.send(() -> "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\"]}");
 * }</pre>
 *
 * @param <M> the parsed message type
 */
public final class WsConnection<M> {
  private static final Logger log = LoggerFactory.getLogger(WsConnection.class);
  private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * How a connection reconnects and paces what it sends.
   *
   * @param reconnectMin the first reconnect delay step, positive
   * @param reconnectMax the largest reconnect delay step, at least {@code reconnectMin}
   * @param maxConnectionAge the connection is replaced (at once, no backoff) after this long, below
   *     the venue's own limit
   * @param maxMessagesPerSecond outgoing messages per rolling second, positive
   * @param random the backoff's jitter source
   */
  public record Settings(
      Duration reconnectMin,
      Duration reconnectMax,
      Duration maxConnectionAge,
      int maxMessagesPerSecond,
      Random random) {
    /** Checks the values. */
    public Settings {
      Objects.requireNonNull(random, "random");
      for (Duration d : new Duration[] {reconnectMin, reconnectMax, maxConnectionAge}) {
        Objects.requireNonNull(d, "durations");
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("connection durations must be positive: " + d);
        }
      }
      if (reconnectMax.compareTo(reconnectMin) < 0) {
        throw new IllegalArgumentException(
            "reconnectMax (" + reconnectMax + ") is below reconnectMin (" + reconnectMin + ")");
      }
      if (maxMessagesPerSecond <= 0) {
        throw new IllegalArgumentException(
            "maxMessagesPerSecond must be positive: " + maxMessagesPerSecond);
      }
    }
  }

  /** What a connection reports to its owner; all methods except {@link #parse} on the scheduler. */
  public interface Handler<M> {
    /** The URL to connect to now (may need a REST call first, e.g. for a listenKey). */
    CompletableFuture<String> url();

    /** Parses a text frame on OkHttp's thread; {@code null} to drop it. */
    @Nullable M parse(String text);

    /** The socket is open. */
    void onOpen();

    /** A parsed message of the open socket, in arrival order. */
    void onMessage(M message);

    /** The socket was lost (a reconnect follows unless the connection was closed). */
    void onDown(String reason);
  }

  private final String name;
  private final Scheduler scheduler;
  private final OkHttpClient http;
  private final Handler<M> handler;
  private final Backoff backoff;
  private final long reconnectMaxMillis;
  private final Duration maxAge;
  private final Duration silence;
  private final long[] sentAt;
  private final ArrayDeque<Supplier<@Nullable String>> outbox = new ArrayDeque<>();
  private int sentIndex;

  private @Nullable WebSocket socket;
  private boolean open;
  private boolean connecting;
  private boolean closed;
  private long openedAtMillis;
  private volatile long lastMessageNanos;
  private @Nullable Cancellable reconnectTimer;
  private @Nullable Cancellable ageTimer;
  private @Nullable Cancellable silenceTimer;
  private @Nullable Cancellable flushTimer;

  /**
   * @param name for logs
   * @param scheduler runs every callback and timer
   * @param http the client that opens the sockets
   * @param settings reconnect backoff, connection age, outgoing pace and jitter
   * @param silence a connection that receives nothing this long is treated as dead ({@link
   *     Duration#ZERO} disables)
   * @param handler the owner
   */
  public WsConnection(
      String name,
      Scheduler scheduler,
      OkHttpClient http,
      Settings settings,
      Duration silence,
      Handler<M> handler) {
    this.name = name;
    this.scheduler = scheduler;
    this.http = http;
    this.handler = handler;
    this.backoff =
        new Backoff(
            settings.reconnectMin().toMillis(),
            settings.reconnectMax().toMillis(),
            settings.random());
    this.reconnectMaxMillis = settings.reconnectMax().toMillis();
    this.maxAge = settings.maxConnectionAge();
    this.silence = silence;
    this.sentAt = new long[settings.maxMessagesPerSecond()];
    java.util.Arrays.fill(sentAt, Long.MIN_VALUE);
  }

  /** Runs {@code task} on the scheduler, dropping it when the scheduler has shut down. */
  public static void handOver(Scheduler scheduler, Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("scheduler closed; a late callback was dropped");
    }
  }

  /** A short description of a failure for logs, unwrapping completion wrappers. */
  public static String describe(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e == null ? "no value" : e.toString();
  }

  /** Whether the socket is open now. */
  public boolean isOpen() {
    return open;
  }

  /** Connects unless already connected, connecting, waiting to reconnect, or closed. */
  public void start() {
    if (closed || connecting || socket != null || reconnectTimer != null) {
      return;
    }
    connecting = true;
    CompletableFuture<String> url;
    try {
      url = handler.url();
    } catch (RuntimeException e) {
      url = CompletableFuture.failedFuture(e);
    }
    var unused = url.whenComplete((u, error) -> handOver(scheduler, () -> connect(u, error)));
  }

  private void connect(@Nullable String url, @Nullable Throwable error) {
    if (closed) {
      connecting = false;
      return;
    }
    if (error != null || url == null) {
      connecting = false;
      log.warn("{}: cannot connect: {}", name, describe(error));
      scheduleReconnect();
      return;
    }
    Request request = new Request.Builder().url(url).build();
    socket = http.newWebSocket(request, new Listener());
  }

  /**
   * Queues a message built when it is sent (so pending changes can be merged); the supplier may
   * return {@code null} when there is nothing left to send. Dropped when the socket goes down.
   */
  public void send(Supplier<@Nullable String> message) {
    outbox.add(message);
    flush();
  }

  private void flush() {
    flushTimer = null;
    WebSocket ws = socket;
    while (open && ws != null && !outbox.isEmpty()) {
      long now = scheduler.nanoTime();
      long oldest = sentAt[sentIndex];
      if (oldest != Long.MIN_VALUE && now - oldest < SECOND_NANOS) {
        flushTimer =
            scheduler.schedule(this::flush, SECOND_NANOS - (now - oldest), TimeUnit.NANOSECONDS);
        return;
      }
      String text = outbox.poll().get();
      if (text != null) {
        ws.send(text);
        sentAt[sentIndex] = now;
        sentIndex = (sentIndex + 1) % sentAt.length;
      }
    }
  }

  /** Drops the current socket (if any) and connects again after {@code delayMillis}. */
  public void reconnect(String reason, long delayMillis) {
    if (closed) {
      return;
    }
    WebSocket ws = socket;
    if (ws != null) {
      ws.close(1000, null);
      lost(ws, reason);
    }
    cancel(reconnectTimer);
    reconnectTimer = scheduler.schedule(this::reconnectDue, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Closes the socket for good; idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancel(reconnectTimer);
    reconnectTimer = null;
    cancelSocketTimers();
    outbox.clear();
    WebSocket ws = socket;
    socket = null;
    open = false;
    if (ws != null) {
      ws.close(1000, null);
    }
  }

  private void reconnectDue() {
    reconnectTimer = null;
    start();
  }

  private void scheduleReconnect() {
    if (closed || reconnectTimer != null) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    log.info("{}: reconnecting in {} ms", name, delay);
    reconnectTimer = scheduler.schedule(this::reconnectDue, delay, TimeUnit.MILLISECONDS);
  }

  private void opened(WebSocket ws) {
    if (ws != socket || closed) {
      return;
    }
    open = true;
    connecting = false;
    openedAtMillis = scheduler.currentTimeMillis();
    lastMessageNanos = scheduler.nanoTime();
    ageTimer =
        scheduler.schedule(
            () -> reconnect("connection age limit", 0), maxAge.toMillis(), TimeUnit.MILLISECONDS);
    if (!silence.isZero()) {
      long period = Math.max(50, silence.toMillis() / 4);
      silenceTimer =
          scheduler.scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
    }
    log.info("{}: connected", name);
    handler.onOpen();
    flush();
  }

  private void checkSilence() {
    long quietNanos = scheduler.nanoTime() - lastMessageNanos;
    if (open && quietNanos > silence.toNanos()) {
      WebSocket ws = socket;
      if (ws != null) {
        ws.cancel();
        lost(ws, "no message for " + TimeUnit.NANOSECONDS.toMillis(quietNanos) + " ms");
      }
    }
  }

  private void lost(WebSocket ws, String reason) {
    if (ws != socket) {
      return;
    }
    boolean wasOpen = open;
    socket = null;
    open = false;
    connecting = false;
    cancelSocketTimers();
    outbox.clear();
    if (wasOpen && scheduler.currentTimeMillis() - openedAtMillis >= reconnectMaxMillis) {
      backoff.reset(); // a connection that lived a while starts the backoff over
    }
    log.info("{}: connection lost: {}", name, reason);
    handler.onDown(reason);
    scheduleReconnect();
  }

  private void cancelSocketTimers() {
    cancel(ageTimer);
    cancel(silenceTimer);
    cancel(flushTimer);
    ageTimer = null;
    silenceTimer = null;
    flushTimer = null;
  }

  private static void cancel(@Nullable Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket ws, Response response) {
      handOver(scheduler, () -> opened(ws));
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      lastMessageNanos = scheduler.nanoTime();
      M message;
      try {
        message = handler.parse(text);
      } catch (RuntimeException e) {
        log.warn("{}: unreadable message dropped: {}", name, e.toString());
        return;
      }
      if (message != null) {
        handOver(
            scheduler,
            () -> {
              if (ws == socket && open) {
                handler.onMessage(message);
              }
            });
      }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      ws.close(1000, null);
      handOver(scheduler, () -> lost(ws, "closed by the server: " + code + " " + reason));
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      handOver(scheduler, () -> lost(ws, "closed: " + code + " " + reason));
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, @Nullable Response response) {
      handOver(scheduler, () -> lost(ws, "failure: " + t));
    }
  }
}
