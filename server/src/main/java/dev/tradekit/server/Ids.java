package dev.tradekit.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable identifiers and tokens. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A prefixed id with 96 random bits, e.g. {@code bot_3fZ...}. */
  static String next(String prefix) {
    return prefix + "_" + token(12);
  }

  /** {@code bytes} random bytes, base64url without padding. */
  static String token(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
