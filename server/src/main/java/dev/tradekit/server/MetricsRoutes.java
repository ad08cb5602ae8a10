package dev.tradekit.server;

import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Reply;
import dev.tradekit.server.Http.Route;
import java.util.List;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the Prometheus scrape: {@code GET /metrics} on the API port for admins (Bearer or cookie),
 * and, when the builder set a metrics port, the same document without authentication on that
 * loopback-only port ({@link PortHandler}), which serves nothing else.
 */
final class MetricsRoutes {
  static final String PATH = "/metrics";

  /** The Prometheus text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4";

  private final Metrics metrics;

  MetricsRoutes(Metrics metrics) {
    this.metrics = metrics;
  }

  List<Route> routes() {
    return List.of(Route.of("GET", PATH, Access.ADMIN, c -> Reply.text(CONTENT_TYPE, scrape())));
  }

  private String scrape() {
    String text = metrics.scrape();
    if (text == null) {
      throw ApiException.notFound(
          "metrics: the control plane's meter registry is not a Prometheus registry");
    }
    return text;
  }

  /**
   * In front of the API: a request that came in on the metrics connector gets the scrape ({@code
   * GET /metrics}) or 404; every other request goes on to the API and the dashboard.
   */
  static final class PortHandler extends Handler.Wrapper {
    private final Connector connector;
    private final MetricsRoutes routes;

    PortHandler(Connector connector, MetricsRoutes routes, Handler next) {
      super(next);
      this.connector = connector;
      this.routes = routes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (request.getConnectionMetaData().getConnector() != connector) {
        return super.handle(request, response, callback);
      }
      response.getHeaders().put("X-Content-Type-Options", "nosniff");
      response.getHeaders().put("Cache-Control", "no-store");
      String path = Request.getPathInContext(request);
      if (!path.equals(PATH)) {
        HttpMeters.route(request, "none");
        response.setStatus(404);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        Content.Sink.write(response, true, "only GET " + PATH + " is served here\n", callback);
        return true;
      }
      HttpMeters.route(request, PATH);
      if (!request.getMethod().equals("GET")) {
        response.setStatus(405);
        response.getHeaders().put("Allow", "GET");
        callback.succeeded();
        return true;
      }
      String text = routes.metrics.scrape();
      if (text == null) {
        response.setStatus(404);
        callback.succeeded();
        return true;
      }
      response.setStatus(200);
      response.getHeaders().put("Content-Type", CONTENT_TYPE + "; charset=utf-8");
      Content.Sink.write(response, true, text, callback);
      return true;
    }
  }
}
