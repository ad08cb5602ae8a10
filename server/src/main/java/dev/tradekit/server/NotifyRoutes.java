package dev.tradekit.server;

import dev.tradekit.notify.EventKind;
import dev.tradekit.notify.Severity;
import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of a user's notification settings: one entry per channel (address, event kinds,
 * minimum severity, silent), the channel's secret kept in the vault and never returned, a test
 * message, and the dead letters.
 */
final class NotifyRoutes {
  private final Api api;
  private final Store store;
  private final Vault vault;
  private final Notifications notifications;

  NotifyRoutes(Api api, Store store, Vault vault, Notifications notifications) {
    this.api = api;
    this.store = store;
    this.vault = vault;
    this.notifications = notifications;
  }

  List<Http.Route> routes() {
    List<Http.Route> r = new ArrayList<>();
    String ch = "/api/notifications/channels";
    r.add(Http.Route.of("GET", ch, Access.READ, this::list));
    r.add(Http.Route.of("PUT", ch + "/{channel}", Access.WRITE, this::put));
    r.add(Http.Route.of("DELETE", ch + "/{channel}", Access.WRITE, this::delete));
    r.add(Http.Route.of("POST", ch + "/{channel}/test", Access.WRITE, this::test));
    r.add(Http.Route.of("GET", "/api/notifications/dead-letters", Access.READ, this::dead));
    return r;
  }

  private static Map<String, Object> json(Store.NotifyChannel c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", c.channel());
    m.put("address", c.address());
    m.put("kinds", Arrays.stream(c.kinds().split(",")).filter(k -> !k.isBlank()).toList());
    m.put("minSeverity", c.minSeverity());
    m.put("silent", c.silent());
    m.put("hasSecret", c.secretId() != null);
    m.put("updatedAt", c.updatedAt());
    return m;
  }

  private static String channel(Call c) {
    String ch = c.param("channel");
    if (!Notifications.CHANNELS.contains(ch)) {
      throw ApiException.notFound("notification channel " + ch);
    }
    return ch;
  }

  private Reply list(Call c) {
    return Reply.ok(
        Map.of(
            "items",
            store.notifyChannels(c.who().userId()).stream().map(NotifyRoutes::json).toList()));
  }

  private Reply put(Call c) {
    String channel = channel(c);
    String user = c.who().userId();
    Fields f =
        Fields.of(Json.readObject(c.body()))
            .only("address", "kinds", "minSeverity", "silent", "secret");
    String address = f.string("address", 2000);
    URI uri;
    try {
      uri = URI.create(address);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(f.path("address"), "must be an http or https URL");
    }
    if (uri.getHost() == null
        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw ApiException.invalid(f.path("address"), "must be an http or https URL");
    }
    List<String> kinds = new ArrayList<>();
    Object raw = f.raw("kinds");
    if (!(raw instanceof List<?> l) || l.isEmpty()) {
      throw ApiException.invalid(f.path("kinds"), "must be a non-empty list of event kinds");
    }
    for (Object k : l) {
      try {
        kinds.add(EventKind.fromWireName(String.valueOf(k)).wireName());
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(
            f.path("kinds"),
            "must hold event kinds such as bot.stopped; "
                + String.valueOf(k).replaceAll("[^a-z.\\-]", "")
                + " is not one");
      }
    }
    String severity =
        f.has("minSeverity")
            ? f.oneOf(
                "minSeverity",
                Arrays.stream(Severity.values()).map(Enum::name).toArray(String[]::new))
            : "INFO";
    boolean silent = f.has("silent") && f.bool("silent");
    var existing = store.notifyChannel(user, channel);
    String secretId = existing.map(Store.NotifyChannel::secretId).orElse(null);
    if (f.has("secret")) {
      String secret = f.string("secret", 200);
      if (!validWebhookSecret(secret)) {
        throw ApiException.invalid(
            f.path("secret"), "must be whsec_ followed by base64 of 24 to 64 random bytes");
      }
      secretId = vault.put(user, "notify." + channel, channel, Map.of("secret", secret));
    }
    if (secretId == null) {
      throw ApiException.invalid(f.path("secret"), "is required for a new " + channel);
    }
    Store.NotifyChannel saved =
        new Store.NotifyChannel(
            user, channel, address, String.join(",", kinds), severity, silent, secretId, api.now());
    store.putNotifyChannel(saved);
    existing
        .map(Store.NotifyChannel::secretId)
        .filter(old -> !old.equals(saved.secretId()))
        .ifPresent(store::deleteKey);
    api.audit(c, "notify.channel.put", "channel " + channel + " " + uri.getHost(), "ok");
    return Reply.ok(json(saved));
  }

  private static boolean validWebhookSecret(String secret) {
    if (!secret.startsWith("whsec_")) {
      return false;
    }
    try {
      int n = Base64.getDecoder().decode(secret.substring(6)).length;
      return n >= 24 && n <= 64;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Reply delete(Call c) {
    String channel = channel(c);
    String user = c.who().userId();
    Store.NotifyChannel existing =
        store
            .notifyChannel(user, channel)
            .orElseThrow(() -> ApiException.notFound("notification channel " + channel));
    store.deleteNotifyChannel(user, channel);
    String secretId = existing.secretId();
    if (secretId != null) {
      store.deleteKey(secretId);
    }
    api.audit(c, "notify.channel.delete", "channel " + channel, "ok");
    return Reply.noContent();
  }

  private Reply test(Call c) {
    String channel = channel(c);
    String failure = notifications.test(c.who().userId(), channel);
    api.audit(
        c, "notify.test", "channel " + channel, failure == null ? "ok" : "failed: " + failure);
    if (failure != null) {
      throw new ApiException(
          502,
          "notify-failed",
          "Notification failed",
          "the " + channel + " test was not delivered: " + failure,
          null);
    }
    return Reply.ok(Map.of("delivered", true));
  }

  private Reply dead(Call c) {
    return Reply.ok(
        Map.of("items", notifications.deadLetters(c.admin() ? null : c.who().userId())));
  }
}
