package dev.tradekit.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A daily window, in the user's time zone, during which messages go out silently (no sound or push
 * alert); {@link Severity#CRITICAL} events still alert.
 *
 * <p>{@code start} is inclusive and {@code end} exclusive; a window whose end is before its start
 * spans midnight ({@code 22:00-07:00}).
 *
 * <pre>{@code
 * new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Europe/Paris"));
 * }</pre>
 *
 * @param start first quiet minute (inclusive)
 * @param end first loud minute again (exclusive); equal to {@code start} means never quiet
 * @param zone the user's time zone
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** Validates. */
  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(zone, "zone");
  }

  /** Whether {@code instant} falls inside the window in {@link #zone()}. */
  public boolean contains(Instant instant) {
    LocalTime t = instant.atZone(zone).toLocalTime();
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }
}
