package dev.tradekit.server;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Login throttling: at most {@code perUser} failed logins per user name and {@code perAddress} per
 * client address within a sliding window; beyond that, logins are refused with 429 until the oldest
 * failure leaves the window. Success clears the user's count.
 */
final class Throttle {
  /** Above this many tracked names and addresses, expired ones are swept on the next failure. */
  static final int MAX_KEYS = 10_000;

  private final int perUser;
  private final int perAddress;
  private final long windowMillis;
  private final Map<String, Deque<Long>> failures = new HashMap<>();

  Throttle(int perUser, int perAddress, long windowMillis) {
    this.perUser = perUser;
    this.perAddress = perAddress;
    this.windowMillis = windowMillis;
  }

  /** Throws 429 with Retry-After if either key is over its limit. */
  synchronized void check(String user, String address, long now) {
    long wait =
        Math.max(waitFor("u:" + user, perUser, now), waitFor("a:" + address, perAddress, now));
    if (wait > 0) {
      throw new ApiException(
              429,
              "login-throttled",
              "Too many login attempts",
              "too many failed logins for this user or address; retry later",
              null)
          .header("Retry-After", Long.toString(Math.max(1, (wait + 999) / 1000)));
    }
  }

  private long waitFor(String key, int limit, long now) {
    Deque<Long> d = failures.get(key);
    if (d == null) {
      return 0;
    }
    while (!d.isEmpty() && d.peekFirst() <= now - windowMillis) {
      d.pollFirst();
    }
    if (d.isEmpty()) {
      failures.remove(key);
      return 0;
    }
    return d.size() >= limit ? d.peekFirst() + windowMillis - now : 0;
  }

  synchronized void fail(String user, String address, long now) {
    if (failures.size() >= MAX_KEYS) {
      // many distinct names or addresses: forget those whose failures have all left the window
      failures.values().removeIf(d -> d.isEmpty() || d.peekLast() <= now - windowMillis);
    }
    failures.computeIfAbsent("u:" + user, k -> new ArrayDeque<>()).addLast(now);
    failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
  }

  synchronized void succeed(String user) {
    failures.remove("u:" + user);
  }
}
