package dev.tradekit.bybit;

import dev.tradekit.api.Credentials;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs Bybit v5 requests: HMAC-SHA256 (lower-case hex) over {@code timestamp + apiKey + recvWindow
 * + payload}, where the payload is the query string of a GET or the exact JSON body of a POST. The
 * caller must send the payload it signed byte for byte; {@link #canonicalQuery} builds a query
 * string that is used both in the URL and in the signature.
 */
final class BybitSigner {
  static final long DEFAULT_RECV_WINDOW_MS = 5_000;
  static final long MAX_RECV_WINDOW_MS = 60_000;
  static final String WS_AUTH_PREFIX = "GET/realtime";

  private final Credentials credentials;
  private final long recvWindowMs;

  /**
   * @param credentials the account's key and secret
   * @param recvWindowMs how long after its timestamp the venue still accepts a request, 1..60000
   */
  BybitSigner(Credentials credentials, long recvWindowMs) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    if (recvWindowMs <= 0 || recvWindowMs > MAX_RECV_WINDOW_MS) {
      throw new IllegalArgumentException(
          "recvWindowMs must be in 1.." + MAX_RECV_WINDOW_MS + ", was " + recvWindowMs);
    }
    this.recvWindowMs = recvWindowMs;
  }

  /** The headers of one signed request. {@link #toString()} hides the signature. */
  record Signed(String apiKey, long timestamp, long recvWindowMs, String signature) {
    @Override
    public String toString() {
      return "Signed[timestamp="
          + timestamp
          + ", recvWindow="
          + recvWindowMs
          + ", sign=<redacted>]";
    }
  }

  long recvWindowMs() {
    return recvWindowMs;
  }

  /**
   * Signs {@code payload} at {@code timestamp}.
   *
   * @param timestamp the venue-adjusted time in epoch ms
   * @param payload the query string (no leading {@code ?}) or the JSON body, exactly as sent
   */
  Signed sign(long timestamp, String payload) {
    return sign(timestamp, recvWindowMs, payload);
  }

  /**
   * Signs {@code payload} at {@code timestamp} with a receive window of its own (a request with a
   * send deadline: what is left of it, see {@link #recvWindowBefore}).
   *
   * @param recvWindowMs 1..{@value #MAX_RECV_WINDOW_MS}
   */
  Signed sign(long timestamp, long recvWindowMs, String payload) {
    Objects.requireNonNull(payload, "payload");
    if (recvWindowMs < 1 || recvWindowMs > MAX_RECV_WINDOW_MS) {
      throw new IllegalArgumentException(
          "recvWindowMs must be in 1.." + MAX_RECV_WINDOW_MS + ", was " + recvWindowMs);
    }
    String plain = timestamp + credentials.apiKey() + recvWindowMs + payload;
    return new Signed(
        credentials.apiKey(), timestamp, recvWindowMs, credentials.hmacSha256Hex(plain));
  }

  /**
   * The receive window that ends a request stamped {@code timestamp} at {@code deadline} (both on
   * the venue's clock), at most {@value #MAX_RECV_WINDOW_MS}; zero or less once the deadline has
   * come (the request must then not be sent).
   */
  static long recvWindowBefore(long deadline, long timestamp) {
    return Math.min(deadline - timestamp, MAX_RECV_WINDOW_MS);
  }

  /**
   * The signature of the private WebSocket {@code auth} op: HMAC-SHA256 hex of {@code
   * "GET/realtime" + expires}.
   *
   * @param expiresMillis a venue time in the future, in epoch ms
   */
  String wsAuthSignature(long expiresMillis) {
    return credentials.hmacSha256Hex(WS_AUTH_PREFIX + expiresMillis);
  }

  /**
   * The query string of {@code params}: {@code k=v} pairs sorted by name and joined by {@code &};
   * values are taken as they are (Bybit symbols, categories, cursors and numbers need no escaping;
   * a value with a character outside {@code A-Z a-z 0-9 - _ . ~ , %} is rejected so that the URL
   * and the signed string can never differ).
   */
  static String canonicalQuery(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
      checkPlain(e.getKey(), "name");
      checkPlain(e.getValue(), "value of " + e.getKey());
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.toString();
  }

  private static void checkPlain(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.'
              || c == '~'
              || c == ','
              || c == '%';
      if (!ok) {
        throw new IllegalArgumentException(
            "query " + what + " has a character that would need escaping: '" + c + "'");
      }
    }
  }
}
