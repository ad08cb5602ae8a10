package dev.tradekit.bybit;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.tradekit.adapter.ServerClock;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ClockSkewException;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.SendDeadlineExceededException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Sends Bybit v5 REST requests: signs private ones over the exact query or JSON body it sends,
 * keeps the server-time offset (and re-syncs it once when the venue answers retCode 10002), feeds
 * the {@code X-Bapi-Limit*} headers to the limiter and waits when an endpoint is exhausted, stops
 * everything on a 403 IP ban, and turns every failure into the SPI's typed errors.
 *
 * <p>An order placement whose outcome is unknown (the connection failed after sending, HTTP 5xx,
 * retCode 10000 or 10016) is resolved by its {@code orderLinkId}: the open orders, then the order
 * history, are queried; if the order landed its ack is returned, otherwise the same request is sent
 * once more with the same {@code orderLinkId} (a duplicate, retCode 110072, is resolved by querying
 * again), so there is never a second order when the first landed. Thread-safe.
 */
final class BybitRest {
  static final String TIME = "/v5/market/time";
  static final String CREATE = "/v5/order/create";
  static final String REALTIME = "/v5/order/realtime";
  static final String HISTORY = "/v5/order/history";
  private static final MediaType JSON = Objects.requireNonNull(MediaType.parse("application/json"));

  /** The {@code result} of create, amend and cancel: an ack only. */
  record OrderAck(String orderId, String orderLinkId) {}

  static final class AckReply {
    OrderAckDto result = new OrderAckDto();
  }

  static final class OrderAckDto {
    String orderId = "";
    String orderLinkId = "";
  }

  static final class OrderListReply {
    OrderList result = new OrderList();
  }

  static final class OrderList {
    List<BybitWire.OrderDto> list = List.of();
    String nextPageCursor = "";
  }

  private final OkHttpClient http;
  private final HttpUrl base;
  private final @Nullable BybitSigner signer;
  private final ServerClock clock;
  private final BybitRateLimiter limiter;
  private final LongSupplier localMillis;
  private final BybitJson json = new BybitJson();
  private final JsonAdapter<Map<String, Object>> bodyAdapter;

  /**
   * @param http the client (its dispatcher runs the callbacks)
   * @param base the REST root, e.g. {@code https://api-testnet.bybit.com}
   * @param signer signs private requests; {@code null} for a market-data-only client
   * @param clock the venue clock the timestamps come from
   * @param limiter the per-endpoint limiter and IP-ban gate
   * @param localMillis the local clock, for measuring time-sync round trips
   */
  BybitRest(
      OkHttpClient http,
      HttpUrl base,
      @Nullable BybitSigner signer,
      ServerClock clock,
      BybitRateLimiter limiter,
      LongSupplier localMillis) {
    this.http = Objects.requireNonNull(http, "http");
    this.base = Objects.requireNonNull(base, "base");
    this.signer = signer;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.localMillis = Objects.requireNonNull(localMillis, "localMillis");
    this.bodyAdapter =
        new Moshi.Builder()
            .build()
            .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  }

  /** Measures the server-time offset once from {@code GET /v5/market/time}. */
  CompletableFuture<Long> syncTime() {
    long sent = localMillis.getAsLong();
    return send(TIME, Map.of(), null, false, null)
        .thenApply(
            body -> {
              long serverTime = json.parse(BybitWire.Envelope.class, body).time;
              clock.addSample(sent, serverTime, Math.max(sent, localMillis.getAsLong()));
              return clock.offset();
            });
  }

  /** A public GET; completes with the whole reply body once {@code retCode} is 0. */
  CompletableFuture<String> getPublic(String path, Map<String, String> params) {
    return send(path, params, null, false, null);
  }

  /** A signed GET; completes with the whole reply body once {@code retCode} is 0. */
  CompletableFuture<String> getPrivate(String path, Map<String, String> params) {
    return withClockRetry(() -> send(path, params, null, true, null), null, null);
  }

  /**
   * A signed POST of {@code fields} as a JSON object (in the map's order, values as given: put
   * prices and quantities as plain strings).
   */
  CompletableFuture<String> post(String path, Map<String, Object> fields) {
    return post(path, fields, null);
  }

  /**
   * A signed POST the venue must receive by {@code deadline} (local epoch ms; null: within the
   * configured receive window). With a deadline, {@code X-BAPI-RECV-WINDOW} is what is left of it
   * on the venue's clock when the request is stamped; none left, or the venue's retCode 10002,
   * fails with {@link SendDeadlineExceededException} (not placed, not retried).
   */
  CompletableFuture<String> post(String path, Map<String, Object> fields, @Nullable Long deadline) {
    String body = Objects.requireNonNull(bodyAdapter.toJson(fields));
    String linkId = fields.get("orderLinkId") instanceof String l ? l : null;
    return withClockRetry(() -> send(path, Map.of(), body, true, deadline), deadline, linkId);
  }

