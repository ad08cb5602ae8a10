package dev.tradekit.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * An API key and its secret, held so that the secret never leaves this object: it signs payloads
 * but cannot be read back, printed, compared by timing or serialised.
 *
 * <pre>{@code
 * Credentials creds = Credentials.of(System.getenv("BINANCE_API_KEY"), System.getenv("BINANCE_SECRET"));
 * String signature = creds.hmacSha256Hex("symbol=BTCUSDT&timestamp=1591702613943");
 * }</pre>
 *
 * <p>{@link #toString()} shows only a short fingerprint of the API key. {@link #equals(Object)}
 * compares in constant time. This class is deliberately not {@link java.io.Serializable}.
 */
public final class Credentials {
  private static final String HMAC_SHA256 = "HmacSHA256";

  private final String apiKey;
  private final byte[] secret;
  private final String fingerprint;

  private Credentials(String apiKey, byte[] secret) {
    this.apiKey = apiKey;
    this.secret = secret;
    this.fingerprint = fingerprintOf(apiKey);
  }

  /**
   * Creates credentials from an API key and its secret.
   *
   * @throws IllegalArgumentException when either is blank or contains whitespace
   */
  public static Credentials of(String apiKey, String secret) {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secret, "secret");
    requireToken(apiKey, "apiKey");
    requireToken(secret, "secret");
    return new Credentials(apiKey, secret.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireToken(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          name + " is blank: set it from the environment (never from a config file)");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + " contains whitespace: check for a stray newline or space when it was copied");
      }
    }
  }

  /**
   * The API key, for the request header that identifies the account (e.g. {@code X-MBX-APIKEY}).
   * Treat it as sensitive: never log it; log {@link #fingerprint()} instead.
   */
  public String apiKey() {
    return apiKey;
  }

  /** A short, stable, non-reversible identifier of the API key, safe to log. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Lower-case hex HMAC-SHA256 of {@code payload} (UTF-8), keyed by the secret. */
  public String hmacSha256Hex(String payload) {
    return HexFormat.of()
        .formatHex(newHmacSha256().doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A fresh HMAC-SHA256 {@link Mac} keyed by the secret, for signers that sign many payloads or
   * stream bytes. {@code Mac} is not thread-safe: use one per thread.
   */
  public Mac newHmacSha256() {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(secret, HMAC_SHA256));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable in this JDK", e);
    }
  }

  private static String fingerprintOf(String apiKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Credentials other)) {
      return false;
    }
    boolean sameKey =
        MessageDigest.isEqual(
            apiKey.getBytes(StandardCharsets.UTF_8), other.apiKey.getBytes(StandardCharsets.UTF_8));
    boolean sameSecret = MessageDigest.isEqual(secret, other.secret);
    return sameKey & sameSecret;
  }

  @Override
  public int hashCode() {
    return fingerprint.hashCode();
  }

  /** Shows the key's fingerprint only: {@code Credentials[key=1a2b3c4d, secret=<redacted>]}. */
  @Override
  public String toString() {
    return "Credentials[key=" + fingerprint + ", secret=<redacted>]";
  }
}
