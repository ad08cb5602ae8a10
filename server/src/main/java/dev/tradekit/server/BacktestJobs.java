package dev.tradekit.server;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.optimize.GridSearch;
import dev.tradekit.backtest.report.HtmlReport;
import dev.tradekit.backtest.report.JsonReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtest and grid-search jobs on a bounded pool: {@code threads} jobs run at once, {@code queue}
 * more wait, and a submission beyond that is refused (503). Each job's state, progress, headline
 * figures, JSON result and HTML report are kept in the {@link Store}; its owner hears {@code
 * backtest.*} events on the event stream, progress at most every {@code progressEveryMillis}.
 * Cancelling interrupts the job's thread, which stops the backtest within 1,024 market events
 * ({@link dev.tradekit.backtest.Backtest#run()}). Jobs that were queued or running when the control
 * plane stopped are marked failed when it starts again.
 */
final class BacktestJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BacktestJobs.class);

  /** The error of a job the control plane stopped under. */
  static final String INTERRUPTED =
      "interrupted: the control plane stopped before the job finished; submit it again";

  private final Store store;
  private final EventHub hub;
  private final Clock clock;
  private final ThreadPoolExecutor pool;
  private final long progressEveryNanos;
  private final int capacity;
  private final int keepFinished;
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  /** How a job can end (its final state). */
  static final List<String> ENDS = List.of("done", "failed", "cancelled");

  private final Map<String, AtomicLong> ended =
      Map.of(
          "done", new AtomicLong(),
          "failed", new AtomicLong(),
          "cancelled", new AtomicLong());
  private volatile boolean closing;

  /** A queued or running job: its task, and who moves it out of {@code queued} first. */
  private static final class Live {
    final AtomicReference<String> state = new AtomicReference<>("queued");
    final CountDownLatch ended = new CountDownLatch(1);
    volatile @Nullable Future<?> future;
  }

  BacktestJobs(
      Store store,
      EventHub hub,
      Clock clock,
      int threads,
      int queue,
      long progressEveryMillis,
      int keepFinished) {
    this.store = store;
    this.keepFinished = keepFinished;
    this.hub = hub;
    this.clock = clock;
    this.progressEveryNanos = TimeUnit.MILLISECONDS.toNanos(progressEveryMillis);
    this.capacity = threads + queue;
    int failed = store.failUnfinishedJobs(clock.millis(), INTERRUPTED);
    if (failed > 0) {
      LOG.warn("backtests: {} job(s) were cut off by the last stop and are marked failed", failed);
    }
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            r -> {
              Thread t = new Thread(r, "tradekit-backtest-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues a job for {@code owner}.
   *
   * @throws ApiException 503 when every worker is busy and the queue is full
   */
  Store.Job submit(String owner, JobSpec spec) {
    if (closing) {
      throw full("the control plane is stopping");
    }
    long now = clock.millis();
    Store.Job job =
        new Store.Job(
            Ids.next("job"),
            owner,
            spec.kind,
            spec.name,
            Json.write(spec.toMap()),
            "queued",
            0,
            now,
            0,
            0,
            null,
            null);
    Live l = new Live();
    synchronized (this) {
      if (live.size() >= capacity) {
        throw full("every backtest worker is busy and the queue is full");
      }
      hub.publish(owner, "backtest.queued", json(job), now, () -> store.insertJob(job));
      live.put(job.id(), l);
      try {
        l.future = pool.submit(() -> run(job, spec, l));
      } catch (RejectedExecutionException e) {
        live.remove(job.id());
        Store.Job refused = job.ended("failed", clock.millis(), null, "refused: the queue is full");
        store.updateJob(refused);
        throw full("every backtest worker is busy and the queue is full");
      }
    }
    return job;
  }

  private static ApiException full(String why) {
    return new ApiException(
            503,
            "job-queue-full",
            "Backtest queue full",
            why + ": try again when a job has finished, or cancel one",
            null)
        .header("Retry-After", "10");
  }

  /**
   * Cancels a queued or running job and waits up to {@code waitMillis} for a running one to stop.
   *
   * @return the job as stored afterwards
   * @throws ApiException 409 if the job has already ended
   */
  Store.Job cancel(Store.Job job, long waitMillis) {
    Live l = live.get(job.id());
    if (l == null) {
      throw ApiException.conflict(
          "job-ended", "job " + job.id() + " has already ended (" + job.state() + ")");
    }
    if (l.state.compareAndSet("queued", "cancelled")) {
      Future<?> f = l.future;
      if (f != null) {
        f.cancel(false);
        pool.remove((Runnable) f);
      }
      live.remove(job.id());
      end(job, "cancelled", null, "cancelled before it started");
      l.ended.countDown();
      prune(job.owner());
    } else {
      l.state.compareAndSet("running", "cancelling");
      Future<?> f = l.future;
      if (f != null) {
        f.cancel(true);
      }
      try {
        l.ended.await(waitMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return store.job(job.id()).orElse(job);
  }

  /** Jobs of this pool now in {@code state} ({@code queued} or {@code running}). */
  int live(String state) {
    int n = 0;
    for (Live l : live.values()) {
      if (state.equals(l.state.get())) {
        n++;
      }
    }
    return n;
  }

  /** Jobs this pool ended in {@code state} ({@code done}, {@code failed}, {@code cancelled}). */
  long finished(String state) {
    AtomicLong n = ended.get(state);
    return n == null ? 0 : n.get();
  }

  private void run(Store.Job queued, JobSpec spec, Live l) {
    if (!l.state.compareAndSet("queued", "running")) {
      return;
    }
    Store.Job job = queued.with("running", 0, clock.millis(), 0);
    try {
      hub.publish(
          job.owner(), "backtest.started", json(job), job.startedAt(), () -> store.updateJob(job));
      Progress progress = new Progress(job, spec);
      Outcome out = spec.kind.equals("grid") ? grid(spec, progress) : single(spec, progress);
      if (closing) {
        return;
      }
      Store.Job done = job.ended("done", clock.millis(), Json.write(out.summary), null);
      hub.publish(
          done.owner(),
          "backtest.done",
          json(done),
          done.finishedAt(),
          () -> {
            store.putJobResult(done.id(), out.json, out.html);
            store.updateJob(done);
          });
      countEnd("done");
    } catch (CancellationException e) {
      if (!closing) {
        end(job, "cancelled", null, "cancelled while running");
      }
    } catch (RuntimeException e) {
      if (closing) {
        return;
      }
      if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
        end(job, "cancelled", null, "cancelled while running");
      } else {
        LOG.warn("backtests: job {} failed: {}", job.id(), e.toString());
        end(job, "failed", null, "the backtest failed: " + firstLine(e.getMessage()));
      }
    } finally {
      live.remove(job.id());
      l.ended.countDown();
      if (!closing) {
        prune(job.owner());
      }
    }
  }

  /** Applies the retention: the owner keeps their newest {@code keepFinished} finished jobs. */
  private void prune(String owner) {
    try {
      int removed = store.pruneJobs(owner, keepFinished);
      if (removed > 0) {
        LOG.debug("backtests: removed {} old finished job(s) of {}", removed, owner);
      }
    } catch (RuntimeException e) {
      LOG.warn("backtests: retention failed: {}", e.toString());
    }
  }

  /**
   * Deletes a job with its result and report, cancelling it first if it is queued or running.
   *
   * @throws ApiException 409 if a running job did not stop within {@code waitMillis}
   */
  void delete(Store.Job job, long waitMillis) {
    Live l = live.get(job.id());
    if (l != null) {
      try {
        cancel(job, waitMillis);
      } catch (ApiException endedMeanwhile) {
        // it ended between the lookup and the cancel: nothing to stop
      }
      try {
        if (!l.ended.await(waitMillis, TimeUnit.MILLISECONDS)) {
          throw ApiException.conflict(
              "job-stopping",
              "backtest " + job.id() + " is still stopping: delete it again in a moment");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiException.conflict("job-stopping", "interrupted while stopping " + job.id());
      }
    }
    store.deleteJob(job.id());
  }

  private void end(Store.Job job, String state, @Nullable String summary, String why) {
    Store.Job stored = store.job(job.id()).orElse(job);
    Store.Job ended = stored.ended(state, clock.millis(), summary, why);
    hub.publish(
        ended.owner(),
        "backtest." + state,
        json(ended),
        ended.finishedAt(),
        () -> store.updateJob(ended));
    countEnd(state);
  }

  private void countEnd(String state) {
    AtomicLong n = this.ended.get(state);
    if (n != null) {
      n.incrementAndGet();
    }
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "no detail";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** What a finished job keeps. */
  private record Outcome(Map<String, Object> summary, String json, String html) {}

  private Outcome single(JobSpec spec, Progress progress) {
    progress.runs(1);
    BacktestResult r =
        spec.backtest.backtest(spec.backtest.params(), progress.wrap(spec.backtest.source())).run();
    return new Outcome(summary(r), JsonReport.toJson(r), HtmlReport.toHtml(r));
  }

  private Outcome grid(JobSpec spec, Progress progress) {
    List<Map<String, Double>> combos = spec.combinations();
    progress.runs(combos.size() + 1); // and the best run again, for its report
    GridSearch search =
        new GridSearch(
            spec.grid,
            p -> {
              Map<String, Double> values = new LinkedHashMap<>(spec.backtest.params());
              values.putAll(p);
              return spec.backtest.backtest(values, progress.wrap(spec.backtest.source()));
            },
            BacktestSpec.ACCOUNT,
            spec.metric);
    List<GridSearch.Row> rows = search.run(1, (done, total) -> progress.runDone(done));
    GridSearch.Row best = rows.get(0);
    Map<String, Double> bestValues = new LinkedHashMap<>(spec.backtest.params());
    bestValues.putAll(best.params());
    BacktestResult r =
        spec.backtest.backtest(bestValues, progress.wrap(spec.backtest.source())).run();
    List<Map<String, Object>> table = new ArrayList<>();
    for (GridSearch.Row row : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("params", row.params());
      m.put("score", finite(row.score()));
      m.put("metrics", finite(row.metrics().asMap()));
      table.add(m);
    }
    Map<String, Object> summary = summary(r);
    summary.put("runs", rows.size());
    summary.put("metric", spec.metric);
    summary.put("bestParams", best.params());
    summary.put("bestScore", finite(best.score()));
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("kind", "grid");
    head.put("metric", spec.metric);
    head.put("rows", table);
    String json = Json.write(head);
    // the best run's whole JsonReport, spliced in as written
    json = json.substring(0, json.length() - 1) + ",\"best\":" + JsonReport.toJson(r).trim() + "}";
    return new Outcome(summary, json, HtmlReport.toHtml(r));
  }

  /** The headline figures of the traded account. */
  static Map<String, Object> summary(BacktestResult r) {
    AccountResult a = r.account(BacktestSpec.ACCOUNT);
    Metrics m = a.metrics();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("totalReturn", finite(m.totalReturn()));
    s.put(
        "annualisedReturn",
        HtmlReport.annualises(r.startTime(), r.endTime()) ? finite(m.annualisedReturn()) : null);
    s.put("maxDrawdown", finite(m.maxDrawdown()));
    s.put("sharpe", finite(m.sharpe()));
    s.put("roundTrips", m.roundTrips());
    s.put("fills", a.fills().size());
    s.put("fees", finite(a.fees()));
    s.put("events", r.events());
    s.put("startTime", r.startTime());
    s.put("endTime", r.endTime());
    return s;
  }

  private static @Nullable Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Map<String, @Nullable Double> finite(Map<String, Double> m) {
    Map<String, @Nullable Double> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, finite(v)));
    return out;
  }

  /** The job as the API shows it. */
  static Map<String, Object> json(Store.Job j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", j.id());
    m.put("owner", j.owner());
    m.put("kind", j.kind());
    m.put("name", j.name());
    m.put("state", j.state());
    m.put("progress", Math.round(j.progress() * 1000) / 1000.0);
    m.put("createdAt", j.createdAt());
    m.put("startedAt", j.startedAt() == 0 ? null : j.startedAt());
    m.put("finishedAt", j.finishedAt() == 0 ? null : j.finishedAt());
    m.put("request", Json.readObject(j.requestJson()));
    String summary = j.summaryJson();
    m.put("summary", summary == null ? null : Json.readObject(summary));
    m.put("error", j.error());
    return m;
  }

  /**
   * Follows a job's runs and publishes its progress: by event time for the synthetic market, by
   * events read for a file (counted first); at most every {@code progressEveryNanos} and only when
   * it grew.
   */
  private final class Progress {
    private final Store.Job job;
    private final JobSpec spec;
    private int runs = 1;
    private volatile int runsDone;
    private long fileEvents = -1;
    private double published;
    private long lastNanos = System.nanoTime();

    Progress(Store.Job job, JobSpec spec) {
      this.job = job;
      this.spec = spec;
    }

    void runs(int n) {
      this.runs = n;
    }

    void runDone(int done) {
      runsDone = done;
    }

    Supplier<MarketDataSource> wrap(Supplier<MarketDataSource> source) {
      if (spec.backtest.file() != null && fileEvents < 0) {
        fileEvents = count(source);
      }
      return () -> new Counting(source.get());
    }

    private long count(Supplier<MarketDataSource> source) {
      long n = 0;
      try (MarketDataSource s = source.get()) {
        MarketEvent e = new MarketEvent();
        while (s.next(e)) {
          if ((++n & 1023) == 0 && Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled while counting the data's events");
          }
        }
      }
      if (n == 0) {
        throw new IllegalStateException(
            "no market event in "
                + spec.backtest.describeData()
                + ": check the format and the symbol");
      }
      return n;
    }

    void report(double runFraction) {
      double p = Math.min(1.0, (runsDone + Math.max(0, Math.min(1, runFraction))) / runs);
      long now = System.nanoTime();
      if (p <= published + 0.001 || now - lastNanos < progressEveryNanos) {
        return;
      }
      published = p;
      lastNanos = now;
      Store.Job at = job.with("running", p, job.startedAt(), 0);
      hub.publish(
          at.owner(),
          "backtest.progress",
          progressJson(at),
          clock.millis(),
          () -> store.updateJob(at));
    }

    private Map<String, Object> progressJson(Store.Job j) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", j.id());
      m.put("state", j.state());
      m.put("progress", Math.round(j.progress() * 1000) / 1000.0);
      return m;
    }

    /** Counts the events of one run and reports every 1,024. */
    private final class Counting implements MarketDataSource {
      private final MarketDataSource delegate;
      private long read;

      Counting(MarketDataSource delegate) {
        this.delegate = delegate;
      }

      @Override
      public boolean next(MarketEvent into) {
        boolean more = delegate.next(into);
        if (more && (++read & 1023) == 0) {
          report(
              fileEvents > 0
                  ? (double) read / fileEvents
                  : (double) (into.eventTime() - BacktestSpec.SYNTHETIC_START)
                      / spec.backtest.syntheticMillis());
        }
        return more;
      }

      @Override
      public void close() {
        delegate.close();
      }
    }
  }

  /**
   * Stops taking jobs, interrupts the running ones and waits a little for them; their stored state
   * stays {@code queued}/{@code running}, which the next start marks failed ({@link #INTERRUPTED}).
   */
  @Override
  public void close() {
    closing = true;
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("backtests: a job did not stop within 10 s of the control plane closing");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
