package dev.tradekit.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side: faults, rate limits, authentication, then {@link Endpoints}; every reply carries
 * {@code X-MBX-USED-WEIGHT-1M}, order replies the order counts, errors Binance's body.
 */
final class RestHandler extends Handler.Abstract {
  private final Endpoints endpoints;
  private final RequestMeter meter;
  private final Faults faults;
  private final Map<String, String> secrets;
  private final VenueDriver driver;

  RestHandler(
      Endpoints endpoints,
      RequestMeter meter,
      Faults faults,
      Map<String, String> secrets,
      VenueDriver driver) {
    this.endpoints = endpoints;
    this.meter = meter;
    this.faults = faults;
    this.secrets = secrets;
    this.driver = driver;
  }

  /** The server's clock: the scheduler's time plus any injected skew. */
  long serverTime() {
    return driver.now() + faults.skewMillis();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    String rawQuery = request.getHttpURI().getQuery();
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    long latency = faults.latencyMillis();
    if (latency > 0) {
      Thread.sleep(latency);
    }
    int status = 200;
    String reply;
    Map<String, String> headers = new LinkedHashMap<>();
    long now = serverTime();
    try {
      Endpoints.Spec spec = Endpoints.spec(method, path);
      if (spec == null) {
        throw new ApiError(404, -5000, "Path " + path + ", Method " + method + " is invalid");
      }
      int used = meter.chargeWeight(now, spec.weight());
      headers.put("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
      int serverError = faults.takeServerError();
      if (serverError != 0) {
        throw new ApiError(serverError, -1000, "Service Unavailable.");
      }
      Map<String, String> params = params(rawQuery, body);
      String apiKey = null;
      if (spec.security() != Endpoints.Security.NONE) {
        apiKey = request.getHeaders().get("X-MBX-APIKEY");
        String secret = apiKey == null ? null : secrets.get(apiKey);
        if (secret == null) {
          throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        if (spec.security() == Endpoints.Security.SIGNED) {
          Auth.checkTime(now, params.get("timestamp"), params.get("recvWindow"));
          Auth.verify(secret, rawQuery, body.contains("=") ? body : "");
        }
      }
      if (spec.orders() > 0 && apiKey != null) {
        int n = spec.orders() == Endpoints.BATCH ? Endpoints.batchSize(params) : spec.orders();
        int[] counts = meter.chargeOrders(apiKey, now, n);
        headers.put("X-MBX-ORDER-COUNT-10S", Integer.toString(counts[0]));
        headers.put("X-MBX-ORDER-COUNT-1M", Integer.toString(counts[1]));
      }
      reply = endpoints.handle(spec, apiKey, params, now);
    } catch (ApiError e) {
      status = e.status;
      reply = e.body();
      headers.putAll(e.headers);
    } catch (RuntimeException e) {
      ApiError a = ApiError.of(e);
      status = a.status;
      reply = a.body();
    }
    headers.putIfAbsent("X-MBX-USED-WEIGHT-1M", Integer.toString(meter.usedWeight(now)));
    response.setStatus(status);
    headers.forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
    Content.Sink.write(response, true, reply, callback);
    return true;
  }

  /** Decoded parameters of the query string and a form body (body values win). */
  static Map<String, String> params(@Nullable String rawQuery, String body) {
    Map<String, String> out = new LinkedHashMap<>();
    parse(rawQuery, out);
    if (body.contains("=") && !body.startsWith("{") && !body.startsWith("[")) {
      parse(body, out);
    }
    return out;
  }

  private static void parse(@Nullable String s, Map<String, String> out) {
    if (s == null || s.isEmpty()) {
      return;
    }
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
  }
}
