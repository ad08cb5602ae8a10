package dev.tradekit.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts request weight (per IP; everything on loopback is one IP) in fixed one-minute windows and
 * orders per API key in fixed 10-second and one-minute windows of server time, and bans a client
 * that goes on after 429s.
 */
final class RequestMeter {
  private final RateLimits limits;
  private long weightWindow = -1;
  private int usedWeight;
  private int rejections;
  private long bannedUntil;
  private final Map<String, long[]> orders = new HashMap<>();

  RequestMeter(RateLimits limits) {
    this.limits = limits;
  }

  /** Adds a request's weight; throws the 418 or 429 reply when over a limit. */
  synchronized int chargeWeight(long now, int weight) {
    if (now < bannedUntil) {
      throw banned(now);
    }
    roll(now);
    usedWeight += weight;
    if (usedWeight > limits.weightPerMinute()) {
      if (++rejections > limits.rejectionsBeforeBan()) {
        bannedUntil = now + limits.banDuration().toMillis();
        throw banned(now);
      }
      long retry = Math.max(1, (weightWindow + 60_000 - now + 999) / 1000);
      throw new ApiError(
              429,
              -1003,
              "Too many requests; current limit of IP(127.0.0.1) is "
                  + limits.weightPerMinute()
                  + " requests per minute. Please use the websocket for live updates to avoid bans.")
          .header("Retry-After", Long.toString(retry))
          .header("X-MBX-USED-WEIGHT-1M", Integer.toString(usedWeight));
    }
    return usedWeight;
  }

  synchronized int usedWeight(long now) {
    roll(now);
    return usedWeight;
  }

  private void roll(long now) {
    long w = now - Math.floorMod(now, 60_000L);
    if (w != weightWindow) {
      weightWindow = w;
      usedWeight = 0;
      rejections = 0;
    }
  }

  private ApiError banned(long now) {
    long retry = Math.max(1, (bannedUntil - now + 999) / 1000);
    return new ApiError(
            418,
            -1003,
            "Way too many requests; IP(127.0.0.1) banned until "
                + bannedUntil
                + ". Please use the websocket for live updates to avoid bans.")
        .header("Retry-After", Long.toString(retry));
  }

  /**
   * Counts {@code n} new orders of one API key; returns {10 s count, 1 min count} or throws 429
   * -1015.
   */
  synchronized int[] chargeOrders(String apiKey, long now, int n) {
    long[] c = orders.computeIfAbsent(apiKey, k -> new long[4]);
    long w10 = now - Math.floorMod(now, 10_000L);
    long w60 = now - Math.floorMod(now, 60_000L);
    if (c[0] != w10) {
      c[0] = w10;
      c[1] = 0;
    }
    if (c[2] != w60) {
      c[2] = w60;
      c[3] = 0;
    }
    if (c[1] + n > limits.ordersPer10Seconds()) {
      throw orderLimit(
          limits.ordersPer10Seconds(), "10 SECONDS", (w10 + 10_000 - now + 999) / 1000);
    }
    if (c[3] + n > limits.ordersPerMinute()) {
      throw orderLimit(limits.ordersPerMinute(), "1 MINUTE", (w60 + 60_000 - now + 999) / 1000);
    }
    c[1] += n;
    c[3] += n;
    return new int[] {(int) c[1], (int) c[3]};
  }

  private static ApiError orderLimit(int limit, String interval, long retrySeconds) {
    return new ApiError(
            429,
            -1015,
            "Too many new orders; current limit is " + limit + " orders per " + interval + ".")
        .header("Retry-After", Long.toString(Math.max(1, retrySeconds)));
  }
}
