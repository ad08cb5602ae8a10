package dev.tradekit.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Checks a received webhook the way the Standard Webhooks spec says: the {@code webhook-signature}
 * header must hold a {@code v1} HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} under the
 * shared {@code whsec_} secret, and the timestamp must be within the tolerance of now. Comparison
 * is constant-time.
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier(secret, Duration.ofMinutes(5), System::currentTimeMillis);
 * if (!verifier.isValid(req.header("webhook-id"), req.header("webhook-timestamp"),
 *     req.header("webhook-signature"), body)) { return 401; }
 * if (!seenIds.add(req.header("webhook-id"))) { return 200; } // a repeat: drop it
 * }</pre>
 *
 * <p>Thread-safe and immutable; {@code toString} never shows the secret.
 */
public final class WebhookVerifier {
  private final byte[] key;
  private final long toleranceMillis;
  private final LongSupplier clockMillis;

  /**
   * A verifier for {@code secret} ({@code whsec_<base64>}).
   *
   * @param tolerance how far the timestamp may be from now, either way (the spec suggests 5 min)
   * @param clockMillis the current epoch milliseconds (e.g. {@code scheduler::currentTimeMillis})
   * @throws IllegalArgumentException if the secret is not base64 or the tolerance is negative
   */
  public WebhookVerifier(String secret, Duration tolerance, LongSupplier clockMillis) {
    this.key = WebhookSigning.key(Objects.requireNonNull(secret, "secret"));
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
    this.toleranceMillis = tolerance.toMillis();
    this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
  }

  /** Whether the headers and raw body verify (null or malformed headers do not). */
  public boolean isValid(
      @Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
    return failure(id, timestamp, signature, body) == null;
  }

  /**
   * Verifies, or throws.
   *
   * @throws SecurityException naming what failed (missing header, stale timestamp, bad signature)
   */
  public void verify(
      @Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
    String failure = failure(id, timestamp, signature, body);
    if (failure != null) {
      throw new SecurityException("webhook rejected: " + failure);
    }
  }

  private @Nullable String failure(
      @Nullable String id, @Nullable String timestamp, @Nullable String signature, byte[] body) {
    if (id == null || timestamp == null || signature == null) {
      return "missing webhook-id, webhook-timestamp or webhook-signature";
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return "timestamp is not a number";
    }
    long now = clockMillis.getAsLong();
    if (Math.abs(now - ts * 1000) > toleranceMillis) {
      return "timestamp outside tolerance";
    }
    byte[] expected = WebhookSigning.sign(key, id, ts, body).getBytes(StandardCharsets.US_ASCII);
    for (String candidate : signature.trim().split(" ")) {
      if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
        return null;
      }
    }
    return "no matching v1 signature";
  }

  @Override
  public String toString() {
    return "WebhookVerifier[tolerance=" + toleranceMillis + "ms]";
  }
}