  /**
   * Places one order and resolves an unknown outcome by its {@code orderLinkId} (see the class
   * comment).
   *
   * @param fields the create-order fields; must hold {@code category}, {@code symbol} and a
   *     non-empty {@code orderLinkId}
   */
  CompletableFuture<OrderAck> placeOrder(Map<String, Object> fields) {
    return placeOrder(fields, null);
  }

  /**
   * {@link #placeOrder(Map)} bounded by a send deadline (local epoch ms, see {@link #post(String,
   * Map, Long)}); the deadline also bounds the one placement again after an unknown outcome.
   */
  CompletableFuture<OrderAck> placeOrder(Map<String, Object> fields, @Nullable Long deadline) {
    Object link = fields.get("orderLinkId");
    if (!(link instanceof String linkId) || linkId.isEmpty()) {
      throw new IllegalArgumentException(
          "orderLinkId is required: it is how an unknown outcome is resolved");
    }
    String symbol = String.valueOf(fields.get("symbol"));
    String category = String.valueOf(fields.get("category"));
    return post(CREATE, fields, deadline)
        .thenApply(this::ack)
        .exceptionallyCompose(
            t -> {
              ExchangeException e = unwrap(t);
              if (!isUnknownOutcome(e)) {
                return CompletableFuture.failedFuture(e);
              }
              return findByLinkId(category, symbol, linkId)
                  .thenCompose(
                      found -> {
                        if (found != null) {
                          return CompletableFuture.completedFuture(found);
                        }
                        return post(CREATE, fields, deadline)
                            .thenApply(this::ack)
                            .exceptionallyCompose(
                                t2 -> {
                                  ExchangeException e2 = unwrap(t2);
                                  if (!(e2 instanceof DuplicateClientOrderIdException)
                                      && !isUnknownOutcome(e2)) {
                                    return CompletableFuture.failedFuture(e2);
                                  }
                                  return findByLinkId(category, symbol, linkId)
                                      .thenCompose(
                                          again ->
                                              again != null
                                                  ? CompletableFuture.completedFuture(again)
                                                  : CompletableFuture.failedFuture(
                                                      new UnknownOrderStatusException(
                                                          BybitErrorCodes.VENUE,
                                                          e2.code(),
                                                          "order outcome still unknown after a"
                                                              + " retry; query orderLinkId "
                                                              + linkId
                                                              + " before placing again",
                                                          linkId,
                                                          e2)));
                                });
                      });
            });
  }

  /** The order with this {@code orderLinkId} among open orders, then history; else null. */
  CompletableFuture<@Nullable OrderAck> findByLinkId(
      String category, String symbol, String orderLinkId) {
    Map<String, String> q =
        Map.of("category", category, "symbol", symbol, "orderLinkId", orderLinkId);
    return getPrivate(REALTIME, q)
        .thenCompose(
            body -> {
              OrderAck open = firstOf(body);
              if (open != null) {
                return CompletableFuture.completedFuture(open);
              }
              return getPrivate(HISTORY, q).thenApply(this::firstOf);
            });
  }

  private @Nullable OrderAck firstOf(String body) {
    List<BybitWire.OrderDto> list = json.parse(OrderListReply.class, body).result.list;
    return list.isEmpty() ? null : new OrderAck(list.get(0).orderId, list.get(0).orderLinkId);
  }

  private OrderAck ack(String body) {
    OrderAckDto r = json.parse(AckReply.class, body).result;
    return new OrderAck(r.orderId, r.orderLinkId);
  }

  private static boolean isUnknownOutcome(ExchangeException e) {
    return e instanceof UnknownOrderStatusException || e instanceof TransportException;
  }

  private static ExchangeException unwrap(Throwable t) {
    return ExchangeErrors.unwrap(t);
  }

  private CompletableFuture<String> withClockRetry(
      Supplier<CompletableFuture<String>> attempt,
      @Nullable Long deadline,
      @Nullable String linkId) {
    return attempt
        .get()
        .exceptionallyCompose(
            t -> {
              ExchangeException e = unwrap(t);
              if (!(e instanceof ClockSkewException)) {
                return CompletableFuture.failedFuture(e);
              }
              clock.reset();
              if (deadline != null) {
                // refused by the venue's time check: late (or the clock is off, which the re-sync
                // fixes for later calls); not placed, and not retried: the caller decides
                CompletableFuture<Long> unused = syncTime();
                return CompletableFuture.failedFuture(
                    new SendDeadlineExceededException(
                        BybitErrorCodes.VENUE,
                        e.code(),
                        "the venue refused the request as arriving after its send deadline ("
                            + e.getMessage()
                            + "); the order was not placed",
                        linkId,
                        true,
                        e));
              }
              return syncTime().thenCompose(offset -> attempt.get());
            });
  }

