package dev.tradekit.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One-time sign-in tokens a host hands to a person (the demo prints one): each signs one user in
 * once, within its lifetime. Only SHA-256 hashes are kept, in memory (a restart voids every link);
 * a token is compared against every pending hash in constant time, and is spent by its first use,
 * good or late.
 */
final class SignInLinks {
  /** The most links pending at once; the oldest goes first. */
  static final int MAX_PENDING = 100;

  private record Pending(byte[] hash, String userId, long expiresAt) {}

  private final Clock clock;
  private final List<Pending> pending = new ArrayList<>();

  SignInLinks(Clock clock) {
    this.clock = clock;
  }

  /** A new token that signs {@code userId} in once within {@code life}. */
  synchronized String issue(String userId, Duration life) {
    if (life.isNegative() || life.isZero() || life.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException("a sign-in link lives between 1 ms and 24 h, not " + life);
    }
    prune();
    if (pending.size() >= MAX_PENDING) {
      pending.remove(0);
    }
    String token = Ids.token(32);
    pending.add(new Pending(hash(token), userId, clock.millis() + life.toMillis()));
    return token;
  }

  /**
   * Spends {@code token}: the user it signs in, or null when it is unknown, used already or
   * expired.
   */
  synchronized @Nullable String redeem(String token) {
    byte[] h = hash(token);
    Pending found = null;
    for (Pending p : pending) {
      // every pending hash is compared in full: the time taken does not depend on which matches
      if (MessageDigest.isEqual(p.hash(), h)) {
        found = p;
      }
    }
    if (found == null) {
      return null;
    }
    pending.remove(found);
    return found.expiresAt() > clock.millis() ? found.userId() : null;
  }

  synchronized int pendingCount() {
    prune();
    return pending.size();
  }

  private void prune() {
    long now = clock.millis();
    for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
      if (it.next().expiresAt() <= now) {
        it.remove();
      }
    }
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
