package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import dev.tradekit.server.Http.Route;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty core handler in front of {@link Api}: CORS for configured origins only, the request
 * size limit (413), authentication (Bearer or cookie + CSRF header), roles, problem bodies for
 * every error, and the event-stream loop.
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final long KEEP_ALIVE_MILLIS = 15_000;

  private final Api api;
  private final int maxBytes;
  private final Set<String> origins;

  /** The policy of an HTML document served by the API (a backtest report). */
  static final String REPORT_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none';"
          + " base-uri 'none'; form-action 'none'; sandbox";

  ApiHandler(Api api, int maxBytes, List<String> origins) {
    this.api = api;
    this.maxBytes = maxBytes;
    this.origins = Set.copyOf(origins);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Cache-Control", "no-store");
    response.getHeaders().put("X-Frame-Options", "DENY");
    try {
      String origin = request.getHeaders().get("Origin");
      if (origin != null && origins.contains(origin)) {
        response.getHeaders().put("Access-Control-Allow-Origin", origin);
        response.getHeaders().put("Access-Control-Allow-Credentials", "true");
        response.getHeaders().put("Vary", "Origin");
      }
      if (method.equals("OPTIONS")) {
        if (origin == null || !origins.contains(origin)) {
          throw ApiException.forbidden("cross-origin requests from this origin are not allowed");
        }
        response.getHeaders().put("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
        response
            .getHeaders()
            .put("Access-Control-Allow-Headers", "Authorization, Content-Type, " + CSRF_HEADER);
        response.getHeaders().put("Access-Control-Max-Age", "600");
        response.setStatus(204);
        callback.succeeded();
        return true;
      }
      Route route = null;
      Map<String, String> params = null;
      Set<String> allowed = new TreeSet<>();
      for (Route r : api.routes()) {
        Map<String, String> m = r.match(path);
        if (m != null) {
          allowed.add(r.method());
          if (r.method().equals(method)) {
            route = r;
            params = m;
          }
        }
      }
      if (route != null) {
        HttpMeters.route(request, route.template());
      }
      if (route == null || params == null) {
        if (!allowed.isEmpty()) {
          throw new ApiException(
                  405,
                  "method-not-allowed",
                  "Method not allowed",
                  method + " is not allowed on " + path + "; allowed: " + allowed,
                  null)
              .header("Allow", String.join(", ", allowed));
        }
        throw ApiException.notFound("route " + path);
      }
      String body = readBody(request);
      Map<String, String> cookies = cookies(request);
      String authorization = request.getHeaders().get("Authorization");
      Tokens.Principal principal = null;
      boolean viaCookie = false;
      if (authorization != null) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
          throw ApiException.unauthorized("use Authorization: Bearer <access token>");
        }
        principal = api.tokens().verify(authorization.substring(7).trim());
      } else if (cookies.containsKey(Api.ACCESS_COOKIE) && route.access() != Access.OPEN) {
        principal = api.tokens().verify(cookies.get(Api.ACCESS_COOKIE));
        viaCookie = true;
      }
      boolean mutating = !method.equals("GET") && !method.equals("HEAD");
      boolean refreshByCookie =
          (path.equals("/api/auth/refresh") || path.equals("/api/auth/logout"))
              && cookies.containsKey(Api.REFRESH_COOKIE);
      if (mutating && authorization == null) {
        String sent = request.getHeaders().get(CSRF_HEADER);
        String expected =
            viaCookie && principal != null
                ? principal.csrf()
                : (refreshByCookie ? cookies.get(Api.CSRF_COOKIE) : null);
        if ((viaCookie || refreshByCookie)
            && (sent == null
                || expected == null
                || !MessageDigest.isEqual(
                    sent.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8)))) {
          throw new ApiException(
              403,
              "csrf",
              "CSRF token missing or wrong",
              "a cookie-authenticated "
                  + method
                  + " needs the "
                  + CSRF_HEADER
                  + " header carrying the csrfToken from sign-in",
              null);
        }
      }
      if (route.access() != Access.OPEN) {
        if (principal == null) {
          throw ApiException.unauthorized("sign in: send Authorization: Bearer <access token>");
        }
        if (!api.userExists(principal.userId())) {
          throw ApiException.unauthorized("the user of this token no longer exists");
        }
        String role = principal.role();
        if (route.access() == Access.WRITE && role.equals("viewer")) {
          throw ApiException.forbidden("the viewer role is read-only");
        }
        if (route.access() == Access.ADMIN && !role.equals("admin")) {
          throw ApiException.forbidden("only an admin may do this");
        }
      }
      Call call =
          new Call(
              method,
              path,
              params,
              query(request),
              cookies,
              body,
              address(request),
              request.getHeaders().get("Last-Event-ID"),
              principal,
              request.getHeaders().get("Accept"));
      Reply reply = route.handler().handle(call);
      if (reply.stream != null) {
        stream(request, response, callback, reply);
        return true;
      }
      send(response, callback, reply);
    } catch (ApiException e) {
      problem(response, callback, e, path);
    } catch (RuntimeException e) {
      LOG.error("control plane: {} {} failed", method, path, e);
      problem(
          response,
          callback,
          new ApiException(
              500, "internal", "Internal error", "the server failed; see its log", null),
          path);
    }
    return true;
  }

  private String readBody(Request request) {
    long declared = request.getLength();
    if (declared > maxBytes) {
      throw tooLarge();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ApiException.badRequest(
          "unreadable-body", "Unreadable body", "the body could not be read", null);
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413,
        "too-large",
        "Request too large",
        "the body must be at most " + maxBytes + " bytes",
        null);
  }

  private static Map<String, String> cookies(Request request) {
    Map<String, String> out = new HashMap<>();
    List<HttpCookie> list = Request.getCookies(request);
    for (HttpCookie c : list) {
      out.put(c.getName(), c.getValue());
    }
    return out;
  }

  private static Map<String, String> query(Request request) {
    Map<String, String> out = new HashMap<>();
    String q = request.getHttpURI().getQuery();
    if (q == null || q.isEmpty()) {
      return out;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String address(Request request) {
    String a = Request.getRemoteAddr(request);
    return a == null ? "-" : a;
  }

  private static void send(Response response, Callback callback, Reply reply) {
    response.setStatus(reply.status);
    for (String c : reply.cookies) {
      response.getHeaders().add("Set-Cookie", c);
    }
    if (reply.body == null) {
      callback.succeeded();
      return;
    }
    String text =
        reply.body instanceof String s
                && (reply.raw() || !reply.contentType.equals("application/json"))
            ? s
            : Json.write(reply.body);
    if (reply.contentType.equals("text/html")) {
      // a stored report: inline styles and SVG only, never a script, never framed
      response.getHeaders().put("Content-Security-Policy", REPORT_CSP);
    }
    response.getHeaders().put("Content-Type", reply.contentType + "; charset=utf-8");
    Content.Sink.write(response, true, text, callback);
  }

  private static void problem(Response response, Callback callback, ApiException e, String path) {
    response.setStatus(e.status);
    e.headers.forEach((k, v) -> response.getHeaders().put(k, v));
    response.getHeaders().put("Content-Type", "application/problem+json; charset=utf-8");
    Content.Sink.write(response, true, Json.write(e.body(path)), callback);
  }

  private void stream(Request request, Response response, Callback callback, Reply reply) {
    EventHub.Subscriber s = reply.stream;
    if (s == null) {
      throw new IllegalStateException("not a stream");
    }
    response.setStatus(200);
    response.getHeaders().put("Content-Type", "text/event-stream; charset=utf-8");
    response.getHeaders().put("X-Accel-Buffering", "no");
    s.onDrop =
        () -> {
          try {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
          } catch (RuntimeException e) {
            LOG.debug("closing a dropped event stream: {}", e.toString());
          }
        };
    if (s.dropped) {
      callback.succeeded();
      api.hub().unsubscribe(s);
      return;
    }
    OutputStream out = Content.Sink.asOutputStream(response);
    long lastId = 0;
    try {
      out.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
      for (Store.Event e : reply.replay) {
        write(out, e);
        lastId = e.id();
      }
      out.flush();
      long idle = 0;
      while (!s.dropped) {
        Store.Event e = s.poll(1000);
        if (e == null) {
          idle += 1000;
          if (idle >= KEEP_ALIVE_MILLIS) {
            out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            idle = 0;
          }
          continue;
        }
        idle = 0;
        if (e.id() > lastId) {
          write(out, e);
          lastId = e.id();
          out.flush();
        }
      }
      callback.failed(new IOException("event stream dropped"));
    } catch (IOException e) {
      callback.failed(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callback.failed(e);
    } finally {
      api.hub().unsubscribe(s);
    }
  }

  private static void write(OutputStream out, Store.Event e) throws IOException {
    String frame = "id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + e.dataJson() + "\n\n";
    out.write(frame.getBytes(StandardCharsets.UTF_8));
  }
}
