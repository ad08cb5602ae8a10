package dev.tradekit.backtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Performance metrics of one account, with the definitions of {@code docs/metrics.md}: returns and
 * drawdown from the mark-to-market equity curve; Sharpe and Sortino from daily returns on a 365-day
 * year with the sample standard deviation (n − 1); trade statistics from round trips. Undefined
 * values (e.g. Sharpe of fewer than two days) are {@code NaN}.
 *
 * <pre>{@code
 * Metrics m = result.account("bot").metrics();
 * System.out.printf("return %.2f%%, Sharpe %.2f, max DD %.2f%%%n",
 *     100 * m.totalReturn(), m.sharpe(), 100 * m.maxDrawdown());
 * }</pre>
 *
 * @param totalReturn final equity / initial equity − 1
 * @param annualisedReturn (1 + totalReturn)^(365 days / duration) − 1
 * @param maxDrawdown largest fall from a running peak, as a fraction of that peak (≥ 0)
 * @param maxDrawdownDurationMillis longest time from a peak until equity regains it (or the end)
 * @param sharpe mean daily return / sample σ of daily returns × √365
 * @param sortino mean daily return / downside deviation × √365
 * @param calmar annualisedReturn / maxDrawdown
 * @param profitFactor sum of winning net PnL / |sum of losing net PnL|
 * @param winRate winning round trips / round trips
 * @param expectancy mean net PnL per round trip
 * @param averageWin mean net PnL of winning round trips
 * @param averageLoss mean net PnL of losing round trips (negative)
 * @param turnover traded notional / mean equity
 * @param feesShare fees / (final − initial equity + fees): the share of the pre-fee PnL paid as
 *     fees
 * @param roundTrips the number of completed round trips
 * @param days the number of daily returns used for Sharpe and Sortino
 */
