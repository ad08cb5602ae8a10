package dev.tradekit.backtest.optimize;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walk-forward analysis: for each window, a {@link GridSearch} fits the parameters on the in-sample
 * range, and the best parameters are then scored on the following out-of-sample range, which the
 * fit never saw.
 *
 * <pre>{@code
 * WalkForward wf = new WalkForward(ranges,
 *     (p, from, to) -> backtestWith(p).start(from).end(to).build(), "bot", "sharpe");
 * List<WalkForward.Window> windows = WalkForward.windows(
 *     start, end, Duration.ofDays(60), Duration.ofDays(14), Duration.ofDays(14));
 * wf.run(windows, 4).forEach(r -> System.out.println(r.params() + " " + r.outOfSampleScore()));
 * }</pre>
 */
public final class WalkForward {
  private final Map<String, double[]> ranges;
  private final Factory factory;
  private final String account;
  private final String metric;

  /** Builds the backtest of one parameter combination over {@code [from, to]}. */
  @FunctionalInterface
  public interface Factory {
    /** The backtest of {@code params} replaying events from {@code from} to {@code to}. */
    Backtest build(Map<String, Double> params, Instant from, Instant to);
  }

  /**
   * One split: in-sample {@code [inStart, inEnd)} followed by out-of-sample {@code [outStart,
   * outEnd)}, with {@code outStart == inEnd}.
   */
  public record Window(Instant inStart, Instant inEnd, Instant outStart, Instant outEnd) {}

  /**
   * The result of one window.
   *
   * @param window the split
   * @param params the best in-sample parameters
   * @param inSampleScore their in-sample metric
   * @param outOfSample the out-of-sample metrics of those parameters
   * @param outOfSampleScore the ranking metric out of sample
   */
  public record Row(
      Window window,
      Map<String, Double> params,
      double inSampleScore,
      Metrics outOfSample,
      double outOfSampleScore) {}

  /**
   * A walk-forward study.
   *
   * @param ranges values per parameter, as for {@link GridSearch}
   * @param factory builds a backtest of parameters over a time range
   * @param account the account whose metric ranks the runs
   * @param metric a name of {@link Metrics#asMap()}, ranked as in {@link GridSearch}
   */
  public WalkForward(Map<String, double[]> ranges, Factory factory, String account, String metric) {
    Objects.requireNonNull(ranges, "ranges");
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("ranges must name at least one parameter");
    }
    ranges.forEach(
        (k, v) -> {
          if (v.length == 0) {
            throw new IllegalArgumentException("range of " + k + " is empty");
          }
        });
    this.ranges = new LinkedHashMap<>(ranges);
    this.factory = Objects.requireNonNull(factory, "factory");
    this.account = Objects.requireNonNull(account, "account");
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  /**
   * Rolling windows over {@code [start, end)}: window {@code k} has its in-sample range start at
   * {@code start + k·step}; windows whose out-of-sample range would pass {@code end} are dropped.
   *
   * @throws IllegalArgumentException if a duration is not positive or no window fits
   */
  public static List<Window> windows(
      Instant start, Instant end, Duration inSample, Duration outOfSample, Duration step) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    positive(inSample, "inSample");
    positive(outOfSample, "outOfSample");
    positive(step, "step");
    List<Window> out = new ArrayList<>();
    for (Instant s = start; ; s = s.plus(step)) {
      Instant split = s.plus(inSample);
      Instant outEnd = split.plus(outOfSample);
      if (outEnd.isAfter(end)) {
        break;
      }
      out.add(new Window(s, split, split, outEnd));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no window of "
              + inSample
              + " in-sample + "
              + outOfSample
              + " out-of-sample fits in ["
              + start
              + ", "
              + end
              + ")");
    }
    return out;
  }

  /**
   * Fits and scores every window, each grid on {@code threads} threads.
   *
   * @throws IllegalStateException if a run fails
   */
  public List<Row> run(List<Window> windows, int threads) {
    Objects.requireNonNull(windows, "windows");
    List<Row> rows = new ArrayList<>();
    for (Window w : windows) {
      GridSearch.Row best =
          new GridSearch(ranges, p -> factory.build(p, w.inStart(), w.inEnd()), account, metric)
              .run(threads, (done, total) -> {})
              .get(0);
      Metrics out =
          factory.build(best.params(), w.outStart(), w.outEnd()).run().account(account).metrics();
      rows.add(new Row(w, best.params(), best.score(), out, out.value(metric)));
    }
    return rows;
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
  }
}
