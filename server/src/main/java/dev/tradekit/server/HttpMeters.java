package dev.tradekit.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.jetty12.server.TimedHandler;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/**
 * Times every request ({@code jetty.server.requests}, plus Jetty's open-request timers) by method,
 * route template, status and outcome. The route is the template the API matched (e.g. {@code
 * /api/bots/{id}/status}), never the raw path, so ids and tokens stay out of the tags: {@code
 * dashboard} for the dashboard's assets, {@code /metrics} for a scrape, {@code none} when no route
 * matched.
 */
final class HttpMeters extends TimedHandler {
  /** The request attribute a handler sets to the template of the route it serves. */
  static final String ROUTE = "dev.tradekit.server.route";

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  HttpMeters(MeterRegistry registry, Handler next) {
    super(registry, Tags.empty(), HttpMeters::tags);
    setHandler(next);
  }

  /** Marks the route template a request is served by. */
  static void route(Request request, String template) {
    request.setAttribute(ROUTE, template);
  }

  private static Iterable<Tag> tags(Request request) {
    String method = request.getMethod();
    Object route = request.getAttribute(ROUTE);
    Object status = request.getAttribute(RESPONSE_STATUS_ATTRIBUTE);
    int code = status instanceof Integer i ? i : 0;
    return Tags.of(
        Tag.of("method", METHODS.contains(method) ? method : "OTHER"),
        Tag.of("uri", route instanceof String s ? s : "none"),
        Tag.of("status", code == 0 ? "UNKNOWN" : Integer.toString(code)),
        Tag.of("outcome", outcome(code)));
  }

  private static String outcome(int code) {
    if (code >= 500) {
      return "SERVER_ERROR";
    }
    if (code >= 400) {
      return "CLIENT_ERROR";
    }
    if (code >= 300) {
      return "REDIRECTION";
    }
    if (code >= 200) {
      return "SUCCESS";
    }
    return code >= 100 ? "INFORMATIONAL" : "UNKNOWN";
  }
}
