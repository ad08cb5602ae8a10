package dev.tradekit.binance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A small Binance USD-M REST venue on MockWebServer for integration tests: it checks every signed
 * request's HMAC over the raw query it received, keeps orders by client id, reports the request
 * weight used in the last minute in {@code X-MBX-USED-WEIGHT-1M}, and lets a test script the next
 * replies of an endpoint.
 */
final class FakeBinance extends Dispatcher implements AutoCloseable {
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  /** One request as received. */
  record Seen(
      String method,
      String path,
      String rawQuery,
      Map<String, String> params,
      @Nullable String apiKey,
      long atNanos,
      int weight) {
    String param(String name) {
      String v = params.get(name);
      if (v == null) {
        throw new AssertionError(method + " " + path + " has no parameter " + name);
      }
      return v;
    }
  }

  final MockWebServer server = new MockWebServer();
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final List<String> signatures = new CopyOnWriteArrayList<>();
  final AtomicInteger verifiedSignatures = new AtomicInteger();
  final AtomicInteger badSignatures = new AtomicInteger();
  final AtomicLong serverTimeOffset = new AtomicLong();
  final Map<String, String> ordersByClientId = new ConcurrentHashMap<>();
  private final Map<String, Deque<Function<Seen, MockResponse>>> scripts =
      new ConcurrentHashMap<>();
  private final AtomicLong nextOrderId = new AtomicLong(8_000_000_000L);
  private final int weightLimit;

  FakeBinance(int weightLimit) throws java.io.IOException {
    this.weightLimit = weightLimit;
    server.setDispatcher(this);
    server.start();
  }

  String baseUrl() {
    return server.url("/").toString();
  }

  /** The next reply of {@code METHOD path} comes from {@code reply} (queued in order). */
  void script(String method, String path, Function<Seen, MockResponse> reply) {
    scripts.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(reply);
  }

