package dev.tradekit.server;

import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.notify.Channel;
import dev.tradekit.notify.Delivery;
import dev.tradekit.notify.DeliveryResult;
import dev.tradekit.notify.EventKind;
import dev.tradekit.notify.JdbcOutbox;
import dev.tradekit.notify.Notifier;
import dev.tradekit.notify.NotifyEvent;
import dev.tradekit.notify.Outbox;
import dev.tradekit.notify.Preference;
import dev.tradekit.notify.QuietHours;
import dev.tradekit.notify.SecretSource;
import dev.tradekit.notify.Severity;
import dev.tradekit.notify.TelegramChannel;
import dev.tradekit.notify.WebhookChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's notifications: bot events become {@link NotifyEvent}s for their owner, and a
 * {@link Notifier} delivers them per the user's channel settings (kept in the store) through a
 * durable outbox in the control plane's database. {@link #enqueue} runs inside the store
 * transaction that persists the event (see {@link EventHub.Tap}), so the outbox rows commit or roll
 * back with the state change that caused them. Channel secrets live in the vault: a user's webhook
 * signing secret is read at delivery under {@code webhook.<user id>}; the operator's Telegram bot
 * token and SMTP password come from {@link NotifySettings}.
 */
final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  /** Channels a user can set up. */
  static final List<String> CHANNELS = List.of("telegram", "email", "webhook");

  /** Bot event types on the stream and the notification kind each becomes. */
  static final Map<String, EventKind> KINDS =
      Map.ofEntries(
          Map.entry("bot.created", EventKind.BOT_CREATED),
          Map.entry("bot.started", EventKind.BOT_STARTED),
          Map.entry("bot.stopped", EventKind.BOT_STOPPED),
          Map.entry("bot.error", EventKind.BOT_ERROR),
          Map.entry("bot.order.placed", EventKind.ORDER_PLACED),
          Map.entry("bot.order.filled", EventKind.ORDER_FILLED),
          Map.entry("bot.order.cancelled", EventKind.ORDER_CANCELLED),
          Map.entry("bot.copy.copied", EventKind.ORDER_FILLED),
          Map.entry("bot.copy.failed", EventKind.COPY_FAILED),
          Map.entry("bot.follower.paused", EventKind.FOLLOWER_PAUSED),
          Map.entry("bot.exchange-error", EventKind.EXCHANGE_ERROR));

  private final Store store;
  private final Vault vault;
  private final LiveScheduler scheduler;
  private final NotifySettings settings;
  private final Map<String, Channel> channels;
  private final Notifier notifier;

  /**
   * Starts delivering.
   *
   * @param telegramApi the Telegram Bot API's base URL ({@code https://api.telegram.org})
   * @param backoffBase the first retry delay of a failed delivery
   */
  Notifications(
      Store store, Vault vault, DataSource dataSource, String telegramApi, Duration backoffBase) {
    this.store = store;
    this.vault = vault;
    this.settings = new NotifySettings(store, vault);
    this.scheduler =
        LiveScheduler.create(
            "tradekit-notify", t -> LOG.warn("control plane: notification task failed: {}", t));
    SecretSource secrets = this::secret;
    Channel webhook = WebhookChannel.builder().scheduler(scheduler).secrets(secrets).build();
    Channel telegram =
        TelegramChannel.builder()
            .scheduler(scheduler)
            .secrets(settings.secrets())
            .baseUrl(telegramApi)
            .build();
    Channel email = settings.emailChannel();
    this.channels = Map.of(webhook.id(), webhook, telegram.id(), telegram, email.id(), email);
    Notifier.Builder b =
        Notifier.builder()
            .scheduler(scheduler)
            .outbox(JdbcOutbox.create(dataSource))
            .preferences(this::preferences)
            .pollInterval(Duration.ofMillis(200))
            .backoffBase(backoffBase)
            .backoffMax(Duration.ofHours(1));
    channels.values().forEach(b::channel);
    this.notifier = b.build();
    notifier.start();
  }

  NotifySettings settings() {
    return settings;
  }

  /** {@code <channel>.<user id>} → the channel's secret from the user's vault record. */
  private String secret(String name) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      throw new NoSuchElementException("no secret named " + name);
    }
    String channel = name.substring(0, dot);
    String user = name.substring(dot + 1);
    String id =
        store
            .notifyChannel(user, channel)
            .map(Store.NotifyChannel::secretId)
            .orElseThrow(() -> new NoSuchElementException("no secret named " + name));
    String secret = vault.secret(user, id).get("secret");
    if (secret == null) {
      throw new NoSuchElementException("no secret named " + name);
    }
    return secret;
  }

  static Set<EventKind> kinds(String csv) {
    Set<EventKind> out = EnumSet.noneOf(EventKind.class);
    for (String k : csv.split(",")) {
      if (!k.isBlank()) {
        out.add(EventKind.fromWireName(k.trim()));
      }
    }
    return out;
  }

  /**
   * Parses {@code HH:mm-HH:mm Zone}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static QuietHours quietHours(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2}) (\\S+)").matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("must be HH:mm-HH:mm Zone, e.g. 22:00-07:00 Europe/Paris");
    }
    try {
      return new QuietHours(
          LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2)), ZoneId.of(m.group(3)));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException(
          "must be HH:mm-HH:mm Zone with a valid time and zone id, e.g. 22:00-07:00 Europe/Paris");
    }
  }

  private static Preference preference(Store.NotifyChannel c) {
    String quiet = c.quietHours();
    return Preference.of(c.userId(), c.channel(), c.address())
        .withKinds(kinds(c.kinds()))
        .withMinSeverity(Severity.valueOf(c.minSeverity()))
        .withSilent(c.silent())
        .withQuietHours(quiet == null ? null : quietHours(quiet));
  }

  private List<Preference> preferences(String userId) {
    return store.notifyChannels(userId).stream().map(Notifications::preference).toList();
  }

  /**
   * Writes the outbox rows of a bot event for its owner on {@code transaction}, the store
   * transaction that persists the event under {@code eventId} (the notification's idempotency key
   * is {@code tk-<eventId>}). Nothing is committed here.
   */
  void enqueue(Connection transaction, String owner, long eventId, String type, Map<String, ?> data)
      throws SQLException {
    EventKind kind = KINDS.get(type);
    if (kind == null) {
      return;
    }
    Object bot = kind == EventKind.BOT_CREATED ? data.get("id") : data.get("bot");
    NotifyEvent.Builder b =
        NotifyEvent.builder(kind, owner)
            .id("tk-" + eventId)
            .text(kind.title() + ": bot " + bot + detail(data))
            .occurredAt(Instant.ofEpochMilli(scheduler.currentTimeMillis()));
    if (bot != null) {
      b.bot(String.valueOf(bot));
    }
    for (String k : List.of("state", "reason", "message", "follower", "symbol")) {
      Object v = data.get(k);
      if (v != null) {
        b.field(k, String.valueOf(v));
      }
    }
    notifier.enqueue(transaction, b.build());
  }

  private static String detail(Map<String, ?> data) {
    Object reason = data.get("reason") != null ? data.get("reason") : data.get("message");
    return reason == null ? "" : " (" + reason + ")";
  }

  /**
   * Sends a test message on the user's channel now, bypassing the outbox and the kind filter.
   *
   * @return null when delivered, else why not
   */
  @Nullable String test(String userId, String channel) {
    Store.NotifyChannel c =
        store
            .notifyChannel(userId, channel)
            .orElseThrow(() -> ApiException.notFound("notification channel " + channel));
    Channel ch = channels.get(channel);
    if (ch == null) {
      throw ApiException.notFound("notification channel " + channel);
    }
    NotifyEvent e =
        NotifyEvent.builder(EventKind.TEST, userId)
            .id("test-" + Ids.token(9))
            .text("Test notification from the Tradekit control plane")
            .occurredAt(Instant.ofEpochMilli(scheduler.currentTimeMillis()))
            .build();
    DeliveryResult r;
    try {
      r = ch.deliver(new Delivery(e.id(), userId, channel, c.address(), List.of(e), c.silent()));
    } catch (RuntimeException x) {
      return x.getClass().getSimpleName();
    }
    if (r instanceof DeliveryResult.Delivered) {
      return null;
    }
    if (r instanceof DeliveryResult.Retry retry) {
      return retry.error();
    }
    if (r instanceof DeliveryResult.Throttled t) {
      return t.reason();
    }
    if (r instanceof DeliveryResult.Disable d) {
      return d.reason();
    }
    return r.toString();
  }

  /** Dead letters of every user (admins) or the ones of {@code userId}. */
  List<Map<String, Object>> deadLetters(@Nullable String userId) {
    return notifier.deadLetters(200).stream()
        .filter(r -> userId == null || r.event().userId().equals(userId))
        .map(
            r ->
                Map.<String, Object>of(
                    "deliveryId", r.deliveryId(),
                    "channel", r.channel(),
                    "kind", r.event().kind().wireName(),
                    "attempts", r.attempts(),
                    "lastError", String.valueOf(r.lastError())))
        .toList();
  }

  /**
   * Queues a dead letter again (its owner's or, for admins, anyone's).
   *
   * @throws ApiException 404 if there is no such dead letter visible to the caller
   */
  void retryDeadLetter(@Nullable String userId, String deliveryId) {
    boolean visible =
        notifier.deadLetters(10_000).stream()
            .anyMatch(
                r ->
                    r.deliveryId().equals(deliveryId)
                        && (userId == null || r.event().userId().equals(userId)));
    if (!visible || !notifier.retryDeadLetter(deliveryId)) {
      throw ApiException.notFound("dead letter " + deliveryId);
    }
  }

  /** Why the user's channel was switched off by the receiver (Telegram 403), or null. */
  @Nullable String disabledReason(String userId, String channel) {
    return notifier.disabledChannels().stream()
        .filter(d -> d.userId().equals(userId) && d.channel().equals(channel))
        .map(Outbox.DisabledChannel::reason)
        .findFirst()
        .orElse(null);
  }

  /** Switches the user's channel back on (saving its settings again does this). */
  void enable(String userId, String channel) {
    notifier.enableChannel(userId, channel);
  }

  @Override
  public void close() {
    notifier.close();
    scheduler.close();
  }
}
