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
import java.util.regex.Pattern;

/**
 * The routes of a user's notification settings: one entry per channel ({@code telegram}: a chat id,
 * {@code email}: an address, {@code webhook}: a URL and its signing secret, kept in the vault and
 * never returned) with its event kinds, minimum severity, silent flag and quiet hours, whether the
 * receiver switched it off, a test message, and the dead letters with retry.
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
    r.add(
        Http.Route.of("POST", "/api/notifications/dead-letters/retry", Access.WRITE, this::retry));
    return r;
  }

  private Map<String, Object> json(Store.NotifyChannel c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", c.channel());
    m.put("address", c.address());
    m.put("kinds", Arrays.stream(c.kinds().split(",")).filter(k -> !k.isBlank()).toList());
    m.put("minSeverity", c.minSeverity());
    m.put("silent", c.silent());
    m.put("quietHours", c.quietHours());
    m.put("disabled", notifications.disabledReason(c.userId(), c.channel()));
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
        Map.of("items", store.notifyChannels(c.who().userId()).stream().map(this::json).toList()));
  }

  private Reply put(Call c) {
    String channel = channel(c);
    String user = c.who().userId();
    Fields f =
        Fields.of(Json.readObject(c.body()))
            .only("address", "kinds", "minSeverity", "silent", "secret", "quietHours");
    String address = f.string("address", 2000);
    String where = address(f, channel, address);
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
    String quiet = f.optString("quietHours", 100);
    if (quiet != null) {
      try {
        Notifications.quietHours(quiet);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(f.path("quietHours"), String.valueOf(e.getMessage()));
      }
    }
    if (f.has("secret") && !channel.equals("webhook")) {
      throw ApiException.invalid(f.path("secret"), "is only for webhooks; leave it out");
    }
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
    if (secretId == null && channel.equals("webhook")) {
      throw ApiException.invalid(f.path("secret"), "is required for a new " + channel);
    }
    Store.NotifyChannel saved =
        new Store.NotifyChannel(
            user,
            channel,
            address,
            String.join(",", kinds),
            severity,
            silent,
            secretId,
            quiet,
            api.now());
    store.putNotifyChannel(saved);
    notifications.enable(user, channel); // saving the settings again switches a refused one on
    existing
        .map(Store.NotifyChannel::secretId)
        .filter(old -> !old.equals(saved.secretId()))
        .ifPresent(store::deleteKey);
    api.audit(c, "notify.channel.put", "channel " + channel + " " + where, "ok");
    return Reply.ok(json(saved));
  }

  private static final Pattern CHAT_ID = Pattern.compile("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}");

  /** An email address (also one at a dotless host such as {@code localhost}). */
  static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

  /** Validates the address for the channel; returns what the audit log may show of it. */
  private static String address(Fields f, String channel, String address) {
    switch (channel) {
      case "telegram" -> {
        if (!CHAT_ID.matcher(address).matches()) {
          throw ApiException.invalid(
              f.path("address"),
              "must be a Telegram chat id (digits, negative for groups) or @channelname");
        }
        return "chat";
      }
      case "email" -> {
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
          throw ApiException.invalid(f.path("address"), "must be an email address");
        }
        return address.substring(address.indexOf('@') + 1);
      }
      default -> {
        URI uri;
        try {
          uri = URI.create(address);
        } catch (IllegalArgumentException e) {
          throw ApiException.invalid(f.path("address"), "must be an http or https URL");
        }
        String host = uri.getHost();
        if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
          throw ApiException.invalid(f.path("address"), "must be an http or https URL");
        }
        return host;
      }
    }
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

  private Reply retry(Call c) {
    Fields f = Fields.of(Json.readObject(c.body())).only("deliveryId");
    String id = f.string("deliveryId", 1000);
    notifications.retryDeadLetter(c.admin() ? null : c.who().userId(), id);
    api.audit(c, "notify.dead-letter.retry", "delivery " + id, "ok");
    return Reply.ok(Map.of("queued", true));
  }

  private Reply dead(Call c) {
    return Reply.ok(
        Map.of("items", notifications.deadLetters(c.admin() ? null : c.who().userId())));
  }
}
