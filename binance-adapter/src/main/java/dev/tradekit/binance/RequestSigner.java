package dev.tradekit.binance;

import dev.tradekit.api.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Mac;

/**
 * Builds and signs the total parameter string of a Binance USD-M SIGNED request.
 *
 * <p>Parameters are taken in the map's iteration order (use a {@link java.util.LinkedHashMap}),
 * each name and value percent-encoded as in RFC 3986 (everything except {@code A-Z a-z 0-9 - _ . ~}
 * becomes {@code %XX} of its UTF-8 bytes, upper-case hex). Then {@code recvWindow} and {@code
 * timestamp} (from the server-adjusted time source) are appended and the whole string is signed
 * with HMAC-SHA256. The string that was signed must be sent byte for byte: as the query string
 * (already encoded) or as the form body, followed by {@code &signature=...}.
 *
 * <p>Each thread that signs keeps one keyed {@link Mac} of this signer and reuses it: a new {@code
 * Mac} per request (provider lookup and key schedule) costs more than the HMAC itself.
 */
final class RequestSigner {
  static final long MAX_RECV_WINDOW_MS = 60_000;

  private final Credentials credentials;
  private final LongSupplier serverTime;
  private final long recvWindowMs;
  private final LongSupplier offset;

  /** One keyed HMAC-SHA256 per signing thread ({@code Mac} is not thread-safe). */
  private final ThreadLocal<Mac> mac;

  /** A signer whose server time is the local time (offset 0); for tests and benchmarks. */
  RequestSigner(Credentials credentials, LongSupplier serverTime, long recvWindowMs) {
    this(credentials, serverTime, () -> 0, recvWindowMs);
  }

  /**
   * @param credentials the account's key and secret
   * @param serverTime the venue's current time in epoch ms, e.g. {@code serverClock::now}
   * @param offset venue time minus local time in ms, e.g. {@code serverClock::offset}: turns a
   *     local send deadline into the venue's time
   * @param recvWindowMs how long after {@code timestamp} the venue may still accept the request,
   *     1..60000
   */
  RequestSigner(
      Credentials credentials, LongSupplier serverTime, LongSupplier offset, long recvWindowMs) {
    this.offset = Objects.requireNonNull(offset, "offset");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.mac = ThreadLocal.withInitial(credentials::newHmacSha256);
    this.serverTime = Objects.requireNonNull(serverTime, "serverTime");
    if (recvWindowMs <= 0 || recvWindowMs > MAX_RECV_WINDOW_MS) {
      throw new IllegalArgumentException(
          "recvWindowMs must be in 1.."
              + MAX_RECV_WINDOW_MS
              + " (Binance's maximum), was "
              + recvWindowMs);
    }
    this.recvWindowMs = recvWindowMs;
  }

  /** The signed parameters of one request. {@link #toString()} hides the signature. */
  record Signed(String payload, String signature, long timestamp) {
    /** The payload followed by {@code &signature=...}: what goes on the wire. */
    String query() {
      return payload + "&signature=" + signature;
    }

    @Override
    public String toString() {
      return "Signed[" + payload + "&signature=<redacted>]";
    }
  }

  /**
   * Encodes {@code params}, appends {@code recvWindow} and {@code timestamp}, and signs.
   *
   * @throws IllegalArgumentException when a name is empty or is one the signer adds itself
   */
  Signed sign(Map<String, String> params) {
    long timestamp = serverTime.getAsLong();
    StringBuilder sb = new StringBuilder(64 + params.size() * 24);
    for (Map.Entry<String, String> e : params.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "parameter name");
      String value = Objects.requireNonNull(e.getValue(), () -> "value of parameter " + name);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("parameter name is empty");
      }
      if (name.equals("timestamp") || name.equals("recvWindow") || name.equals("signature")) {
        throw new IllegalArgumentException(
            "parameter '" + name + "' is added by the signer: remove it from the request");
      }
      appendEncoded(sb, name);
      sb.append('=');
      appendEncoded(sb, value);
      sb.append('&');
    }
    sb.append("recvWindow=").append(recvWindowMs).append("&timestamp=").append(timestamp);
    String payload = sb.toString();
    return new Signed(payload, hmacSha256Hex(payload), timestamp);
  }

  /**
   * Signs a query string that is already encoded exactly as it will be sent (e.g. built by an HTTP
   * client): appends {@code recvWindow} and {@code timestamp} and signs the result unchanged.
   *
   * @param encodedParams the encoded parameters without a leading {@code ?}; may be empty
   * @throws IllegalArgumentException when it already carries a parameter the signer adds itself
   */
  Signed signEncoded(String encodedParams) {
    checkEncoded(encodedParams);
    return signed(encodedParams, serverTime.getAsLong(), recvWindowMs);
  }

  /**
   * Like {@link #signEncoded(String)}, for a request the venue must receive by {@code
   * deadlineLocal} (epoch ms on the local clock): the deadline is moved to the venue's clock with
   * the offset, and {@code recvWindow} is what is left of it after {@code timestamp}, at most
   * {@value #MAX_RECV_WINDOW_MS} ms (Binance's maximum; the request is then bounded by that
   * instead, which is earlier). The venue refuses the request ({@code -1021}) if it arrives after
   * {@code timestamp + recvWindow}.
   *
   * @throws DeadlinePassedException when less than 1 ms is left: nothing may be sent
   */
  Signed signEncodedBefore(String encodedParams, long deadlineLocal)
      throws DeadlinePassedException {
    checkEncoded(encodedParams);
    long timestamp = serverTime.getAsLong();
    long window = recvWindowBefore(deadlineLocal + offset.getAsLong(), timestamp);
    if (window < 1) {
      throw new DeadlinePassedException(-window);
    }
    return signed(encodedParams, timestamp, window);
  }

  /**
   * The receive window that ends a request stamped {@code timestamp} at {@code deadline} (both
   * venue time), clamped to {@value #MAX_RECV_WINDOW_MS}; zero or less when the deadline has come.
   */
  static long recvWindowBefore(long deadline, long timestamp) {
    return Math.min(deadline - timestamp, MAX_RECV_WINDOW_MS);
  }

  private Signed signed(String encodedParams, long timestamp, long window) {
    String payload =
        (encodedParams.isEmpty() ? "" : encodedParams + "&")
            + "recvWindow="
            + window
            + "&timestamp="
            + timestamp;
    return new Signed(payload, hmacSha256Hex(payload), timestamp);
  }

  /** Lower-case hex HMAC-SHA256 of {@code payload}, with this thread's reused {@code Mac}. */
  private String hmacSha256Hex(String payload) {
    Mac m = mac.get();
    // doFinal resets the Mac, so it is ready for the next payload even after a failure here
    return HexFormat.of().formatHex(m.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static void checkEncoded(String encodedParams) {
    Objects.requireNonNull(encodedParams, "encodedParams");
    for (String pair : encodedParams.split("&", -1)) {
      String name = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
      if (name.equals("timestamp") || name.equals("recvWindow") || name.equals("signature")) {
        throw new IllegalArgumentException(
            "parameter '" + name + "' is added by the signer: remove it from the request");
      }
    }
  }

  /** RFC 3986 percent-encoding of {@code s} (UTF-8), appended to {@code sb}. */
  static void appendEncoded(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isUnreserved(c)) {
        sb.append(c);
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < s.length()) {
          end++;
        }
        for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        i = end - 1;
      }
    }
  }

  /** {@code s} percent-encoded as the signer encodes it. */
  static String encode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    appendEncoded(sb, s);
    return sb.toString();
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }
}
