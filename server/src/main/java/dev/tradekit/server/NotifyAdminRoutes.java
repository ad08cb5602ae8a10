package dev.tradekit.server;

import dev.tradekit.notify.EmailChannel;
import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's notification settings, for admins: the Telegram bot token and the SMTP server.
 * Secrets (the token, the SMTP password) go to the vault and are never returned: a GET answers
 * {@code hasToken} / {@code hasPassword} instead.
 */
final class NotifyAdminRoutes {
  private static final String BASE = "/api/admin/notifications/";
  static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]");

  private final Api api;
  private final NotifySettings settings;

  NotifyAdminRoutes(Api api, NotifySettings settings) {
    this.api = api;
    this.settings = settings;
  }

  List<Http.Route> routes() {
    return List.of(
        Http.Route.of("GET", BASE + "telegram", Access.ADMIN, c -> get(NotifySettings.TELEGRAM)),
        Http.Route.of("PUT", BASE + "telegram", Access.ADMIN, this::putTelegram),
        Http.Route.of("DELETE", BASE + "telegram", Access.ADMIN, c -> delete(c, "telegram")),
        Http.Route.of("GET", BASE + "email", Access.ADMIN, c -> get(NotifySettings.SMTP)),
        Http.Route.of("PUT", BASE + "email", Access.ADMIN, this::putEmail),
        Http.Route.of("DELETE", BASE + "email", Access.ADMIN, c -> delete(c, "email")));
  }

  private Reply get(String kind) {
    return Reply.ok(settings.describe(kind));
  }

  private Reply putTelegram(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("token");
    String token = f.string("token", 200);
    if (!TOKEN.matcher(token).matches()) {
      throw ApiException.invalid(
          f.path("token"), "must be a Telegram bot token as @BotFather gives it (<digits>:<key>)");
    }
    settings.put(NotifySettings.TELEGRAM, Map.of("token", token));
    api.audit(c, "notify.settings.put", "telegram", "ok");
    return Reply.ok(settings.describe(NotifySettings.TELEGRAM));
  }

  private Reply putEmail(Call c) {
    Fields f =
        Fields.of(Json.readObject(c.body()))
            .only("host", "port", "security", "username", "password", "from");
    String host = f.string("host", 253);
    if (!HOST.matcher(host).matches()) {
      throw ApiException.invalid(f.path("host"), "must be a host name or an IP address");
    }
    int port = f.integer("port", 1, 65_535);
    String security =
        f.has("security")
            ? f.oneOf(
                "security",
                Arrays.stream(EmailChannel.Security.values())
                    .map(Enum::name)
                    .toArray(String[]::new))
            : EmailChannel.Security.STARTTLS.name();
    String from = f.string("from", 254);
    if (!NotifyRoutes.EMAIL.matcher(from).matches()) {
      throw ApiException.invalid(f.path("from"), "must be an email address");
    }
    String username = f.optString("username", 254);
    String password = f.optString("password", 500);
    if ((username == null) != (password == null)) {
      throw ApiException.invalid(
          f.path(username == null ? "username" : "password"),
          "must be given together with " + (username == null ? "password" : "username"));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("host", host);
    fields.put("port", Integer.toString(port));
    fields.put("security", security);
    fields.put("from", from);
    if (username != null && password != null) {
      fields.put("username", username);
      fields.put("password", password);
    }
    settings.put(NotifySettings.SMTP, fields);
    api.audit(c, "notify.settings.put", "email " + host + ":" + port, "ok");
    return Reply.ok(settings.describe(NotifySettings.SMTP));
  }

  private Reply delete(Call c, String which) {
    String kind = which.equals("telegram") ? NotifySettings.TELEGRAM : NotifySettings.SMTP;
    if (!settings.delete(kind)) {
      throw ApiException.notFound("notification settings " + which);
    }
    api.audit(c, "notify.settings.delete", which, "ok");
    return Reply.noContent();
  }
}
