package dev.tradekit.api.error;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request-weight or order-count limit was broken (HTTP 429), or the IP is banned (HTTP 418). Stop
 * sending until {@link #retryAfter()} has passed or {@link #bannedUntil()} is reached.
 *
 * <pre>{@code
 * catch (RateLimitException e) {
 *   scheduler.schedule(this::retry, e.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
 * }
 * }</pre>
 */
public class RateLimitException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final @Nullable Instant bannedUntil;

  public RateLimitException(
      String venue, int code, String message, Duration retryAfter, @Nullable Instant bannedUntil) {
    super(venue, code, message);
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
    this.bannedUntil = bannedUntil;
  }

  /** How long to wait before the next request; {@link Duration#ZERO} when the venue gave none. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** When an IP ban (HTTP 418) ends, or {@code null} for a plain 429. */
  public @Nullable Instant bannedUntil() {
    return bannedUntil;
  }

  /** Whether this is an IP ban rather than a plain limit breach. */
  public boolean isBan() {
    return bannedUntil != null;
  }
}
