package dev.tradekit.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** Binance's request signing: lower-case hex HMAC-SHA256 of the raw query string then the body. */
final class Auth {
  private Auth() {}

  static String sign(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(64);
      for (byte x : h) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Checks the signature of a request exactly as sent: the raw (still percent-encoded) query string
   * without its {@code signature} parameter, then the body.
   *
   * @throws ApiError 400 -1022 when it does not match, -1102 when it is missing
   */
  static void verify(String secret, @Nullable String rawQuery, String body) {
    String q = rawQuery == null ? "" : rawQuery;
    int at = q.lastIndexOf("signature=");
    if (at < 0 || (at > 0 && q.charAt(at - 1) != '&')) {
      if (!body.contains("signature=")) {
        throw ApiError.missing("signature");
      }
    }
    String payload;
    String given;
    if (at >= 0) {
      int end = q.indexOf('&', at);
      given = q.substring(at + "signature=".length(), end < 0 ? q.length() : end);
      String rest = end < 0 ? "" : q.substring(end + 1);
      String before = at == 0 ? "" : q.substring(0, at - 1);
      payload = before + (before.isEmpty() || rest.isEmpty() ? "" : "&") + rest + body;
    } else {
      int b = body.lastIndexOf("signature=");
      given = body.substring(b + "signature=".length());
      payload = q + body.substring(0, Math.max(0, b - 1));
    }
    String expected = sign(secret, payload);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
      throw ApiError.badRequest(-1022, "Signature for this request is not valid.");
    }
  }

  /**
   * Checks {@code timestamp} and {@code recvWindow} against the server's clock.
   *
   * @throws ApiError 400 -1021 outside the window or more than 1 s ahead
   */
  static void checkTime(long serverTime, @Nullable String timestamp, @Nullable String recvWindow) {
    if (timestamp == null) {
      throw ApiError.missing("timestamp");
    }
    long ts;
    long window;
    try {
      ts = Long.parseLong(timestamp);
      window = recvWindow == null ? 5000 : Long.parseLong(recvWindow);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(-1100, "Illegal characters found in parameter 'timestamp'.");
    }
    if (window <= 0 || window > 60_000) {
      throw ApiError.badRequest(-1131, "recvWindow must be less than 60000");
    }
    if (ts >= serverTime + 1000) {
      throw ApiError.badRequest(
          -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }
    if (serverTime - ts > window) {
      throw ApiError.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
    }
  }
}
