package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.tradekit.adapter.ServerClock;
import dev.tradekit.adapter.WsTestServer;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.LiveScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The private stream against a loopback WebSocket and a loopback REST venue. */
class BybitPrivateStreamIT {
  private static final Credentials CREDS = Credentials.of("ws-key", "ws-secret");
  private static final String SUBSCRIBE =
      "{\"op\":\"subscribe\",\"args\":[\"order\",\"execution\",\"position\",\"wallet\"]}";

  private final BlockingQueue<Fill> fills = new LinkedBlockingQueue<>();
  private final BlockingQueue<Order> orders = new LinkedBlockingQueue<>();
  private final BlockingQueue<Position> positions = new LinkedBlockingQueue<>();
  private final BlockingQueue<Boolean> live = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> authFailures = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> restRequests = new CopyOnWriteArrayList<>();
  private volatile String executionsBody = page("");
  private WsTestServer ws;
  private MockWebServer restServer;
  private LiveScheduler scheduler;
  private OkHttpClient http;
  private BybitPrivateStream stream;

  @BeforeEach
  void start() throws Exception {
    ws = new WsTestServer();
    restServer = new MockWebServer();
    restServer.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            restRequests.add(request);
            return new MockResponse().setBody(executionsBody);
          }
        });
    restServer.start();
    scheduler = LiveScheduler.create("bybit-private-it");
    http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    BybitSigner signer = new BybitSigner(CREDS, 5_000);
    ServerClock clock = new ServerClock(System::currentTimeMillis);
    BybitRest rest =
        new BybitRest(
            http,
            restServer.url("/"),
            signer,
            clock,
            new BybitRateLimiter(clock::now),
            System::currentTimeMillis);
    stream =
        new BybitPrivateStream(
            ws.baseUri() + "/v5/private",
            scheduler,
            http,
            new BybitStreamSettings(
                Duration.ofMillis(50),
                Duration.ofMillis(400),
                Duration.ofHours(1),
                Duration.ofSeconds(20),
                Duration.ZERO,
                100,
                new Random(3)),
            signer,
            CREDS.apiKey(),
            clock::now,
            rest,
            new BybitPrivateStream.Listener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }

              @Override
              public void onOrder(Order order) {
                orders.add(order);
              }

              @Override
              public void onPosition(Position position) {
                positions.add(position);
              }

              @Override
              public void onLive(boolean isLive) {
                live.add(isLive);
              }

              @Override
              public void onAuthFailed(String reason) {
                authFailures.add(reason);
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    stream.close();
    scheduler.close();
    ws.close();
    restServer.shutdown();
    http.dispatcher().executorService().shutdown();
  }

  private static String execution(String execId, long time) {
    return "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"orderId\":\"o-1\",\"orderLinkId\":\"c-1\","
        + "\"side\":\"Buy\",\"execId\":\""
        + execId
        + "\",\"execPrice\":\"60000.5\",\"execQty\":\"0.001\",\"execFee\":\"0.03\","
        + "\"execType\":\"Trade\",\"feeCurrency\":\"USDT\",\"isMaker\":true,\"execTime\":\""
        + time
        + "\"}";
  }

  private static String page(String items) {
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"nextPageCursor\":\"\",\"list\":["
        + items
        + "]},\"time\":1}";
  }

  private static String frame(String topic, String items) {
    return "{\"id\":\"x\",\"topic\":\"" + topic + "\",\"creationTime\":1,\"data\":[" + items + "]}";
  }

  /** Checks the auth op's signature like the venue, answers it, and expects the subscription. */
  private static void handshake(WsTestServer.Socket s) throws Exception {
    Map<String, Object> auth =
        Objects.requireNonNull(
            new Moshi.Builder()
                .build()
                .<Map<String, Object>>adapter(
                    Types.newParameterizedType(Map.class, String.class, Object.class))
                .fromJson(s.nextReceived()));
    assertThat(auth.get("op")).isEqualTo("auth");
    List<?> args = (List<?>) Objects.requireNonNull(auth.get("args"));
    assertThat(args.get(0)).isEqualTo("ws-key");
    long expires = ((Number) args.get(1)).longValue();
    assertThat(expires).isGreaterThan(System.currentTimeMillis() - 60_000);
    assertThat(args.get(2)).isEqualTo(CREDS.hmacSha256Hex("GET/realtime" + expires));
    s.send("{\"success\":true,\"ret_msg\":\"\",\"op\":\"auth\",\"conn_id\":\"c\"}");
    String sub;
    do {
      sub = s.nextReceived();
    } while (sub.equals("{\"op\":\"ping\"}"));
    assertThat(sub).isEqualTo(SUBSCRIBE);
    s.send("{\"success\":true,\"ret_msg\":\"\",\"op\":\"subscribe\",\"conn_id\":\"c\"}");
  }

  private Fill nextFill() throws InterruptedException {
    return Objects.requireNonNull(fills.poll(30, TimeUnit.SECONDS), "no fill within 30 s");
  }

  @Test
  void authenticatesSubscribesAndDeliversOrdersFillsAndPositions() throws Exception {
    stream.start();
    WsTestServer.Socket s = ws.nextSocket();
    handshake(s);
    assertThat(live.poll(30, TimeUnit.SECONDS)).isTrue();
    s.send(
        frame(
            "order",
            "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"orderId\":\"o-1\",\"orderLinkId\":\"c-1\","
                + "\"side\":\"Buy\",\"orderType\":\"Limit\",\"price\":\"60000.5\",\"qty\":\"0.002\","
                + "\"timeInForce\":\"PostOnly\",\"orderStatus\":\"PartiallyFilled\",\"cumExecQty\":\"0.001\","
                + "\"avgPrice\":\"60000.5\",\"positionIdx\":0,\"createdTime\":\"1\",\"updatedTime\":\"2\"}"));
    Order o = Objects.requireNonNull(orders.poll(30, TimeUnit.SECONDS));
    assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(o.executedQuantity()).isEqualByComparingTo("0.001");
    s.send(frame("execution", execution("e-1", 1_700_000_000_000L)));
    s.send(frame("execution", execution("e-1", 1_700_000_000_000L)));
    s.send(
        frame(
            "position",
            "{\"symbol\":\"BTCUSDT\",\"positionIdx\":0,\"side\":\"Buy\",\"size\":\"0.001\","
                + "\"entryPrice\":\"60000.5\",\"leverage\":\"10\",\"markPrice\":\"60001\","
                + "\"unrealisedPnl\":\"0.0005\",\"updatedTime\":\"3\"}"));
    Fill f = nextFill();
    assertThat(f.tradeId()).isEqualTo("e-1");
    assertThat(f.price()).isEqualByComparingTo("60000.5");
    Position p = Objects.requireNonNull(positions.poll(30, TimeUnit.SECONDS));
    assertThat(p.amount()).isEqualByComparingTo("0.001");
    assertThat(fills).isEmpty();
  }

  @Test
  void fillsMissedWhileDownAreRecoveredOverRestExactlyOnce() throws Exception {
    stream.start();
    WsTestServer.Socket first = ws.nextSocket();
    handshake(first);
    first.send(frame("execution", execution("e-1", 1_700_000_000_000L)));
    assertThat(nextFill().tradeId()).isEqualTo("e-1");

    executionsBody =
        page(
            execution("e-3", 1_700_000_002_000L)
                + ","
                + execution("e-2", 1_700_000_001_000L)
                + ","
                + execution("e-1", 1_700_000_000_000L));
    first.drop();
    WsTestServer.Socket second = ws.nextSocket();
    handshake(second);
    assertThat(nextFill().tradeId()).isEqualTo("e-2");
    assertThat(nextFill().tradeId()).isEqualTo("e-3");
    RecordedRequest recovery = restRequests.get(0);
    assertThat(recovery.getPath())
        .isEqualTo("/v5/execution/list?category=linear&limit=100&startTime=1699999995000");
    assertThat(recovery.getHeader("X-BAPI-SIGN")).isNotBlank();

    second.send(
        frame(
            "execution",
            execution("e-3", 1_700_000_002_000L) + "," + execution("e-4", 1_700_000_003_000L)));
    second.send(frame("execution", execution("e-5", 1_700_000_004_000L)));
    assertThat(nextFill().tradeId()).isEqualTo("e-4");
    assertThat(nextFill().tradeId()).isEqualTo("e-5");
  }

  @Test
  void aRefusedAuthIsReportedNothingIsSubscribedAndItRetries() throws Exception {
    stream.start();
    WsTestServer.Socket s = ws.nextSocket();
    assertThat(s.nextReceived()).startsWith("{\"op\":\"auth\"");
    s.send(
        "{\"op\":\"auth\",\"success\":false,\"retCode\":10003,\"retMsg\":\"Invalid apikey\",\"connId\":\"c\"}");
    assertThat(authFailures.poll(30, TimeUnit.SECONDS)).isEqualTo("Invalid apikey");
    WsTestServer.Socket again = ws.nextSocket();
    assertThat(again.nextReceived()).startsWith("{\"op\":\"auth\"");
    assertThat(s.received).doesNotContain(SUBSCRIBE);
  }
}
