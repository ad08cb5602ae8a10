package dev.tradekit.scanner;

import java.util.HashMap;
import java.util.Map;

/**
 * Realised one-hour volatility per symbol from the mid prices the scanner sees: the last mid of
 * each minute is kept for the last hour, and the volatility in percent is {@code 100 × sqrt(Σ r² ×
 * 60 / covered)} with {@code r} the log returns between consecutive kept minutes and {@code
 * covered} the minutes they span. With fewer than two minutes seen it is 0.
 */
final class VolatilityTracker {
  private static final long MINUTE = 60_000L;
  private static final int KEEP = 61;

  private final Map<String, Series> series = new HashMap<>();
  private double market;
  private long marketAt = Long.MIN_VALUE;

  /** Records the mid of {@code symbol} at {@code nowMillis}; non-positive mids are ignored. */
  void onMid(String symbol, long nowMillis, double mid) {
    if (mid > 0 && Double.isFinite(mid)) {
      series.computeIfAbsent(symbol, s -> new Series()).add(Math.floorDiv(nowMillis, MINUTE), mid);
    }
  }

  /** The symbol's one-hour volatility in percent at {@code nowMillis}. */
  double symbolVolatility(String symbol, long nowMillis) {
    Series s = series.get(symbol);
    return s == null ? 0.0 : s.volatility(Math.floorDiv(nowMillis, MINUTE));
  }

  /**
   * The mean one-hour volatility of the symbols with at least one return in the last hour;
   * recomputed at most once a second.
   */
  double marketVolatility(long nowMillis) {
    if (marketAt != Long.MIN_VALUE && nowMillis >= marketAt && nowMillis - marketAt < 1_000L) {
      return market;
    }
    market = computeMarketVolatility(nowMillis);
    marketAt = nowMillis;
    return market;
  }

  private double computeMarketVolatility(long nowMillis) {
    long minute = Math.floorDiv(nowMillis, MINUTE);
    double sum = 0;
    int n = 0;
    for (Series s : series.values()) {
      double v = s.volatility(minute);
      if (v > 0) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? 0.0 : sum / n;
  }

  /** Minute closes in a ring, oldest first from {@code head}. */
  private static final class Series {
    final long[] minutes = new long[KEEP];
    final double[] closes = new double[KEEP];
    int head;
    int count;

    void add(long minute, double mid) {
      if (count > 0) {
        int last = (head + count - 1) % KEEP;
        if (minutes[last] == minute) {
          closes[last] = mid;
          return;
        }
        if (minutes[last] > minute) {
          return; // out of order: the clock never goes back, a late sample is dropped
        }
      }
      if (count == KEEP) {
        head = (head + 1) % KEEP;
        count--;
      }
      int slot = (head + count) % KEEP;
      minutes[slot] = minute;
      closes[slot] = mid;
      count++;
    }

    double volatility(long nowMinute) {
      double sumSq = 0;
      long first = Long.MIN_VALUE;
      long last = Long.MIN_VALUE;
      double prev = 0;
      for (int i = 0; i < count; i++) {
        int slot = (head + i) % KEEP;
        if (minutes[slot] < nowMinute - 60) {
          continue;
        }
        if (first == Long.MIN_VALUE) {
          first = minutes[slot];
        } else {
          double r = Math.log(closes[slot] / prev);
          sumSq += r * r;
        }
        last = minutes[slot];
        prev = closes[slot];
      }
      long covered = last - first;
      if (first == Long.MIN_VALUE || covered <= 0) {
        return 0.0;
      }
      return 100.0 * Math.sqrt(sumSq * 60.0 / covered);
    }
  }
}
