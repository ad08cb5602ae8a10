package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.adapter.ServerClock;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.RateLimitException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST caller against a loopback venue that checks every signature it receives. */
class BybitRestIT {
  private static final String KEY = "it-api-key";
  private static final String SECRET = "it-secret-never-shown";
  private static final Credentials CREDS = Credentials.of(KEY, SECRET);

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> badSignatures = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> handler = r -> ok("{}");
  private final AtomicLong serverTime = new AtomicLong(1_700_000_000_000L);
  private OkHttpClient http = new OkHttpClient();
  private BybitRest rest;
  private ServerClock clock;
  private BybitRateLimiter limiter;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            verifySignature(request);
            if (Objects.equals(request.getPath(), BybitRest.TIME)) {
              return ok("{\"timeSecond\":\"1\"}", serverTime.get());
            }
            return handler.apply(request);
          }
        });
    server.start();
    http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    clock = new ServerClock(System::currentTimeMillis);
    limiter = new BybitRateLimiter(clock::now);
    rest =
        new BybitRest(
            http,
            server.url("/"),
            new BybitSigner(CREDS, 5_000),
            clock,
            limiter,
            System::currentTimeMillis);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void verifySignature(RecordedRequest r) {
    String sign = r.getHeader("X-BAPI-SIGN");
    if (sign == null) {
      return;
    }
    String payload =
        "POST".equals(r.getMethod())
            ? r.getBody().clone().readUtf8()
            : Objects.requireNonNullElse(r.getRequestUrl().encodedQuery(), "");
    String plain =
        r.getHeader("X-BAPI-TIMESTAMP")
            + r.getHeader("X-BAPI-API-KEY")
            + r.getHeader("X-BAPI-RECV-WINDOW")
            + payload;
    if (!CREDS.hmacSha256Hex(plain).equals(sign)) {
      badSignatures.add(r.getPath());
    }
  }

  private static MockResponse ok(String result) {
    return ok(result, 1_700_000_000_000L);
  }

  private static MockResponse ok(String result, long time) {
    return new MockResponse()
        .setBody(
            "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":"
                + result
                + ",\"retExtInfo\":{},\"time\":"
                + time
                + "}");
  }

  private static MockResponse error(int retCode, String msg) {
    return new MockResponse()
        .setBody(
            "{\"retCode\":"
                + retCode
                + ",\"retMsg\":\""
                + msg
                + "\",\"result\":{},\"retExtInfo\":{},\"time\":1700000000000}");
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static Map<String, Object> order(String linkId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category", "linear");
    m.put("symbol", "BTCUSDT");
    m.put("side", "Buy");
    m.put("orderType", "Limit");
    m.put("qty", "0.010");
    m.put("price", "60000.10");
    m.put("orderLinkId", linkId);
    return m;
  }

  private long count(String path) {
    return requests.stream()
        .filter(r -> Objects.requireNonNull(r.getPath()).startsWith(path))
        .count();
  }

  @Test
  void signsTheExactQueryAndBodyItSends() throws Exception {
    handler = r -> ok("{\"list\":[],\"nextPageCursor\":\"\"}");
    await(rest.getPrivate("/v5/position/list", Map.of("symbol", "BTCUSDT", "category", "linear")));
    handler = r -> ok("{\"orderId\":\"o-1\",\"orderLinkId\":\"sig-1\"}");
    BybitRest.OrderAck ack = await(rest.placeOrder(order("sig-1")));
    assertThat(ack).isEqualTo(new BybitRest.OrderAck("o-1", "sig-1"));
    assertThat(badSignatures).isEmpty();
    RecordedRequest get = requests.get(0);
    assertThat(get.getPath()).isEqualTo("/v5/position/list?category=linear&symbol=BTCUSDT");
    assertThat(get.getHeader("X-BAPI-API-KEY")).isEqualTo(KEY);
    assertThat(get.getHeader("X-BAPI-RECV-WINDOW")).isEqualTo("5000");
    RecordedRequest post = requests.get(1);
    assertThat(post.getBody().readUtf8())
        .isEqualTo(
            "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\",\"orderType\":\"Limit\","
                + "\"qty\":\"0.010\",\"price\":\"60000.10\",\"orderLinkId\":\"sig-1\"}");
  }

  @Test
  void resyncsServerTimeOnce10002AndRetriesWithTheNewOffset() throws Exception {
    serverTime.set(System.currentTimeMillis() + 3_600_000);
    AtomicInteger calls = new AtomicInteger();
    handler =
        r ->
            calls.incrementAndGet() == 1
                ? error(10002, "invalid request, timestamp")
                : ok("{\"list\":[]}");
    await(rest.getPrivate("/v5/position/list", Map.of("category", "linear", "symbol", "BTCUSDT")));
    assertThat(count(BybitRest.TIME)).isEqualTo(1);
    assertThat(count("/v5/position/list")).isEqualTo(2);
    assertThat(clock.offset()).isGreaterThan(3_000_000);
    long secondTimestamp =
        Long.parseLong(Objects.requireNonNull(requests.get(2).getHeader("X-BAPI-TIMESTAMP")));
    assertThat(secondTimestamp).isGreaterThan(serverTime.get() - 600_000);
    assertThat(badSignatures).isEmpty();
  }

  @Test
  void limitHeadersHoldTheEndpointAndTooManyVisitsIsTyped() throws Exception {
    handler =
        r ->
            error(10006, "Too many visits!")
                .addHeader("X-Bapi-Limit", "10")
                .addHeader("X-Bapi-Limit-Status", "0")
                .addHeader("X-Bapi-Limit-Reset-Timestamp", Long.toString(clock.now() + 60_000));
    assertThatThrownBy(() -> await(rest.post("/v5/order/amend", order("x"))))
        .hasCauseInstanceOf(RateLimitException.class);
    BybitRateLimiter.Window w = Objects.requireNonNull(limiter.window("/v5/order/amend"));
    assertThat(w.limit()).isEqualTo(10);
    assertThat(w.remaining()).isZero();
    assertThat(limiter.delayMillis("/v5/order/amend")).isPositive();
    assertThat(limiter.delayMillis("/v5/order/cancel")).isZero();
  }

  @Test
  void a403BanStopsEveryLaterRequestBeforeItIsSent() throws Exception {
    handler = r -> new MockResponse().setResponseCode(403).setBody("access too frequent");
    assertThatThrownBy(
            () -> await(rest.getPublic("/v5/market/tickers", Map.of("category", "linear"))))
        .hasCauseInstanceOf(RateLimitException.class);
    int sent = requests.size();
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class, () -> await(rest.placeOrder(order("after-ban"))));
    assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) Objects.requireNonNull(e.getCause())).bannedUntil())
        .isNotNull();
    assertThat(requests).hasSize(sent);
  }

  @Test
  void anUnknownOutcomeIsResolvedByOrderLinkIdWithoutASecondOrder() throws Exception {
    handler =
        r -> {
          String path = Objects.requireNonNull(r.getPath());
          if (path.startsWith(BybitRest.CREATE)) {
            return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
          }
          if (path.startsWith(BybitRest.REALTIME)) {
            return ok(
                "{\"list\":[{\"orderId\":\"landed-1\",\"orderLinkId\":\"u-1\",\"orderStatus\":\"New\"}],"
                    + "\"nextPageCursor\":\"\"}");
          }
          return error(10001, "unexpected " + path);
        };
    BybitRest.OrderAck ack = await(rest.placeOrder(order("u-1")));
    assertThat(ack).isEqualTo(new BybitRest.OrderAck("landed-1", "u-1"));
    assertThat(count(BybitRest.CREATE)).isEqualTo(1);
    RecordedRequest query = requests.get(requests.size() - 1);
    assertThat(query.getPath())
        .isEqualTo("/v5/order/realtime?category=linear&orderLinkId=u-1&symbol=BTCUSDT");
  }

  @Test
  void anOrderThatDidNotLandIsSentOnceMoreWithTheSameOrderLinkId() throws Exception {
    AtomicInteger creates = new AtomicInteger();
    handler =
        r -> {
          String path = Objects.requireNonNull(r.getPath());
          if (path.startsWith(BybitRest.CREATE)) {
            return creates.incrementAndGet() == 1
                ? new MockResponse().setResponseCode(502).setBody("bad gateway")
                : ok("{\"orderId\":\"o-2\",\"orderLinkId\":\"u-2\"}");
          }
          return ok("{\"list\":[],\"nextPageCursor\":\"\"}");
        };
    BybitRest.OrderAck ack = await(rest.placeOrder(order("u-2")));
    assertThat(ack).isEqualTo(new BybitRest.OrderAck("o-2", "u-2"));
    List<String> bodies = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (Objects.requireNonNull(r.getPath()).startsWith(BybitRest.CREATE)) {
        bodies.add(r.getBody().readUtf8());
      }
    }
    assertThat(bodies).hasSize(2).allMatch(b -> b.contains("\"orderLinkId\":\"u-2\""));
    assertThat(count(BybitRest.REALTIME)).isEqualTo(1);
    assertThat(count(BybitRest.HISTORY)).isEqualTo(1);
  }

  @Test
  void aDuplicateOnTheRetryMeansTheFirstLandedAndIsResolvedByQuery() throws Exception {
    AtomicInteger creates = new AtomicInteger();
    AtomicInteger realtime = new AtomicInteger();
    handler =
        r -> {
          String path = Objects.requireNonNull(r.getPath());
          if (path.startsWith(BybitRest.CREATE)) {
            return creates.incrementAndGet() == 1
                ? error(10000, "Server Timeout")
                : error(110072, "OrderLinkedID is duplicate");
          }
          if (path.startsWith(BybitRest.REALTIME) && realtime.incrementAndGet() > 1) {
            return ok("{\"list\":[{\"orderId\":\"late-3\",\"orderLinkId\":\"u-3\"}]}");
          }
          return ok("{\"list\":[]}");
        };
    assertThat(await(rest.placeOrder(order("u-3"))))
        .isEqualTo(new BybitRest.OrderAck("late-3", "u-3"));
    assertThat(creates.get()).isEqualTo(2);
  }

  @Test
  void aPlainRejectionIsTypedAndNeverRetried() throws Exception {
    handler = r -> error(110007, "ab not enough for new order");
    assertThatThrownBy(() -> await(rest.placeOrder(order("u-4"))))
        .hasCauseInstanceOf(InsufficientMarginException.class)
        .cause()
        .hasMessageContaining("[orderLinkId u-4]");
    assertThat(count(BybitRest.CREATE)).isEqualTo(1);
    assertThat(count(BybitRest.REALTIME)).isZero();
  }

  @Test
  void noErrorMessageEverCarriesTheSecretOrTheSignature() throws Exception {
    handler =
        r ->
            error(
                10004,
                "error sign! origin_string["
                    + r.getHeader("X-BAPI-TIMESTAMP")
                    + KEY
                    + "5000] sign "
                    + r.getHeader("X-BAPI-SIGN"));
    ExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> await(rest.getPrivate("/v5/position/list", Map.of("category", "linear"))));
    String sign = Objects.requireNonNull(requests.get(0).getHeader("X-BAPI-SIGN"));
    assertThat(Objects.requireNonNull(Objects.requireNonNull(e.getCause()).getMessage()))
        .doesNotContain(SECRET)
        .doesNotContain(sign)
        .doesNotContain(KEY);
  }
}
