package dev.tradekit.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The HTTP-neutral shapes of the API: routes, calls and replies. */
final class Http {
  private Http() {}

  /** Who may call a route. */
  enum Access {
    /** No authentication. */
    OPEN,
    /** Any signed-in user, viewers included. */
    READ,
    /** Traders and admins. */
    WRITE,
    /** Admins only. */
    ADMIN
  }

  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  record Route(String method, String template, Access access, Handler handler, Pattern pattern) {
    static Route of(String method, String template, Access access, Handler handler) {
      String regex = template.replaceAll("\\{[a-zA-Z]+}", "([^/]+)").replace(".", "\\.");
      return new Route(method, template, access, handler, Pattern.compile(regex));
    }

    @Nullable Map<String, String> match(String path) {
      Matcher m = pattern.matcher(path);
      if (!m.matches()) {
        return null;
      }
      Map<String, String> params = new java.util.HashMap<>();
      Matcher names = Pattern.compile("\\{([a-zA-Z]+)}").matcher(template);
      int i = 1;
      while (names.find()) {
        params.put(names.group(1), m.group(i++));
      }
      return params;
    }
  }

  record Call(
      String method,
      String path,
      Map<String, String> params,
      Map<String, String> query,
      Map<String, String> cookies,
      String body,
      String address,
      @Nullable String lastEventId,
      Tokens.@Nullable Principal principal,
      @Nullable String accept) {

    /** True when the caller asks for CSV: {@code ?format=csv} or {@code Accept: text/csv}. */
    boolean wantsCsv() {
      return "csv".equals(query.get("format")) || (accept != null && accept.contains("text/csv"));
    }

    Tokens.Principal who() {
      if (principal == null) {
        throw ApiException.unauthorized("sign in first");
      }
      return principal;
    }

    boolean admin() {
      return principal != null && principal.role().equals("admin");
    }

    String param(String name) {
      String v = params.get(name);
      if (v == null) {
        throw ApiException.notFound(name);
      }
      return v;
    }
  }

  static final class Reply {
    final int status;
    final @Nullable Object body;
    final String contentType;
    final List<String> cookies = new ArrayList<>();
    final EventHub.@Nullable Subscriber stream;
    final List<Store.Event> replay;
    private boolean raw;

    private Reply(
        int status,
        @Nullable Object body,
        String contentType,
        EventHub.@Nullable Subscriber stream,
        List<Store.Event> replay) {
      this.status = status;
      this.body = body;
      this.contentType = contentType;
      this.stream = stream;
      this.replay = replay;
    }

    static Reply json(int status, @Nullable Object body) {
      return new Reply(status, body, "application/json", null, List.of());
    }

    static Reply ok(Object body) {
      return json(200, body);
    }

    static Reply noContent() {
      return json(204, null);
    }

    static Reply text(String contentType, String body) {
      return new Reply(200, body, contentType, null, List.of());
    }

    /** A JSON body already written (e.g. a stored backtest result), sent as it is. */
    static Reply rawJson(int status, String json) {
      Reply r = new Reply(status, json, "application/json", null, List.of());
      r.raw = true;
      return r;
    }

    boolean raw() {
      return raw;
    }

    static Reply events(EventHub.Subscriber subscriber, List<Store.Event> replay) {
      return new Reply(200, null, "text/event-stream", subscriber, replay);
    }

    Reply cookie(String setCookie) {
      cookies.add(setCookie);
      return this;
    }
  }
}
