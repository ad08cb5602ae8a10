package dev.tradekit.bybit;

import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private WebSocket: authenticates with the {@code auth} op, subscribes {@code order}, {@code
 * execution}, {@code position} and {@code wallet}, pings every {@link BybitStreamSettings#ping()},
 * and after every reconnect authenticates and subscribes again, then recovers the fills missed
 * while it was down from {@code /v5/execution/list} (from the last fill time minus {@link
 * #RECOVERY_OVERLAP_MS}, paged by cursor). Each fill is delivered exactly once whether it arrives
 * on the stream, in the recovery, or in both: the last {@link #DEDUPE_CAPACITY} {@code execId}s are
 * remembered. Only {@code execType=Trade} executions are fills (funding, ADL and settlement rows
 * are not). Listener methods run on the scheduler, in arrival order.
 */
final class BybitPrivateStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BybitPrivateStream.class);
  static final List<String> TOPICS = List.of("order", "execution", "position", "wallet");
  static final long AUTH_EXPIRY_MS = 10_000;

  /** The topic that makes the venue's disconnect-cancel-all watch this connection. */
  static final String DCP_TOPIC = "dcp.future";

  private static final String DCP_REQ = "dcp";
  static final long RECOVERY_OVERLAP_MS = 5_000;
  static final int DEDUPE_CAPACITY = 10_000;

  /** What the stream delivers; default no-ops. Called on the scheduler. */
  interface Listener {
    default void onOrder(Order order) {}

    default void onFill(Fill fill) {}

    default void onPosition(Position position) {}

    default void onWallet(BybitWire.WalletDto wallet) {}

    /**
     * Authenticated and subscribed ({@code true}; after a reconnect only once the fills missed
     * while down have been delivered), or the connection went down.
     */
    default void onLive(boolean live) {}

    /** The venue refused the {@code auth} op; the stream keeps retrying with backoff. */
    default void onAuthFailed(String reason) {}

    Listener NONE = new Listener() {};
  }

  private final Scheduler scheduler;
  private final BybitStreamSettings settings;
  private final BybitSigner signer;
  private final String apiKey;
  private final LongSupplier venueNow;
  private final BybitRest rest;
  private final Listener listener;
  private final ToIntFunction<BybitWire.ExecutionDto> positionIdx;
  private final BybitJson json = new BybitJson();
  private final WsConnection<BybitPublicStream.Frame> connection;
  private final Map<String, Boolean> delivered =
      new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > DEDUPE_CAPACITY;
        }
      };
  private @Nullable Cancellable pinger;
  private long lastFillTime;
  private boolean everLive;
  private boolean authenticated;
  private boolean dcp;

  /**
   * @param url e.g. {@code wss://stream.bybit.com/v5/private}
   * @param apiKey the key the signer signs for
   * @param venueNow the venue's time (server clock), for {@code expires}
   * @param rest the REST caller the recovery reads executions with
   */
  BybitPrivateStream(
      String url,
      Scheduler scheduler,
      OkHttpClient http,
      BybitStreamSettings settings,
      BybitSigner signer,
      String apiKey,
      LongSupplier venueNow,
      BybitRest rest,
      Listener listener) {
    this(url, scheduler, http, settings, signer, apiKey, venueNow, rest, listener, e -> 0);
  }

  /**
   * @param positionIdx the position index of an execution's order (executions carry none)
   */
  BybitPrivateStream(
      String url,
      Scheduler scheduler,
      OkHttpClient http,
      BybitStreamSettings settings,
      BybitSigner signer,
      String apiKey,
      LongSupplier venueNow,
      BybitRest rest,
      Listener listener,
      ToIntFunction<BybitWire.ExecutionDto> positionIdx) {
    this.positionIdx = Objects.requireNonNull(positionIdx, "positionIdx");
    Objects.requireNonNull(url, "url");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.venueNow = Objects.requireNonNull(venueNow, "venueNow");
    this.rest = Objects.requireNonNull(rest, "rest");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.connection =
        new WsConnection<>(
            "bybit-private",
            scheduler,
            http,
            settings.connection(),
            settings.silence(),
            new WsConnection.Handler<>() {
              @Override
              public CompletableFuture<String> url() {
                return CompletableFuture.completedFuture(url);
              }

              @Override
              public BybitPublicStream.Frame parse(String text) {
                return new BybitPublicStream.Frame(json.parse(BybitWire.Head.class, text), text);
              }

              @Override
              public void onOpen() {
                authenticate();
              }

              @Override
              public void onMessage(BybitPublicStream.Frame message) {
                route(message);
              }

              @Override
              public void onDown(String reason) {
                authenticated = false;
                cancelPinger();
                listener.onLive(false);
              }
            });
  }

  /** Connects. */
  void start() {
    WsConnection.handOver(scheduler, connection::start);
  }

  /**
   * Whether this connection subscribes {@value #DCP_TOPIC}, which arms the venue's
   * disconnect-cancel-all: with it on, the account's orders are cancelled once every such
   * connection has been down for the account's DCP window. Kept across reconnects.
   */
  void watchDcp(boolean on) {
    WsConnection.handOver(
        scheduler,
        () -> {
          if (dcp == on) {
            return;
          }
          dcp = on;
          if (authenticated) {
            String op = on ? "subscribe" : "unsubscribe";
            connection.send(
                () ->
                    "{\"op\":\""
                        + op
                        + "\",\"req_id\":\""
                        + DCP_REQ
                        + "\",\"args\":[\""
                        + DCP_TOPIC
                        + "\"]}");
          }
        });
  }

  /** Drops the socket as if the network failed (the stream reconnects). For tests and ops. */
  void dropConnection(String reason) {
    WsConnection.handOver(scheduler, () -> connection.reconnect(reason, 0));
  }

  @Override
  public void close() {
    WsConnection.handOver(
        scheduler,
        () -> {
          cancelPinger();
          connection.close();
        });
  }

  private void authenticate() {
    long expires = venueNow.getAsLong() + AUTH_EXPIRY_MS;
    String signature = signer.wsAuthSignature(expires);
    connection.send(
        () ->
            "{\"op\":\"auth\",\"args\":[\""
                + apiKey
                + "\","
                + expires
                + ",\""
                + signature
                + "\"]}");
    cancelPinger();
    long period = settings.ping().toMillis();
    pinger =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (connection.isOpen()) {
                connection.send(() -> "{\"op\":\"ping\"}");
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  private void cancelPinger() {
    Cancellable p = pinger;
    pinger = null;
    if (p != null) {
      p.cancel();
    }
  }

  private void route(BybitPublicStream.Frame frame) {
    String topic = frame.head().topic;
    if (topic == null) {
      onReply(json.parse(BybitWire.OpReply.class, frame.text()));
      return;
    }
    switch (topic) {
      case "order" -> {
        for (BybitWire.OrderDto o : json.parse(BybitWire.OrderFrame.class, frame.text()).data) {
          if ("linear".equals(o.category) || o.category.isEmpty()) {
            listener.onOrder(BybitMapper.order(o));
          }
        }
      }
      case "execution" -> deliver(json.parse(BybitWire.ExecutionFrame.class, frame.text()).data);
      case "position" -> {
        for (BybitWire.PositionDto p :
            json.parse(BybitWire.PositionFrame.class, frame.text()).data) {
          listener.onPosition(BybitMapper.position(p));
        }
      }
      case "wallet" -> {
        for (BybitWire.WalletDto w : json.parse(BybitWire.WalletFrame.class, frame.text()).data) {
          listener.onWallet(w);
        }
      }
      default -> log.debug("bybit-private: ignored topic {}", topic);
    }
  }

  private void onReply(BybitWire.OpReply reply) {
    if ("auth".equals(reply.op)) {
      if (!reply.success) {
        String reason = BybitErrorCodes.redact(reply.message());
        log.warn("bybit-private: auth refused (retCode {}): {}", reply.retCode, reason);
        listener.onAuthFailed(reason);
        connection.reconnect("auth refused", settings.reconnectMax().toMillis());
        return;
      }
      authenticated = true;
      StringBuilder sb = new StringBuilder("{\"op\":\"subscribe\",\"args\":[");
      for (int i = 0; i < TOPICS.size(); i++) {
        sb.append(i == 0 ? "\"" : ",\"").append(TOPICS.get(i)).append('"');
      }
      if (dcp) {
        sb.append(",\"").append(DCP_TOPIC).append('"');
      }
      String subscribe = sb.append("]}").toString();
      connection.send(() -> subscribe);
      return;
    }
    if (DCP_REQ.equals(reply.reqId)) {
      if (!reply.success) {
        log.warn("bybit-private: {} refused: {}", DCP_TOPIC, reply.message());
      }
      return;
    }
    if ("subscribe".equals(reply.op)) {
      if (!reply.success) {
        log.warn("bybit-private: subscribe refused: {}", reply.message());
        return;
      }
      if (everLive) {
        recover();
      } else {
        listener.onLive(true);
      }
      everLive = true;
    }
  }

  private void deliver(List<BybitWire.ExecutionDto> executions) {
    for (BybitWire.ExecutionDto e : executions) {
      if (!"Trade".equals(e.execType) || e.execId.isEmpty()) {
        continue;
      }
      if (!("linear".equals(e.category) || e.category.isEmpty())) {
        continue;
      }
      if (delivered.putIfAbsent(e.execId, Boolean.TRUE) != null) {
        continue;
      }
      lastFillTime = Math.max(lastFillTime, e.execTime);
      listener.onFill(BybitMapper.fill(e, positionIdx.applyAsInt(e)));
    }
  }

  private void recover() {
    long since = lastFillTime == 0 ? 0 : lastFillTime - RECOVERY_OVERLAP_MS;
    if (since <= 0) {
      listener.onLive(true);
      return;
    }
    page(since, null, new ArrayList<>());
  }

  private void page(long since, @Nullable String cursor, List<BybitWire.ExecutionDto> acc) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", "linear");
    q.put("startTime", Long.toString(since));
    q.put("limit", "100");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    var unused =
        rest.getPrivate("/v5/execution/list", q)
            .whenComplete(
                (body, error) ->
                    WsConnection.handOver(
                        scheduler,
                        () -> {
                          if (error != null || body == null) {
                            log.warn(
                                "bybit-private: fill recovery failed: {}",
                                WsConnection.describe(error));
                            listener.onLive(true);
                            return;
                          }
                          BybitWire.ExecutionPage p =
                              json.parse(BybitWire.ExecutionsReply.class, body).result;
                          acc.addAll(p.list);
                          String next = p.nextPageCursor;
                          if (next != null && !next.isEmpty() && !p.list.isEmpty()) {
                            page(since, next, acc);
                            return;
                          }
                          // The venue lists newest first; deliver oldest first.
                          acc.sort(
                              (a, b) ->
                                  a.execTime != b.execTime
                                      ? Long.compare(a.execTime, b.execTime)
                                      : a.execId.compareTo(b.execId));
                          deliver(acc);
                          listener.onLive(true);
                        }));
  }
}
