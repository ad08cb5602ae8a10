package dev.tradekit.copier.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Deterministic client order ids for copies: the same leader fill, follower and leg always give the
 * same id, so a restarted copier can ask the venue whether a copy landed.
 *
 * <pre>{@code
 * String id = ClientOrderIds.forCopy("BTCUSDT", "123456", "alice", 0);  // "tkc" + 25 base-36 digits
 * }</pre>
 *
 * <p>The id is {@code tkc} followed by the first 128 bits of the SHA-256 of the inputs, in base 36,
 * zero-padded to 25 digits: 28 characters of {@code [a-z0-9]}, inside Binance's rule {@code
 * ^[.A-Z:/a-z0-9_-]{1,36}$}. With 128 bits, two different copies share an id with a probability
 * around {@code n^2 / 2^129}: negligible for any journal.
 */
public final class ClientOrderIds {
  /** The prefix of every copy id. */
  public static final String PREFIX = "tkc";

  /** The length of every copy id. */
  public static final int LENGTH = PREFIX.length() + 25;

  private ClientOrderIds() {}

  /**
   * The id of the copy of leader fill {@code (symbol, tradeId)} to {@code follower}, leg 0 or 1.
   */
  public static String forCopy(String symbol, String tradeId, String follower, int leg) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    String input = symbol + '\u0000' + tradeId + '\u0000' + follower + '\u0000' + leg;
    byte[] digest = sha.digest(input.getBytes(StandardCharsets.UTF_8));
    String digits = new BigInteger(1, Arrays.copyOf(digest, 16)).toString(36);
    StringBuilder id = new StringBuilder(LENGTH).append(PREFIX);
    for (int i = digits.length(); i < LENGTH - PREFIX.length(); i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}
