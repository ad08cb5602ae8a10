package dev.tradekit.scanner;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The stable identity of a large order: the first 8 bytes, in hex, of SHA-256 over {@code
 * symbol|side|price|firstSeen} with the price in plain form without trailing zeros.
 */
final class OrderIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private OrderIds() {}

  static String of(String symbol, Side side, BigDecimal price, long firstSeenMillis) {
    BigDecimal p = price.stripTrailingZeros();
    String key =
        symbol
            + '|'
            + side.name()
            + '|'
            + (p.scale() < 0 ? p.setScale(0) : p).toPlainString()
            + '|'
            + firstSeenMillis;
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    char[] out = new char[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[digest[i] & 0xF];
    }
    return new String(out);
  }
}
