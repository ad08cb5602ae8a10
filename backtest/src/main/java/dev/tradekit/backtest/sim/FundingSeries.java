package dev.tradekit.backtest.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Funding times and rates of one perpetual: at each time every open position pays {@code amount *
 * markPrice * rate} (longs pay a positive rate to shorts, shorts pay a negative one).
 *
 * <pre>{@code
 * // Binance's schedule: 00:00, 08:00 and 16:00 UTC, here with a constant 0.01 %
 * FundingSeries btc = FundingSeries.every(Duration.ofHours(8),
 *     Instant.parse("2024-08-08T00:00:00Z").toEpochMilli(), new BigDecimal("0.0001"));
 * FundingSeries recorded = FundingSeries.of(List.of(t1, t2), List.of(r1, r2));
 * }</pre>
 */
public final class FundingSeries {
  private final long[] times;
  private final BigDecimal[] rates;
  private final long period;

  private FundingSeries(long[] times, BigDecimal[] rates, long period) {
    this.times = times;
    this.rates = rates;
    this.period = period;
  }

  /**
   * Explicit funding events, e.g. from Binance's funding-rate history.
   *
   * @param timesMillis epoch ms, strictly increasing
   * @param rates one rate per time (0.0001 = 0.01 %)
   * @throws IllegalArgumentException if the lists are empty, differ in size or times do not
   *     increase
   */
  public static FundingSeries of(List<Long> timesMillis, List<BigDecimal> rates) {
    Objects.requireNonNull(timesMillis, "timesMillis");
    Objects.requireNonNull(rates, "rates");
    if (timesMillis.isEmpty() || timesMillis.size() != rates.size()) {
      throw new IllegalArgumentException(
          "timesMillis and rates must be non-empty and of equal size, were "
              + timesMillis.size()
              + " and "
              + rates.size());
    }
    long[] t = new long[timesMillis.size()];
    BigDecimal[] r = new BigDecimal[t.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Objects.requireNonNull(timesMillis.get(i), "timesMillis[" + i + "]");
      r[i] = Objects.requireNonNull(rates.get(i), "rates[" + i + "]");
      if (i > 0 && t[i] <= t[i - 1]) {
        throw new IllegalArgumentException(
            "timesMillis must increase strictly, but ["
                + i
                + "] = "
                + t[i]
                + " follows "
                + t[i - 1]);
      }
    }
    return new FundingSeries(t, r, 0);
  }

  /**
   * The same rate every {@code interval} from {@code firstTimeMillis} on, without end.
   *
   * @throws IllegalArgumentException if the interval is shorter than one millisecond
   */
  public static FundingSeries every(Duration interval, long firstTimeMillis, BigDecimal rate) {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(rate, "rate");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms, was " + interval);
    }
    return new FundingSeries(
        new long[] {firstTimeMillis}, new BigDecimal[] {rate}, interval.toMillis());
  }

  /** The first funding time at or after {@code time}, or {@link Long#MAX_VALUE} when none. */
  long nextTimeAtOrAfter(long time) {
    if (period > 0) {
      if (time <= times[0]) {
        return times[0];
      }
      long k = Math.floorDiv(time - times[0] + period - 1, period);
      return times[0] + k * period;
    }
    for (long t : times) {
      if (t >= time) {
        return t;
      }
    }
    return Long.MAX_VALUE;
  }

  /** The rate of the funding event at exactly {@code time} (a time from nextTimeAtOrAfter). */
  BigDecimal rateAt(long time) {
    if (period > 0) {
      return rates[0];
    }
    for (int i = 0; i < times.length; i++) {
      if (times[i] == time) {
        return rates[i];
      }
    }
    throw new IllegalArgumentException("no funding event at " + time);
  }

  @Override
  public String toString() {
    return period > 0
        ? "FundingSeries[every " + period + " ms from " + times[0] + " at " + rates[0] + "]"
        : "FundingSeries[" + times.length + " events from " + times[0] + "]";
  }
}