  private CompletableFuture<String> send(
      String path,
      Map<String, String> params,
      @Nullable String body,
      boolean signed,
      @Nullable Long deadline) {
    long delay;
    try {
      delay = limiter.delayMillis(path);
    } catch (ExchangeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (delay > 0) {
      return CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
          .thenCompose(v -> send(path, params, body, signed, deadline));
    }
    String query = BybitSigner.canonicalQuery(params);
    HttpUrl url =
        Objects.requireNonNull(base.resolve(path + (query.isEmpty() ? "" : "?" + query)), path);
    Request.Builder rb = new Request.Builder().url(url);
    if (body != null) {
      rb.post(RequestBody.create(body, JSON));
    } else {
      rb.get();
    }
    if (signed) {
      BybitSigner s = signer;
      if (s == null) {
        return CompletableFuture.failedFuture(
            new AuthenticationException(
                BybitErrorCodes.VENUE,
                ExchangeException.NO_CODE,
                "this client has no credentials: private endpoints need an API key and secret"));
      }
      String sentQuery = url.encodedQuery();
      String payload = body != null ? body : sentQuery == null ? "" : sentQuery;
      long timestamp = clock.now();
      BybitSigner.Signed sig;
      if (deadline == null) {
        sig = s.sign(timestamp, payload);
      } else {
        long window = BybitSigner.recvWindowBefore(deadline + clock.offset(), timestamp);
        if (window < 1) {
          return CompletableFuture.failedFuture(
              new SendDeadlineExceededException(
                  BybitErrorCodes.VENUE,
                  ExchangeException.NO_CODE,
                  "not sent: "
                      + path
                      + " reached its send deadline "
                      + -window
                      + " ms before it could be signed; the order was not placed",
                  linkIdOf(body),
                  false,
                  null));
        }
        sig = s.sign(timestamp, window, payload);
      }
      rb.header("X-BAPI-API-KEY", sig.apiKey())
          .header("X-BAPI-TIMESTAMP", Long.toString(sig.timestamp()))
          .header("X-BAPI-RECV-WINDOW", Long.toString(sig.recvWindowMs()))
          .header("X-BAPI-SIGN", sig.signature())
          .header("X-BAPI-SIGN-TYPE", "2");
    }
    String linkId = linkIdOf(body);
    CompletableFuture<String> result = new CompletableFuture<>();
    http.newCall(rb.build())
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(
                    new TransportException(
                        BybitErrorCodes.VENUE,
                        ExchangeException.NO_CODE,
                        "no reply from " + path + ": " + e.getClass().getSimpleName(),
                        e));
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  result.complete(handle(path, response, linkId));
                } catch (ExchangeException e) {
                  result.completeExceptionally(e);
                } catch (IOException | RuntimeException e) {
                  result.completeExceptionally(
                      new TransportException(
                          BybitErrorCodes.VENUE,
                          ExchangeException.NO_CODE,
                          "unreadable reply from " + path + ": " + e.getClass().getSimpleName(),
                          e));
                }
              }
            });
    return result;
  }

  private String handle(String path, Response response, @Nullable String linkId)
      throws IOException {
    limiter.onHeaders(
        path,
        response.header("X-Bapi-Limit"),
        response.header("X-Bapi-Limit-Status"),
        response.header("X-Bapi-Limit-Reset-Timestamp"));
    ResponseBody rb = response.body();
    String text = rb == null ? "" : rb.string();
    long now = clock.now();
    if (response.code() == 403) {
      limiter.onIpBan();
    }
    if (response.code() != 200) {
      throw BybitErrorCodes.toException(
          response.code(), ExchangeException.NO_CODE, text, linkId, 0, now);
    }
    BybitWire.Envelope env = json.parse(BybitWire.Envelope.class, text);
    if (env.retCode == 0) {
      return text;
    }
    long reset = parseLong(response.header("X-Bapi-Limit-Reset-Timestamp"));
    if (env.retCode == BybitErrorCodes.TOO_MANY_VISITS) {
      limiter.onTooManyVisits(path, reset);
    }
    throw BybitErrorCodes.toException(200, env.retCode, env.retMsg, linkId, reset, now);
  }

  private static long parseLong(@Nullable String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private @Nullable String linkIdOf(@Nullable String body) {
    if (body == null || !body.contains("\"orderLinkId\"")) {
      return null;
    }
    try {
      Map<String, Object> m = bodyAdapter.fromJson(body);
      Object v = m == null ? null : m.get("orderLinkId");
      return v instanceof String s ? s : null;
    } catch (IOException e) {
      return null;
    }
  }
}
