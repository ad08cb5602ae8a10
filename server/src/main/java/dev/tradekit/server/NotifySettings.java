package dev.tradekit.server;

import dev.tradekit.notify.Channel;
import dev.tradekit.notify.Delivery;
import dev.tradekit.notify.DeliveryResult;
import dev.tradekit.notify.EmailChannel;
import dev.tradekit.notify.SecretSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The operator's notification settings: the Telegram bot token and the SMTP server (host, port,
 * security, login, password, sender). Each lives in one vault record of the reserved owner {@value
 * #OPERATOR} (all fields sealed; a newer record replaces the older), so secrets are never in a
 * store row, a log line or an API answer; {@link #describe(String)} drops them.
 */
final class NotifySettings {
  /** The vault owner of the operator's records; never a user id ({@code usr_...}). */
  static final String OPERATOR = "_operator";

  static final String TELEGRAM = "notify.telegram";
  static final String SMTP = "notify.smtp";

  /** Fields that are secrets: never returned. */
  private static final Map<String, String> SECRET_FIELDS =
      Map.of(TELEGRAM, "token", SMTP, "password");

  private final Store store;
  private final Vault vault;
  private @Nullable EmailCache email;

  private record EmailCache(String recordId, EmailChannel channel) {}

  NotifySettings(Store store, Vault vault) {
    this.store = store;
    this.vault = vault;
  }

  private Optional<Store.KeyRecord> record(String kind) {
    return store.keys(OPERATOR).stream()
        .filter(k -> k.exchange().equals(kind))
        .max(
            Comparator.comparingLong(Store.KeyRecord::createdAt)
                .thenComparing(Store.KeyRecord::id));
  }

  /** The settings of {@code kind} with their secrets, or empty if the operator set none. */
  Optional<Map<String, String>> read(String kind) {
    return record(kind).map(vault::unseal);
  }

  /** Replaces the settings of {@code kind} ({@link #TELEGRAM} or {@link #SMTP}). */
  synchronized void put(String kind, Map<String, String> fields) {
    Optional<Store.KeyRecord> old = record(kind);
    vault.put(OPERATOR, kind, kind, fields);
    old.ifPresent(k -> store.deleteKey(k.id()));
  }

  /** Removes the settings of {@code kind}; false if there were none. */
  synchronized boolean delete(String kind) {
    boolean any = false;
    for (Store.KeyRecord k : store.keys(OPERATOR)) {
      if (k.exchange().equals(kind)) {
        any |= store.deleteKey(k.id());
      }
    }
    return any;
  }

  private static String field(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null) {
      throw new IllegalStateException("the SMTP settings lack " + name + "; set them again");
    }
    return v;
  }

  /** The settings for the API: every field but the secret, and whether the secret is set. */
  Map<String, Object> describe(String kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    Optional<Map<String, String>> fields = read(kind);
    m.put("configured", fields.isPresent());
    String secret = SECRET_FIELDS.getOrDefault(kind, "secret");
    fields.ifPresent(
        f -> {
          f.forEach(
              (k, v) -> {
                if (!k.equals(secret)) {
                  m.put(k, k.equals("port") ? Integer.parseInt(v) : v);
                }
              });
          m.put(
              "has" + Character.toUpperCase(secret.charAt(0)) + secret.substring(1),
              f.containsKey(secret));
        });
    return m;
  }

  /** The Telegram bot token and the SMTP password, by the names the channels ask for. */
  SecretSource secrets() {
    return name -> {
      String value =
          switch (name) {
            case "telegram.token" -> read(TELEGRAM).map(f -> f.get("token")).orElse(null);
            case "smtp.password" -> read(SMTP).map(f -> f.get("password")).orElse(null);
            default -> null;
          };
      if (value == null) {
        throw new NoSuchElementException(
            "no secret named " + name + ": the operator has not set it up");
      }
      return value;
    };
  }

  /**
   * The {@code email} channel: delivers with an {@link EmailChannel} built from the current SMTP
   * settings (rebuilt when they change); without settings every delivery is retried later.
   */
  Channel emailChannel() {
    return new Channel() {
      @Override
      public String id() {
        return "email";
      }

      @Override
      public DeliveryResult deliver(Delivery d) {
        EmailChannel ch = currentEmail();
        if (ch == null) {
          return DeliveryResult.retry(
              "email is not set up: an admin sets the SMTP server (PUT"
                  + " /api/admin/notifications/email)");
        }
        return ch.deliver(d);
      }
    };
  }

  private synchronized @Nullable EmailChannel currentEmail() {
    Optional<Store.KeyRecord> r = record(SMTP);
    if (r.isEmpty()) {
      email = null;
      return null;
    }
    EmailCache cached = email;
    if (cached != null && cached.recordId().equals(r.get().id())) {
      return cached.channel();
    }
    Map<String, String> f = vault.unseal(r.get());
    EmailChannel.Builder b =
        EmailChannel.builder()
            .host(field(f, "host"))
            .port(Integer.parseInt(field(f, "port")))
            .security(EmailChannel.Security.valueOf(field(f, "security")))
            .from(field(f, "from"))
            .secrets(secrets());
    String user = f.get("username");
    if (user != null) {
      b.username(user);
    }
    EmailChannel ch = b.build();
    email = new EmailCache(r.get().id(), ch);
    return ch;
  }
}
