package dev.tradekit.samples.feed;

import dev.tradekit.scanner.FeedTier;
import dev.tradekit.scanner.ScannerFeed;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * Serves a scanner's {@link ScannerFeed} over WebSockets (Jetty, the server testkit uses). The tier
 * is chosen at the handshake by the path, and its credential checked there: {@code /feed/public}
 * needs none, {@code /feed/vip} a VIP key and {@code /feed/private} a private token, given as
 * {@code Authorization: Bearer <credential>} (or {@code ?token=<credential>} for browsers, which
 * cannot set headers on a WebSocket). A refused credential gets HTTP 401 and no connection. Each
 * text frame is one {@link dev.tradekit.scanner.OrderUpdate#toJson()} document.
 *
 * <pre>{@code
 * try (ScannerFeedServer server = ScannerFeedServer.start(scanner.feed(), "127.0.0.1", 8090)) {
 *   System.out.println("public feed on " + server.url(FeedTier.PUBLIC));
 * }
 * }</pre>
 */
public final class ScannerFeedServer implements AutoCloseable {
  /**
   * Frames a client may have in flight before the feed holds (and, if full, drops) its messages.
   */
  static final int MAX_IN_FLIGHT = 256;

  private final Server server;
  private final String host;
  private final int port;

  private ScannerFeedServer(Server server, String host, int port) {
    this.server = server;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts the server.
   *
   * @param feed the scanner's feed
   * @param host the address to listen on ({@code 127.0.0.1} for this machine only)
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @throws IllegalStateException if the server cannot listen there (e.g. the port is taken)
   */
  public static ScannerFeedServer start(ScannerFeed feed, String host, int port) {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535, was " + port);
    }
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            context,
            c -> {
              for (FeedTier tier : FeedTier.values()) {
                c.addMapping(
                    "/feed/" + tier.name().toLowerCase(Locale.ROOT),
                    (req, resp, cb) -> open(feed, tier, req, resp, cb));
              }
            });
    context.setHandler(ws);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // the start failure is what matters
      }
      throw new IllegalStateException(
          "the scanner feed server cannot listen on " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
    return new ScannerFeedServer(server, host, connector.getLocalPort());
  }

  private static @Nullable FeedSocket open(
      ScannerFeed feed,
      FeedTier tier,
      ServerUpgradeRequest req,
      ServerUpgradeResponse resp,
      org.eclipse.jetty.util.Callback cb) {
    FeedSocket socket = new FeedSocket(MAX_IN_FLIGHT);
    try {
      socket.attach(feed.subscribe(tier, credential(req), socket));
      return socket;
    } catch (SecurityException e) {
      resp.setStatus(401);
      cb.succeeded();
      return null;
    }
  }

  /** The bearer token of the Authorization header, else the {@code token} query parameter. */
  static String credential(ServerUpgradeRequest req) {
    String auth = req.getHeaders().get("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7).trim();
    }
    String token = Request.extractQueryParameters(req).getValue("token");
    return token == null ? "" : token;
  }

  /** The port listened on. */
  public int port() {
    return port;
  }

  /** {@code ws://<host>:<port>/feed/<tier>}. */
  public String url(FeedTier tier) {
    return "ws://" + host + ":" + port + "/feed/" + tier.name().toLowerCase(Locale.ROOT);
  }

  /** Closes every connection (their subscriptions end) and stops listening. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the scanner feed server failed", e);
    }
  }
}
