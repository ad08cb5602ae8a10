package dev.tradekit.testkit;

import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * WebSocket paths: 2026 {@code /public/stream?streams=}, {@code /market/stream?streams=}, {@code
 * /private/ws?listenKey=}, and legacy {@code /stream?streams=} and {@code /ws/<stream or key>}.
 */
final class WsRoutes {
  private WsRoutes() {}

  static void map(ServerWebSocketContainer c, MarketStreamHub market, UserStreamHub users) {
    for (String path : List.of("/stream", "/public/stream", "/market/stream")) {
      c.addMapping(path, (req, resp, cb) -> market.open(false, streams(req)));
    }
    c.addMapping(
        "/private/ws",
        (req, resp, cb) -> {
          String key = param(req, "listenKey");
          if (key == null || !users.isKey(key)) {
            resp.setStatus(400);
            cb.succeeded();
            return null;
          }
          return users.open(key);
        });
    c.addMapping(
        "/ws/*",
        (req, resp, cb) -> {
          String path = req.getHttpURI().getPath();
          String name = path.substring(path.lastIndexOf('/') + 1);
          return users.isKey(name) ? users.open(name) : market.open(true, List.of(name));
        });
  }

  private static List<String> streams(ServerUpgradeRequest req) {
    String s = param(req, "streams");
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("/"));
  }

  private static @org.jspecify.annotations.Nullable String param(
      ServerUpgradeRequest req, String name) {
    return org.eclipse.jetty.server.Request.extractQueryParameters(req).getValue(name);
  }
}