  List<Seen> requests(String method, String path) {
    List<Seen> out = new ArrayList<>();
    for (Seen s : seen) {
      if (s.method().equals(method) && s.path().equals(path)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The highest total weight received within any 60 s window. */
  long maxWeightPerMinute() {
    List<Seen> all = new ArrayList<>(seen);
    long max = 0;
    for (int i = 0; i < all.size(); i++) {
      long sum = 0;
      for (int j = i; j < all.size(); j++) {
        if (all.get(j).atNanos() - all.get(i).atNanos() < TimeUnit.SECONDS.toNanos(60)) {
          sum += all.get(j).weight();
        }
      }
      max = Math.max(max, sum);
    }
    return max;
  }

  private long usedWeightNow() {
    long now = System.nanoTime();
    long sum = 0;
    for (Seen s : seen) {
      if (now - s.atNanos() < TimeUnit.SECONDS.toNanos(60)) {
        sum += s.weight();
      }
    }
    return sum;
  }

  static MockResponse error(int status, int code, String msg) {
    return new MockResponse()
        .setResponseCode(status)
        .setBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
  }

  static MockResponse json(String body) {
    return new MockResponse().setResponseCode(200).setBody(body);
  }

  long now() {
    return System.currentTimeMillis() + serverTimeOffset.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String target = request.getPath() == null ? "/" : request.getPath();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String raw = q < 0 ? "" : target.substring(q + 1);
    Map<String, String> params = parse(raw);
    String method = request.getMethod() == null ? "GET" : request.getMethod();
    Seen s =
        new Seen(
            method,
            path,
            raw,
            params,
            request.getHeader("X-MBX-APIKEY"),
            System.nanoTime(),
            weight(method, path, params));
    seen.add(s);
    MockResponse reply = reply(s);
    return reply.addHeader("X-MBX-USED-WEIGHT-1M", Long.toString(usedWeightNow()));
  }

  private MockResponse reply(Seen s) {
    if (s.params().containsKey("signature")) {
      int at = s.rawQuery().lastIndexOf("&signature=");
      String payload = at < 0 ? "" : s.rawQuery().substring(0, at);
      String signature = s.rawQuery().substring(at + "&signature=".length());
      signatures.add(signature);
      boolean ok =
          API_KEY.equals(s.apiKey())
              && MessageDigest.isEqual(
                  hmac(payload).getBytes(StandardCharsets.UTF_8),
                  signature.getBytes(StandardCharsets.UTF_8));
      if (!ok) {
        badSignatures.incrementAndGet();
        return error(400, -1022, "Signature for this request is not valid.");
      }
      verifiedSignatures.incrementAndGet();
    }
    Deque<Function<Seen, MockResponse>> script = scripts.get(s.method() + " " + s.path());
    if (script != null) {
      Function<Seen, MockResponse> next = script.poll();
      if (next != null) {
        return next.apply(s);
      }
    }
    return defaultReply(s);
  }

  MockResponse defaultReply(Seen s) {
    switch (s.method() + " " + s.path()) {
      case "GET /fapi/v1/time":
        return json("{\"serverTime\":" + now() + "}");
      case "GET /fapi/v1/exchangeInfo":
        return json(exchangeInfo());
      case "GET /fapi/v1/depth":
        return json(
            "{\"lastUpdateId\":1027024,\"E\":1589436922972,\"T\":1589436922959,"
                + "\"bids\":[[\"4.00000000\",\"431.00000000\"]],"
                + "\"asks\":[[\"4.00000200\",\"12.00000000\"]]}");
      case "POST /fapi/v1/order":
        return json(placeOrder(s.params()));
      case "GET /fapi/v1/order":
        {
          String cid = s.params().get("origClientOrderId");
          String order = cid == null ? null : ordersByClientId.get(cid);
          return order == null ? error(400, -2013, "Order does not exist.") : json(order);
        }
      case "POST /fapi/v1/batchOrders":
        return json(placeBatch(s.param("batchOrders")));
      case "DELETE /fapi/v1/batchOrders":
        return json("[{\"code\":-2011,\"msg\":\"Unknown order sent.\"}]");
      case "GET /fapi/v2/account":
        return json(
            "{\"feeTier\":0,\"canTrade\":true,\"totalWalletBalance\":\"100.5\","
                + "\"availableBalance\":\"90\",\"updateTime\":0,\"assets\":[{\"asset\":\"USDT\","
                + "\"walletBalance\":\"100.5\",\"unrealizedProfit\":\"1.25\","
                + "\"availableBalance\":\"90\",\"updateTime\":1}],\"positions\":[]}");
      case "GET /fapi/v1/positionSide/dual":
        return json("{\"dualSidePosition\":false}");
      case "GET /fapi/v1/openOrders":
        return json("[" + String.join(",", ordersByClientId.values()) + "]");
      case "GET /fapi/v1/openAlgoOrders":
        // this fake holds no conditional orders; testkit's FakeBinance serves the algo API
        return json("[]");
      case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey":
        return json(
            "{\"listenKey\":\"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1\"}");
      default:
        return error(404, -5000, "no such endpoint in FakeBinance: " + s.method() + " " + s.path());
    }
  }

  String placeOrder(Map<String, String> p) {
    String cid = p.get("newClientOrderId");
    long id = nextOrderId.incrementAndGet();
    long now = now();
    String order =
        "{\"orderId\":"
            + id
            + ",\"symbol\":\""
            + p.get("symbol")
            + "\",\"status\":\"NEW\",\"clientOrderId\":\""
            + cid
            + "\",\"price\":\""
            + p.getOrDefault("price", "0")
            + "\",\"avgPrice\":\"0.00\",\"origQty\":\""
            + p.get("quantity")
            + "\",\"executedQty\":\"0\",\"cumQuote\":\"0\",\"timeInForce\":\""
            + p.getOrDefault("timeInForce", "GTC")
            + "\",\"type\":\""
            + p.get("type")
            + "\",\"reduceOnly\":"
            + p.getOrDefault("reduceOnly", "false")
            + ",\"side\":\""
            + p.get("side")
            + "\",\"positionSide\":\""
            + p.getOrDefault("positionSide", "BOTH")
            + "\",\"time\":"
            + now
            + ",\"updateTime\":"
            + now
            + "}";
    if (cid != null) {
      ordersByClientId.put(cid, order);
    }
    return order;
  }

  private String placeBatch(String ordersJson) {
    List<String> replies = new ArrayList<>();
    for (Map<String, String> o : splitBatch(ordersJson)) {
      replies.add(placeOrder(o));
    }
    return "[" + String.join(",", replies) + "]";
  }

  /** Reads the flat {@code [{"k":"v",...},...]} the adapter sends. */
  static List<Map<String, String>> splitBatch(String json) {
    List<Map<String, String>> out = new ArrayList<>();
    String body = json.trim();
    body = body.substring(1, body.length() - 1).trim();
    if (body.isEmpty()) {
      return out;
    }
    for (String obj : body.split("\\},\\s*\\{")) {
      String inner = obj.replace("{", "").replace("}", "");
      Map<String, String> m = new LinkedHashMap<>();
      for (String pair : inner.split(",")) {
        String[] kv = pair.split(":", 2);
        m.put(unquote(kv[0]), unquote(kv[1]));
      }
      out.add(m);
    }
    return out;
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.startsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  String exchangeInfo() {
    return "{\"timezone\":\"UTC\",\"serverTime\":"
        + now()
        + ",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
        + "\"intervalNum\":1,\"limit\":"
        + weightLimit
        + "},{\"rateLimitType\":\"ORDERS\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
        + "\"limit\":1200},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\","
        + "\"intervalNum\":10,\"limit\":300}],\"symbols\":[{\"symbol\":\"BTCUSDT\","
        + "\"pair\":\"BTCUSDT\",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\","
        + "\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"marginAsset\":\"USDT\","
        + "\"pricePrecision\":2,\"quantityPrecision\":3,\"filters\":["
        + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"556.80\",\"maxPrice\":\"4529764\","
        + "\"tickSize\":\"0.10\"},{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\","
        + "\"maxQty\":\"1000\",\"minQty\":\"0.001\"},{\"filterType\":\"MARKET_LOT_SIZE\","
        + "\"stepSize\":\"0.001\",\"maxQty\":\"120\",\"minQty\":\"0.001\"},"
        + "{\"filterType\":\"MAX_NUM_ORDERS\",\"limit\":200},{\"filterType\":\"MIN_NOTIONAL\","
        + "\"notional\":\"100\"},{\"filterType\":\"PERCENT_PRICE\",\"multiplierUp\":\"1.0500\","
        + "\"multiplierDown\":\"0.9500\",\"multiplierDecimal\":\"4\"}],"
        + "\"orderTypes\":[\"LIMIT\",\"MARKET\"],\"timeInForce\":[\"GTC\",\"IOC\",\"FOK\","
        + "\"GTX\"]}]}";
  }

  /** The venue's weight table for the calls these tests make. */
  private static int weight(String method, String path, Map<String, String> p) {
    if (path.equals("/fapi/v1/depth")) {
      int limit = Integer.parseInt(p.getOrDefault("limit", "500"));
      return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
    }
    if (path.equals("/fapi/v1/order") && (method.equals("POST") || method.equals("PUT"))) {
      return 0;
    }
    return switch (path) {
      case "/fapi/v2/account", "/fapi/v1/userTrades", "/fapi/v1/batchOrders" -> 5;
      case "/fapi/v1/positionSide/dual", "/fapi/v1/income" -> 30;
      default -> 1;
    };
  }

  static String hmac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() throws java.io.IOException {
    server.shutdown();
  }
}
