package dev.tradekit.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Channel} reports after trying a {@link Delivery}: delivered, retry later (with a
 * backoff or a wait the receiver asked for), or the address is dead and the channel is disabled.
 *
 * <pre>{@code
 * return switch (response.code()) {
 *   case 200 -> DeliveryResult.delivered();
 *   case 429 -> DeliveryResult.throttled(Duration.ofSeconds(retryAfter), "429");
 *   case 403 -> DeliveryResult.disable("403 Forbidden: bot was blocked by the user");
 *   default -> DeliveryResult.retry("HTTP " + response.code());
 * };
 * }</pre>
 */
public sealed interface DeliveryResult {

  /** The receiver accepted the message. */
  record Delivered() implements DeliveryResult {}

  /** A transient failure: retried with exponential backoff and jitter; counts as an attempt. */
  record Retry(String error) implements DeliveryResult {}

  /** Not sent now (rate limit, 429): retried after {@code delay}; does not count as an attempt. */
  record Throttled(Duration delay, String reason) implements DeliveryResult {}

  /**
   * A permanent refusal (Telegram 403, webhook 410): the user's channel is disabled and the message
   * goes to the dead letters.
   */
  record Disable(String reason) implements DeliveryResult {}

  /** Delivered. */
  static DeliveryResult delivered() {
    return new Delivered();
  }

  /** Retry with backoff; {@code error} is kept as the last error (never put a secret in it). */
  static DeliveryResult retry(String error) {
    return new Retry(Objects.requireNonNull(error, "error"));
  }

  /** Wait at least {@code wait} before trying again. */
  static DeliveryResult throttled(Duration wait, String reason) {
    return new Throttled(Objects.requireNonNull(wait, "wait"), Objects.requireNonNull(reason));
  }

  /** Disable the channel for this user. */
  static DeliveryResult disable(String reason) {
    return new Disable(Objects.requireNonNull(reason, "reason"));
  }
}
