package dev.tradekit.server;

import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.notify.Channel;
import dev.tradekit.notify.Delivery;
import dev.tradekit.notify.DeliveryResult;
import dev.tradekit.notify.EventKind;
import dev.tradekit.notify.JdbcOutbox;
import dev.tradekit.notify.Notifier;
import dev.tradekit.notify.NotifyEvent;
import dev.tradekit.notify.Preference;
import dev.tradekit.notify.SecretSource;
import dev.tradekit.notify.Severity;
import dev.tradekit.notify.WebhookChannel;
import java.time.Duration;
import java.time.Instant;
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
 * durable outbox in the control plane's database. Channel secrets live in the vault: a user's
 * webhook signing secret is read at delivery under {@code webhook.<user id>}.
 */
final class Notifications implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  /** Channels a user can set up. */
  static final List<String> CHANNELS = List.of("webhook");

  /** Bot event types on the stream and the notification kind each becomes. */
  static final Map<String, EventKind> KINDS =
      Map.ofEntries(
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
  private final Map<String, Channel> channels;
  private final Notifier notifier;

  Notifications(Store store, Vault vault, DataSource dataSource) {
    this.store = store;
    this.vault = vault;
    this.scheduler =
        LiveScheduler.create(
            "tradekit-notify", t -> LOG.warn("control plane: notification task failed: {}", t));
    SecretSource secrets = this::secret;
    Channel webhook = WebhookChannel.builder().scheduler(scheduler).secrets(secrets).build();
    this.channels = Map.of(webhook.id(), webhook);
    this.notifier =
        Notifier.builder()
            .scheduler(scheduler)
            .outbox(JdbcOutbox.create(dataSource))
            .preferences(this::preferences)
            .channel(webhook)
            .pollInterval(Duration.ofMillis(500))
            .build();
    notifier.start();
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

  private static Preference preference(Store.NotifyChannel c) {
    return Preference.of(c.userId(), c.channel(), c.address())
        .withKinds(kinds(c.kinds()))
        .withMinSeverity(Severity.valueOf(c.minSeverity()))
        .withSilent(c.silent());
  }

  private List<Preference> preferences(String userId) {
    return store.notifyChannels(userId).stream().map(Notifications::preference).toList();
  }

  /**
   * A bot event for its owner, after it was persisted under {@code eventId} (the notification's
   * idempotency key is {@code tk-<eventId>}).
   */
  void onEvent(String owner, long eventId, String type, Map<String, Object> data) {
    EventKind kind = KINDS.get(type);
    if (kind == null) {
      return;
    }
    NotifyEvent.Builder b =
        NotifyEvent.builder(kind, owner)
            .id("tk-" + eventId)
            .text(kind.title() + ": bot " + data.get("bot") + detail(data))
            .occurredAt(Instant.now());
    Object bot = data.get("bot");
    if (bot != null) {
      b.bot(String.valueOf(bot));
    }
    for (String k : List.of("state", "reason", "message", "follower", "symbol")) {
      Object v = data.get(k);
      if (v != null) {
        b.field(k, String.valueOf(v));
      }
    }
    try {
      notifier.enqueue(b.build());
    } catch (RuntimeException e) {
      LOG.warn("control plane: a notification could not be queued: {}", e.toString());
    }
  }

  private static String detail(Map<String, Object> data) {
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
            .occurredAt(Instant.now())
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

  @Override
  public void close() {
    notifier.close();
    scheduler.close();
  }
}
