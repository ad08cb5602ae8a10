package dev.tradekit.notify;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one user wants on one channel: the address to send to, which event kinds, from which
 * severity, silent or not, and quiet hours.
 *
 * <pre>{@code
 * Preference tg = Preference.of("alice", "telegram", "123456789")
 *     .withKinds(EnumSet.of(EventKind.ORDER_FILLED, EventKind.COPY_FAILED))
 *     .withMinSeverity(Severity.INFO)
 *     .withQuietHours(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("UTC")));
 * }</pre>
 *
 * @param userId the user
 * @param channel the channel id ({@link Channel#id()}): {@code telegram}, {@code email}, {@code
 *     webhook} or a custom one
 * @param address where to send on that channel: a Telegram chat id, an email address, a URL
 * @param kinds the kinds wanted (empty: none)
 * @param minSeverity events below it are dropped
 * @param silent deliver without sound/push (Telegram {@code disable_notification})
 * @param quietHours when to deliver silently, or null for never
 */
public record Preference(
    String userId,
    String channel,
    String address,
    Set<EventKind> kinds,
    Severity minSeverity,
    boolean silent,
    @Nullable QuietHours quietHours) {

  /** Validates and copies {@code kinds}. */
  public Preference {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(minSeverity, "minSeverity");
    kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
  }

  /** Every kind, {@link Severity#INFO} and up, not silent, no quiet hours. */
  public static Preference of(String userId, String channel, String address) {
    return new Preference(
        userId, channel, address, EnumSet.allOf(EventKind.class), Severity.INFO, false, null);
  }

  /** A copy wanting only {@code kinds}. */
  public Preference withKinds(Set<EventKind> kinds) {
    return new Preference(userId, channel, address, kinds, minSeverity, silent, quietHours);
  }

  /** A copy dropping events below {@code min}. */
  public Preference withMinSeverity(Severity min) {
    return new Preference(userId, channel, address, kinds, min, silent, quietHours);
  }

  /** A copy that is silent or not. */
  public Preference withSilent(boolean silent) {
    return new Preference(userId, channel, address, kinds, minSeverity, silent, quietHours);
  }

  /** A copy with these quiet hours (null: none). */
  public Preference withQuietHours(@Nullable QuietHours quietHours) {
    return new Preference(userId, channel, address, kinds, minSeverity, silent, quietHours);
  }

  /** Whether {@code event} passes the kind and severity filters. */
  public boolean wants(NotifyEvent event) {
    return kinds.contains(event.kind()) && event.severity().atLeast(minSeverity);
  }
}
