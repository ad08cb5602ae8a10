package dev.tradekit.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A venue that costs almost nothing, for the copier benchmark's followers: a loopback HTTP server
 * on one thread that answers every order placement ({@code POST /fapi/v1/order}) at once with a
 * canned {@code FILLED} reply built from the order's own parameters (no signature check, no
 * matching), and forwards every other request (server time, exchangeInfo, account, listen keys: the
 * adapters' setup) to the real {@code FakeBinance} unchanged. The copier and the adapters run their
 * own code path in full; only the venue's cost is taken out, so that the copier's figure is not the
 * fake exchange's.
 *
 * <pre>{@code
 * try (CannedOrderVenue canned = CannedOrderVenue.start(fake.restBaseUrl())) {
 *   Exchange follower = fake.adapter("f0").restBaseUrl(canned.baseUrl()).build();
 * }
 * }</pre>
 */
final class CannedOrderVenue implements AutoCloseable {
  private static final String ORDER_PATH = "/fapi/v1/order";
  private static final Set<String> HOP_HEADERS =
      Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect");

  private final HttpServer server;
  private final HttpClient upstream =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String upstreamBase;
  private final AtomicLong orderIds = new AtomicLong(1);

  private CannedOrderVenue(HttpServer server, String upstreamBase) {
    this.server = server;
    this.upstreamBase =
        upstreamBase.endsWith("/")
            ? upstreamBase.substring(0, upstreamBase.length() - 1)
            : upstreamBase;
  }

  /** Starts the server on a free loopback port, forwarding to {@code upstreamBase}. */
  static CannedOrderVenue start(String upstreamBase) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    CannedOrderVenue venue = new CannedOrderVenue(server, upstreamBase);
    server.createContext("/", venue::handle);
    server.setExecutor(null); // the server's own thread: a canned reply needs no hand-off
    server.start();
    return venue;
  }

  /** {@code http://127.0.0.1:<port>}, the REST base URL to give the followers' adapters. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().equals(ORDER_PATH)) {
        reply(ex, 200, filled(params(ex.getRequestURI().getRawQuery())));
      } else {
        forward(ex);
      }
    }
  }

  /** The reply of a market order filled in full at a fixed price, echoing the order. */
  private String filled(Map<String, String> p) {
    String quantity = p.getOrDefault("quantity", "0");
    String price = p.getOrDefault("price", "0");
    long now = System.currentTimeMillis();
    return String.format(
        Locale.ROOT,
        "{\"orderId\":%d,\"symbol\":\"%s\",\"status\":\"FILLED\",\"clientOrderId\":\"%s\","
            + "\"price\":\"%s\",\"avgPrice\":\"60000\",\"origQty\":\"%s\",\"executedQty\":\"%s\","
            + "\"cumQuote\":\"0\",\"timeInForce\":\"%s\",\"type\":\"%s\",\"reduceOnly\":%s,"
            + "\"closePosition\":false,\"side\":\"%s\",\"positionSide\":\"%s\","
            + "\"origType\":\"%s\",\"time\":%d,\"updateTime\":%d}",
        orderIds.getAndIncrement(),
        p.getOrDefault("symbol", ""),
        p.getOrDefault("newClientOrderId", ""),
        price,
        quantity,
        quantity,
        p.getOrDefault("timeInForce", "GTC"),
        p.getOrDefault("type", "MARKET"),
        p.getOrDefault("reduceOnly", "false"),
        p.getOrDefault("side", ""),
        p.getOrDefault("positionSide", "BOTH"),
        p.getOrDefault("type", "MARKET"),
        now,
        now);
  }

  private static Map<String, String> params(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Sends the request on to the real venue and its reply back. */
  private void forward(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(upstreamBase + ex.getRequestURI().toString()))
            .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> req.header(name, v));
              }
            });
    HttpResponse<byte[]> res;
    try {
      res = upstream.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding " + ex.getRequestURI().getPath(), e);
    }
    res.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                ex.getResponseHeaders().put(name, List.copyOf(values));
              }
            });
    byte[] out = res.body();
    ex.sendResponseHeaders(res.statusCode(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      try (OutputStream os = ex.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String json) throws IOException {
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().put("Content-Type", List.of("application/json"));
    ex.sendResponseHeaders(status, out.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