public record Metrics(
    double totalReturn,
    double annualisedReturn,
    double maxDrawdown,
    long maxDrawdownDurationMillis,
    double sharpe,
    double sortino,
    double calmar,
    double profitFactor,
    double winRate,
    double expectancy,
    double averageWin,
    double averageLoss,
    double turnover,
    double feesShare,
    int roundTrips,
    int days) {

  /** Milliseconds in a day. */
  public static final long DAY_MILLIS = 86_400_000L;

  /** Days in the year used to annualise. */
  public static final double DAYS_PER_YEAR = 365.0;

  /**
   * The metrics of an equity curve and the round trips' net PnL.
   *
   * @param curve the sampled equity (at least one sample)
   * @param trips completed round trips
   * @param fees total fees paid
   * @param tradedNotional total notional traded (sum of |price × quantity| of the fills)
   */
  public static Metrics of(
      EquityCurve curve, List<RoundTrip> trips, double fees, double tradedNotional) {
    Objects.requireNonNull(curve, "curve");
    Objects.requireNonNull(trips, "trips");
    double[] net = new double[trips.size()];
    for (int i = 0; i < net.length; i++) {
      net[i] = trips.get(i).netPnl();
    }
    return compute(
        curve.times(), curve.equities(), curve.size(), net, net.length, fees, tradedNotional);
  }

  /**
   * The metrics of primitive series (allocates only the daily-return array).
   *
   * @param times sample times, ascending
   * @param equity equity per sample
   * @param n the number of samples used (≥ 1)
   * @param tripNet net PnL per round trip
   * @param trips the number of round trips used
   * @throws IllegalArgumentException if {@code n} is less than 1
   */
  public static Metrics compute(
      long[] times,
      double[] equity,
      int n,
      double[] tripNet,
      int trips,
      double fees,
      double tradedNotional) {
    if (n < 1) {
      throw new IllegalArgumentException("at least one equity sample is needed, n = " + n);
    }
    double first = equity[0];
    double last = equity[n - 1];
    double total = last / first - 1;
    double years = (times[n - 1] - times[0]) / (DAY_MILLIS * DAYS_PER_YEAR);
    double annual = years > 0 ? Math.pow(1 + total, 1 / years) - 1 : Double.NaN;
    double mdd = maxDrawdown(equity, n);
    double[] daily = dailyReturns(times, equity, n);
    double wins = 0;
    double losses = 0;
    int winCount = 0;
    int lossCount = 0;
    for (int i = 0; i < trips; i++) {
      if (tripNet[i] > 0) {
        wins += tripNet[i];
        winCount++;
      } else if (tripNet[i] < 0) {
        losses += tripNet[i];
        lossCount++;
      }
    }
    double meanEquity = 0;
    for (int i = 0; i < n; i++) {
      meanEquity += equity[i] / n;
    }
    double preFee = last - first + fees;
    return new Metrics(
        total,
        annual,
        mdd,
        maxDrawdownDuration(times, equity, n),
        sharpe(daily),
        sortino(daily),
        mdd > 0 ? annual / mdd : Double.NaN,
        trips == 0 ? Double.NaN : losses < 0 ? wins / -losses : Double.POSITIVE_INFINITY,
        trips == 0 ? Double.NaN : (double) winCount / trips,
        trips == 0 ? Double.NaN : (wins + losses) / trips,
        winCount == 0 ? Double.NaN : wins / winCount,
        lossCount == 0 ? Double.NaN : losses / lossCount,
        meanEquity > 0 ? tradedNotional / meanEquity : Double.NaN,
        preFee > 0 ? fees / preFee : Double.NaN,
        trips,
        daily.length);
  }

  /** The largest fall from a running peak as a fraction of the peak, over {@code n} values. */
  public static double maxDrawdown(double[] equity, int n) {
    double peak = Double.NEGATIVE_INFINITY;
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double e = equity[i];
      if (e > peak) {
        peak = e;
      } else if (peak > 0) {
        worst = Math.max(worst, (peak - e) / peak);
      }
    }
    return worst;
  }

  /**
   * The longest time equity stayed below a previous peak: from the peak's sample to the first
   * sample at or above it, or to the last sample if never regained.
   */
  public static long maxDrawdownDuration(long[] times, double[] equity, int n) {
    long longest = 0;
    double peak = Double.NEGATIVE_INFINITY;
    long peakTime = n > 0 ? times[0] : 0;
    for (int i = 0; i < n; i++) {
      if (equity[i] >= peak) {
        longest = Math.max(longest, times[i] - peakTime);
        peak = equity[i];
        peakTime = times[i];
      }
    }
    return n == 0 ? 0 : Math.max(longest, times[n - 1] - peakTime);
  }

  /**
   * Daily mark-to-market returns: the equity at {@code t0 + k days} is the last sample at or before
   * that time, for {@code k = 0 … floor((tLast − t0) / 1 day)}; return {@code k} is {@code E_k /
   * E_(k−1) − 1}.
   */
  public static double[] dailyReturns(long[] times, double[] equity, int n) {
    if (n == 0) {
      return new double[0];
    }
    int days = (int) ((times[n - 1] - times[0]) / DAY_MILLIS);
    double[] out = new double[days];
    int j = 0;
    double prev = equity[0];
    for (int k = 1; k <= days; k++) {
      long boundary = times[0] + k * DAY_MILLIS;
      while (j + 1 < n && times[j + 1] <= boundary) {
        j++;
      }
      out[k - 1] = equity[j] / prev - 1;
      prev = equity[j];
    }
    return out;
  }

  /** Mean / sample σ (n − 1) × √365; NaN for fewer than two returns or zero σ. */
  public static double sharpe(double[] daily) {
    int n = daily.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(daily);
    double ss = 0;
    for (double r : daily) {
      ss += (r - mean) * (r - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? mean / sd * Math.sqrt(DAYS_PER_YEAR) : Double.NaN;
  }

  /**
   * Mean / downside deviation × √365, where downside deviation = √(Σ min(r, 0)² / (n − 1)); NaN for
   * fewer than two returns or no negative return.
   */
  public static double sortino(double[] daily) {
    int n = daily.length;
    if (n < 2) {
      return Double.NaN;
    }
    double ss = 0;
    for (double r : daily) {
      double d = Math.min(r, 0);
      ss += d * d;
    }
    double dd = Math.sqrt(ss / (n - 1));
    return dd > 0 ? mean(daily) / dd * Math.sqrt(DAYS_PER_YEAR) : Double.NaN;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Every metric by name, in declaration order (for reports and ranking). */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("totalReturn", totalReturn);
    m.put("annualisedReturn", annualisedReturn);
    m.put("maxDrawdown", maxDrawdown);
    m.put("maxDrawdownDurationMillis", (double) maxDrawdownDurationMillis);
    m.put("sharpe", sharpe);
    m.put("sortino", sortino);
    m.put("calmar", calmar);
    m.put("profitFactor", profitFactor);
    m.put("winRate", winRate);
    m.put("expectancy", expectancy);
    m.put("averageWin", averageWin);
    m.put("averageLoss", averageLoss);
    m.put("turnover", turnover);
    m.put("feesShare", feesShare);
    m.put("roundTrips", (double) roundTrips);
    m.put("days", (double) days);
    return m;
  }

  /**
   * One metric by its name in {@link #asMap()}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public double value(String name) {
    Double v = asMap().get(Objects.requireNonNull(name, "name"));
    if (v == null) {
      throw new IllegalArgumentException("unknown metric " + name + "; known: " + asMap().keySet());
    }
    return v;
  }
}
