package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.adapter.ServerClock;
import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.InvalidOrderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches, cancel-all, windowed fills and DCP against a loopback venue. */
class BybitOrdersIT {
  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> handler = r -> ok("{}", "{}");
  private OkHttpClient http = new OkHttpClient();
  private BybitOrders orders;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            bodies.add(request.getBody().clone().readUtf8());
            return handler.apply(request);
          }
        });
    server.start();
    http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    ServerClock clock = new ServerClock(System::currentTimeMillis);
    BybitRest rest =
        new BybitRest(
            http,
            server.url("/"),
            new BybitSigner(Credentials.of("k", "s"), 5_000),
            clock,
            new BybitRateLimiter(clock::now),
            System::currentTimeMillis);
    orders = new BybitOrders(rest, clock::now);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
    http.dispatcher().executorService().shutdown();
  }

  private static MockResponse ok(String result, String ext) {
    return new MockResponse()
        .setBody(
            "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":"
                + result
                + ",\"retExtInfo\":"
                + ext
                + ",\"time\":1}");
  }

  private static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static Map<String, Object> order(int i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", "BTCUSDT");
    m.put("side", "Buy");
    m.put("orderType", "Limit");
    m.put("qty", "0.001");
    m.put("price", "50000");
    m.put("orderLinkId", "b-" + i);
    return m;
  }

  @Test
  void batchesAreCutToTheVenueSizeAndPerOrderErrorsAreTyped() throws Exception {
    handler =
        r -> {
          String body = r.getBody().clone().readUtf8();
          int n = body.split("orderLinkId", -1).length - 1;
          StringBuilder list = new StringBuilder();
          StringBuilder codes = new StringBuilder();
          for (int i = 0; i < n; i++) {
            boolean dup = body.contains("\"b-3\"") && i == 3;
            boolean bad = body.contains("\"b-11\"") && i == 1;
            list.append(i == 0 ? "" : ",")
                .append("{\"orderId\":\"")
                .append(dup || bad ? "" : "o-" + i)
                .append("\",\"orderLinkId\":\"x\"}");
            codes
                .append(i == 0 ? "" : ",")
                .append(
                    dup
                        ? "{\"code\":110072,\"msg\":\"OrderLinkedID is duplicate\"}"
                        : bad
                            ? "{\"code\":10001,\"msg\":\"params error\"}"
                            : "{\"code\":0,\"msg\":\"OK\"}");
          }
          return ok("{\"list\":[" + list + "]}", "{\"list\":[" + codes + "]}");
        };
    List<Map<String, Object>> many = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      many.add(order(i));
    }
    List<BatchResult<BybitRest.OrderAck>> results = await(orders.placeBatch("linear", many));
    assertThat(requests).hasSize(2);
    assertThat(bodies.get(0))
        .startsWith("{\"category\":\"linear\",\"request\":[{\"symbol\":\"BTCUSDT\"");
    assertThat(bodies.get(0).split("orderLinkId", -1)).hasSize(BybitOrders.MAX_BATCH + 1);
    assertThat(results).hasSize(12);
    assertThat(results.get(0).isSuccess()).isTrue();
    assertThat(results.get(3).error()).isInstanceOf(DuplicateClientOrderIdException.class);
    assertThat(results.get(3).error().getMessage()).contains("[orderLinkId b-3]");
    assertThat(results.get(11).error()).isInstanceOf(InvalidOrderException.class);
    assertThat(results.stream().filter(BatchResult::isSuccess)).hasSize(10);
  }

  @Test
  void cancelAllRepeatsUntilNothingIsLeft() throws Exception {
    AtomicInteger round = new AtomicInteger();
    handler =
        r ->
            switch (round.incrementAndGet()) {
              case 1 ->
                  ok(
                      "{\"list\":[{\"orderId\":\"1\"},{\"orderId\":\"2\"}],\"success\":\"1\"}",
                      "{}");
              case 2 -> ok("{\"list\":[{\"orderId\":\"3\"}],\"success\":\"1\"}", "{}");
              default -> ok("{\"list\":[],\"success\":\"1\"}", "{}");
            };
    assertThat(await(orders.cancelAll("linear", "BTCUSDT"))).isEqualTo(3);
    assertThat(requests).hasSize(3);
    assertThat(bodies).allMatch(b -> b.equals("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\"}"));
  }

  @Test
  void fillsAreReadInSevenDayWindowsPageByPageOldestFirst() throws Exception {
    handler =
        r -> {
          String path = Objects.requireNonNull(r.getPath());
          if (path.contains("cursor=p2")) {
            return ok(
                "{\"nextPageCursor\":\"\",\"list\":[{\"execId\":\"a\",\"execTime\":\"100\","
                    + "\"execType\":\"Trade\"}]}",
                "{}");
          }
          if (path.contains("startTime=0&")) {
            return ok(
                "{\"nextPageCursor\":\"p2\",\"list\":[{\"execId\":\"b\",\"execTime\":\"200\","
                    + "\"execType\":\"Trade\"}]}",
                "{}");
          }
          return ok(
              "{\"nextPageCursor\":\"\",\"list\":[{\"execId\":\"c\",\"execTime\":\"604800001\","
                  + "\"execType\":\"Trade\"}]}",
              "{}");
        };
    long tenDays = 10L * 24 * 60 * 60 * 1000;
    List<BybitWire.ExecutionDto> fills = await(orders.executions("linear", "BTCUSDT", 0, tenDays));
    assertThat(fills).extracting(e -> e.execId).containsExactly("a", "b", "c");
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0).getPath())
        .isEqualTo(
            "/v5/execution/list?category=linear&endTime=604799999&limit=100&startTime=0&symbol=BTCUSDT");
    assertThat(requests.get(2).getPath())
        .isEqualTo(
            "/v5/execution/list?category=linear&endTime="
                + tenDays
                + "&limit=100&startTime=604800000&symbol=BTCUSDT");
  }

  @Test
  void theDisconnectCancelAllWindowIsCheckedAndSent() throws Exception {
    await(orders.armDisconnectCancelAll(10));
    assertThat(bodies.get(0)).isEqualTo("{\"product\":\"DERIVATIVES\",\"timeWindow\":10}");
    assertThatThrownBy(() -> orders.armDisconnectCancelAll(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> orders.armDisconnectCancelAll(301))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
