package dev.tradekit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Serves the dashboard (static HTML, CSS and JavaScript modules from the jar) at {@code /} and
 * hands every {@code /api} request (and {@code /metrics}) to the API handler it wraps.
 *
 * <p>Only names made of lower-case letters, digits, {@code -}, {@code _} and {@code .} in
 * sub-folders of the dashboard folder, with a known extension, are looked up, so no request can
 * reach another resource of the class path (no {@code ..}, no empty or encoded segments). Every
 * reply carries a strict Content-Security-Policy (scripts, styles and connections from this origin
 * only, no inline script), {@code nosniff}, {@code DENY} framing and {@code Cache-Control:
 * no-cache} with an ETag, so a browser revalidates and an upgraded server is seen at once.
 */
final class DashboardHandler extends Handler.Wrapper {
  /** The class-path folder the assets live in. */
  static final String ROOT = "dev/tradekit/server/dashboard";

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private static final Pattern SAFE =
      Pattern.compile("/(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\\.([a-z]{2,5})");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8",
          "webmanifest", "application/manifest+json");

  record Asset(byte[] bytes, String type, String etag) {}

  private final Map<String, Asset> assets = new ConcurrentHashMap<>();

  DashboardHandler(Handler api) {
    super(api);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    if (path.equals("/api") || path.startsWith("/api/") || path.equals(MetricsRoutes.PATH)) {
      return super.handle(request, response, callback);
    }
    HttpMeters.route(request, "dashboard");
    var headers = response.getHeaders();
    headers.put("Content-Security-Policy", CSP);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      headers.put("Allow", "GET, HEAD");
      plain(response, callback, 405, "method not allowed\n");
      return true;
    }
    Asset asset = find(path.equals("/") ? "/index.html" : path);
    if (asset == null) {
      headers.put("Cache-Control", "no-store");
      plain(response, callback, 404, "not found\n");
      return true;
    }
    headers.put("Cache-Control", "no-cache");
    headers.put("ETag", asset.etag());
    String match = request.getHeaders().get("If-None-Match");
    if (asset.etag().equals(match)) {
      response.setStatus(304);
      callback.succeeded();
      return true;
    }
    response.setStatus(200);
    headers.put("Content-Type", asset.type());
    headers.put("Content-Length", asset.bytes().length);
    if (method.equals("HEAD")) {
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(asset.bytes()), callback);
    }
    return true;
  }

  private static void plain(Response response, Callback callback, int status, String text) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
    Content.Sink.write(response, true, text, callback);
  }

  /** The asset at a request path, or null when the name is not a safe one or does not exist. */
  @Nullable Asset find(String path) {
    Matcher m = SAFE.matcher(path);
    if (!m.matches()) {
      return null;
    }
    String type = TYPES.get(m.group(1));
    if (type == null) {
      return null;
    }
    Asset cached = assets.get(path);
    if (cached != null) {
      return cached;
    }
    byte[] bytes = read(ROOT + path);
    if (bytes == null) {
      return null;
    }
    Asset a = new Asset(bytes, type, etag(bytes));
    assets.put(path, a);
    return a;
  }

  private static byte @Nullable [] read(String resource) {
    ClassLoader loader = DashboardHandler.class.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the dashboard asset " + resource, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
