package dev.tradekit.bybit;

import dev.tradekit.api.error.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Bybit's limits as the venue reports them: every reply carries {@code X-Bapi-Limit} (the
 * endpoint's limit), {@code X-Bapi-Limit-Status} (requests left) and {@code
 * X-Bapi-Limit-Reset-Timestamp} (when the window resets). When an endpoint has nothing left, the
 * next request to it waits until the reset time. A 403 is the per-IP ban: every request to every
 * endpoint fails fast with a {@link RateLimitException} until {@link BybitErrorCodes#IP_BAN} has
 * passed. Thread-safe; reads time only from the supplier it is given.
 */
final class BybitRateLimiter {
  /** The state of one endpoint's window as last reported. */
  record Window(int limit, int remaining, long resetAtMillis) {}

  private final LongSupplier nowMillis;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile long bannedUntilMillis;

  BybitRateLimiter(LongSupplier nowMillis) {
    this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
  }

  /**
   * How long to wait before sending to {@code endpoint}: 0 when it may go now.
   *
   * @throws RateLimitException while the IP is banned
   */
  long delayMillis(String endpoint) {
    long now = nowMillis.getAsLong();
    long banEnd = bannedUntilMillis;
    if (now < banEnd) {
      throw new RateLimitException(
          BybitErrorCodes.VENUE,
          RateLimitException.NO_CODE,
          "IP banned after HTTP 403 (access too frequent): no request is sent until "
              + Instant.ofEpochMilli(banEnd),
          Duration.ofMillis(banEnd - now),
          Instant.ofEpochMilli(banEnd));
    }
    Window w = windows.get(endpoint);
    if (w == null || w.remaining() > 0 || now >= w.resetAtMillis()) {
      return 0;
    }
    return w.resetAtMillis() - now;
  }

  /**
   * Records the limit headers of one reply; absent or malformed headers change nothing.
   *
   * @param endpoint the path, e.g. {@code /v5/order/create}
   */
  void onHeaders(
      String endpoint,
      @Nullable String limit,
      @Nullable String remaining,
      @Nullable String resetTimestamp) {
    Long l = parse(limit);
    Long r = parse(remaining);
    Long t = parse(resetTimestamp);
    if (l == null || r == null || t == null) {
      return;
    }
    windows.put(endpoint, new Window(l.intValue(), r.intValue(), t));
  }

  /** Records a retCode 10006 on {@code endpoint}: nothing left until {@code resetAtMillis}. */
  void onTooManyVisits(String endpoint, long resetAtMillis) {
    windows.merge(
        endpoint,
        new Window(0, 0, resetAtMillis),
        (old, fresh) -> new Window(old.limit(), 0, Math.max(old.resetAtMillis(), resetAtMillis)));
  }

  /** Records an HTTP 403: every request stops for {@link BybitErrorCodes#IP_BAN}. */
  void onIpBan() {
    bannedUntilMillis = nowMillis.getAsLong() + BybitErrorCodes.IP_BAN.toMillis();
  }

  /** When the IP ban ends in epoch ms, 0 when there never was one. */
  long bannedUntilMillis() {
    return bannedUntilMillis;
  }

  /** The last reported window of an endpoint, or {@code null}. */
  @Nullable Window window(String endpoint) {
    return windows.get(endpoint);
  }

  private static @Nullable Long parse(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
