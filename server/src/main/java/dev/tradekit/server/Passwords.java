package dev.tradekit.server;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (OWASP minimum: 19 MiB memory, 2 iterations, parallelism 1), encoded in
 * the standard {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash} form so parameters can change.
 */
final class Passwords {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, 1, 32, Argon2.ID);

  /** Passwords shorter than this are refused. */
  static final int MIN_LENGTH = 12;

  private Passwords() {}

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  static boolean matches(String password, String encoded) {
    if (!encoded.startsWith("$argon2id$")) {
      return false;
    }
    return Password.check(password, encoded).with(Argon2Function.getInstanceFromHash(encoded));
  }

  /** A hash of a random password, checked against when the user does not exist (same cost). */
  static final String DUMMY = hash(Ids.token(24));
}
