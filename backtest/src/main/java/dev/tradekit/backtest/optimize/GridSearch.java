package dev.tradekit.backtest.optimize;

import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.Metrics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a backtest for every combination of parameter values, in parallel across cores (each run on
 * its own virtual clock), and ranks the results by one metric of one account, best first (NaN
 * last). A host-side tool: it owns a thread pool for the duration of {@link #run}.
 *
 * <pre>{@code
 * List<GridSearch.Row> table = new GridSearch(
 *         Map.of("fast", new double[] {5, 10}, "slow", new double[] {50, 100}),
 *         p -> backtestWith((int) p.get("fast").doubleValue(), (int) p.get("slow").doubleValue()),
 *         "bot", "sharpe")
 *     .run(4, (done, total) -> System.out.print("\r" + done + "/" + total));
 * }</pre>
 */
public final class GridSearch {
  private final Map<String, double[]> ranges;
  private final Function<Map<String, Double>, Backtest> backtest;
  private final String account;
  private final String metric;

  /** Receives progress after each finished run (from worker threads). */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} runs have finished. */
    void update(int done, int total);
  }

  /**
   * One ranked run.
   *
   * @param params the parameter values
   * @param metrics the account's metrics
   * @param score the ranking metric's value
   */
  public record Row(Map<String, Double> params, Metrics metrics, double score) {}

  /**
   * A grid search.
   *
   * @param ranges values per parameter name (iteration order kept), each non-empty
   * @param backtest builds the backtest of one parameter combination
   * @param account the account whose metric ranks the runs
   * @param metric a name of {@link Metrics#asMap()}; higher is better, except {@code maxDrawdown}
   *     and {@code maxDrawdownDurationMillis} where lower is better
   */
  public GridSearch(
      Map<String, double[]> ranges,
      Function<Map<String, Double>, Backtest> backtest,
      String account,
      String metric) {
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
    this.backtest = Objects.requireNonNull(backtest, "backtest");
    this.account = Objects.requireNonNull(account, "account");
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  /** Every combination, the first parameter varying slowest. */
  public List<Map<String, Double>> combinations() {
    List<Map<String, Double>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, double[]> r : ranges.entrySet()) {
      List<Map<String, Double>> next = new ArrayList<>();
      for (Map<String, Double> base : out) {
        for (double v : r.getValue()) {
          Map<String, Double> m = new LinkedHashMap<>(base);
          m.put(r.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Runs every combination on {@code threads} threads and returns the ranked table.
   *
   * <p>Interrupting the calling thread cancels the search: the runs in progress stop within 1,024
   * market events each (see {@link Backtest#run()}), queued ones never start, and {@code run}
   * throws {@link CancellationException}.
   *
   * @throws IllegalStateException if a run fails
   * @throws CancellationException if the calling thread was interrupted
   */
  public List<Row> run(int threads, Progress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    List<Map<String, Double>> combos = combinations();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Row>> futures = new ArrayList<>();
      for (Map<String, Double> p : combos) {
        futures.add(
            pool.submit(
                () -> {
                  Metrics m = backtest.apply(p).run().account(account).metrics();
                  progress.update(done.incrementAndGet(), combos.size());
                  return new Row(Map.copyOf(p), m, m.value(metric));
                }));
      }
      List<Row> rows = new ArrayList<>();
      for (Future<Row> f : futures) {
        rows.add(f.get());
      }
      rows.sort(ranking(metric));
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("grid search interrupted");
      c.initCause(e);
      throw c;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException c) {
        throw c;
      }
      throw new IllegalStateException("a grid run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Best first, NaN last; lower is better for drawdown metrics. */
  static Comparator<Row> ranking(String metric) {
    boolean lowerBetter = metric.startsWith("maxDrawdown");
    return (a, b) -> {
      boolean an = Double.isNaN(a.score());
      boolean bn = Double.isNaN(b.score());
      if (an || bn) {
        return Boolean.compare(an, bn);
      }
      return lowerBetter
          ? Double.compare(a.score(), b.score())
          : Double.compare(b.score(), a.score());
    };
  }
}
