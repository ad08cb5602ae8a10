package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.copier.CopierListener;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.TradeCopier;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.RateLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trade copier end to end over loopback: a leader market order on a local {@code FakeBinance},
 * its fill delivered on the leader's user stream through the real {@code binance-usdm} adapter, and
 * one copy per follower sent and acknowledged through the follower's own adapter. JMH samples the
 * whole cycle (leader order sent to every follower's copy acknowledged); each iteration also prints
 * p50/p99/p99.9 of the copier's own part, from the fill arriving on the leader's stream to each
 * follower order being sent and being acknowledged, and per leader fill to the last of its copies
 * being sent ({@code all-sent}) and acknowledged ({@code all-acked}). The journal is the user's
 * choice: {@code sqlite} (the durable default, in a temporary file) or {@code memory}. The
 * followers' venue is {@code fake} (their orders matched by {@code FakeBinance}, which shares the
 * machine's cores with the copier) or {@code canned} (answered at once by a {@link
 * CannedOrderVenue}, so that what is timed is the copier and the adapters, not the fake exchange).
 * {@code -p followers=1000} runs the scale curve's last point.
 *
 * <pre>{@code
 * benchmarks/run.sh CopierLatencyBenchmark
 * }</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@State(Scope.Benchmark)
public class CopierLatencyBenchmark {
  static final String SYMBOL = "BTCUSDT";
  private static final long TIMEOUT_SECONDS = 30;

  /**
   * The shortest time between two leader orders: 15 a second stays under Binance's 300 orders per
   * 10 s and 1200 per minute for every account, which the adapter enforces on its side by waiting.
   */
  static final long MIN_CYCLE_NANOS = TimeUnit.MILLISECONDS.toNanos(70);

  /** How many followers copy the leader. */
  @Param({"1", "10", "100"})
  public int followers;

  /** The copier's journal: {@code sqlite} (a temporary file) or {@code memory}. */
  @Param({"sqlite", "memory"})
  public String journal = "sqlite";

  /**
   * Where the followers' orders go: {@code fake} (the {@code FakeBinance} that also runs the
   * leader) or {@code canned} (a loopback server that answers each order at once with a fill).
   */
  @Param({"fake", "canned"})
  public String followerVenue = "fake";

  private @Nullable CannedOrderVenue canned;
  private @Nullable Path journalDir;
  private @Nullable FakeBinance fake;
  private final List<Exchange> adapters = new ArrayList<>();
  private @Nullable LiveScheduler clock;
  private @Nullable CopyJournal copyJournal;
  private @Nullable TradeCopier copier;
  private @Nullable Subscription arrivals;
  private @Nullable Exchange leader;
  private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Sample> sent = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Sample> acked = new ConcurrentLinkedQueue<>();
  private final AtomicInteger notCopied = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private volatile CountDownLatch outstanding = new CountDownLatch(0);
  private Side next = Side.BUY;
  private long lastCycle;
  private volatile String lastReason = "";

  /** Starts the venue, the adapters and the copier, and waits for the market to be live. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    FakeBinance.Builder b =
        FakeBinance.builder()
            .rateLimits(
                new RateLimits(1_000_000, 1_000_000, 1_000_000, 1_000, Duration.ofSeconds(1)))
            .account("leader", "s-leader", AccountSetup.usdt(new BigDecimal("1000000")));
    for (int i = 0; i < followers; i++) {
      b.account("f" + i, "s-f" + i, AccountSetup.usdt(new BigDecimal("1000000")));
    }
    FakeBinance venue = b.start();
    fake = venue;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!bookIsLive(venue)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the fake venue's book did not fill in time");
      }
      Thread.sleep(20);
    }
    String followerRest = venue.restBaseUrl();
    switch (followerVenue) {
      case "fake" -> {}
      case "canned" -> {
        CannedOrderVenue c = CannedOrderVenue.start(venue.restBaseUrl());
        canned = c;
        followerRest = c.baseUrl();
      }
      default ->
          throw new IllegalArgumentException(
              "followerVenue must be fake or canned, was " + followerVenue);
    }
    LiveScheduler scheduler = LiveScheduler.create("copier-bench");
    clock = scheduler;
    CopyJournal j = openJournal();
    copyJournal = j;
    Exchange lead = adapter(venue.adapter("leader"));
    leader = lead;
    // subscribed before the copier, so the adapter hands each fill here first
    arrivals =
        lead.streams()
            .userEvents(
                new UserEventListener() {
                  @Override
                  public void onFill(Fill fill) {
                    arrivedAt.putIfAbsent(fill.tradeId(), System.nanoTime());
                  }
                });
    TradeCopier.Builder cb =
        TradeCopier.builder()
            .leader(lead)
            .journal(j)
            .scheduler(scheduler)
            .symbols(SYMBOL)
            .listener(new Recorder());
    for (int i = 0; i < followers; i++) {
      cb.follower(
          "f" + i,
          adapter(venue.adapter("f" + i).restBaseUrl(followerRest)),
          CopyPolicies.fixedRatio(new BigDecimal("0.1")).andThen(CopyPolicies.copyEachFill()));
    }
    TradeCopier c = cb.build();
    copier = c;
    c.start().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    clear();
  }

  private CopyJournal openJournal() throws IOException {
    switch (journal) {
      case "memory":
        return CopyJournals.inMemory();
      case "sqlite":
        Path dir = Files.createTempDirectory("copier-bench");
        journalDir = dir;
        return CopyJournals.sqlite(dir.resolve("copier.db"));
      default:
        throw new IllegalArgumentException("journal must be sqlite or memory, was " + journal);
    }
  }

  private static boolean bookIsLive(FakeBinance venue) {
    return venue.onVenueThread(
        () ->
            venue.venue().book(SYMBOL).depth(Side.BUY) > 0
                && venue.venue().book(SYMBOL).depth(Side.SELL) > 0);
  }

  private Exchange adapter(Exchanges.Builder builder) {
    Exchange ex = builder.build();
    adapters.add(ex);
    return ex;
  }

  /** Forgets the samples of the warm-up iterations. */
  @Setup(Level.Iteration)
  public void clear() {
    arrivedAt.clear();
    sent.clear();
    acked.clear();
    notCopied.set(0);
  }

  /** Outside the timed part: waits until the next leader order keeps within the order limits. */
  @Setup(Level.Invocation)
  public void pace() throws InterruptedException {
    long wait = lastCycle + MIN_CYCLE_NANOS - System.nanoTime();
    if (lastCycle != 0 && wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /**
   * One leader market order of 0.01 BTC (buying and selling in turn), then waits until every
   * follower's copy of its fill has an outcome.
   *
   * @return how many copies were not copied (skipped or failed) so far in this iteration
   */
  @Benchmark
  public int leaderFillToEveryFollowerAck() throws Exception {
    lastCycle = System.nanoTime();
    CountDownLatch latch = new CountDownLatch(followers);
    outstanding = latch;
    Side side = next;
    next = side == Side.BUY ? Side.SELL : Side.BUY;
    Exchange lead = leader;
    if (lead == null) {
      throw new IllegalStateException("not set up");
    }
    Order placed =
        lead.trading()
            .place(OrderRequest.market(SYMBOL, side, new BigDecimal("0.010")))
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (placed.executedQuantity().signum() == 0) {
      throw new IllegalStateException("the leader's market order did not fill: " + placed);
    }
    if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      TradeCopier c = copier;
      throw new IllegalStateException(
          latch.getCount()
              + " of "
              + followers
              + " copies had no outcome in time; leader order "
              + placed
              + "; copier "
              + (c == null ? "none" : c.stats())
              + "; errors "
              + errors);
    }
    return notCopied.get();
  }

  /** Prints the copier's own latencies of the iteration. */
  @TearDown(Level.Iteration)
  public void report() {
    System.out.println();
    System.out.println(summary());
  }

  /** The copier's latencies so far in this iteration, one line, in microseconds. */
  String summary() {
    return String.format(
        Locale.ROOT,
        "copier followers=%d journal=%s venue=%s stream->sent %s | stream->ack %s"
            + " | stream->all-sent %s | stream->all-acked %s | not copied %d%s",
        followers,
        journal,
        followerVenue,
        percentiles(latencies(sent)),
        percentiles(latencies(acked)),
        percentiles(lastOfEachFill(sent)),
        percentiles(lastOfEachFill(acked)),
        notCopied.get(),
        lastReason.isEmpty() ? "" : " (last: " + lastReason + ")");
  }

  /** How many follower acknowledgements were timed in this iteration. */
  int ackSamples() {
    return latencies(acked).length;
  }

  /** The p50 of stream arrival to follower acknowledgement in this iteration, in microseconds. */
  long ackP50Micros() {
    long[] all = latencies(acked);
    return all.length == 0 ? -1 : at(all, 0.50);
  }

  /** How many leader fills had every follower's copy acknowledged in this iteration. */
  int fillsFullyAcked() {
    return lastOfEachFill(acked).length;
  }

  private static String percentiles(long[] all) {
    if (all.length == 0) {
      return "no samples";
    }
    return String.format(
        Locale.ROOT,
        "p50=%dus p99=%dus p99.9=%dus max=%dus (n=%d)",
        at(all, 0.50),
        at(all, 0.99),
        at(all, 0.999),
        all[all.length - 1],
        all.length);
  }

  /** Event time minus the fill's arrival on the leader's stream, in microseconds, sorted. */
  private long[] latencies(ConcurrentLinkedQueue<Sample> events) {
    List<Long> out = new ArrayList<>();
    for (Sample e : events) {
      Long arrived = arrivedAt.get(e.tradeId());
      if (arrived != null) {
        out.add((e.nanos() - arrived) / 1_000);
      }
    }
    return out.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /**
   * Per leader fill whose copies all reached the event ({@code followers} of them), the last
   * event's time minus the fill's arrival on the leader's stream, in microseconds, sorted.
   */
  private long[] lastOfEachFill(ConcurrentLinkedQueue<Sample> events) {
    Map<String, long[]> perFill = new HashMap<>(); // {count, latest nanos}
    for (Sample e : events) {
      long[] c = perFill.computeIfAbsent(e.tradeId(), k -> new long[] {0, Long.MIN_VALUE});
      c[0]++;
      c[1] = Math.max(c[1], e.nanos());
    }
    List<Long> out = new ArrayList<>();
    perFill.forEach(
        (tradeId, c) -> {
          Long arrived = arrivedAt.get(tradeId);
          if (arrived != null && c[0] == followers) {
            out.add((c[1] - arrived) / 1_000);
          }
        });
    return out.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static long at(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Stops the copier, the adapters and the venue. */
  @TearDown(Level.Trial)
  public void stop() {
    if (copier != null) {
      copier.stop();
    }
    if (arrivals != null) {
      arrivals.close();
    }
    if (clock != null) {
      clock.close();
    }
    if (copyJournal != null) {
      copyJournal.close();
    }
    adapters.forEach(Exchange::close);
    adapters.clear();
    if (canned != null) {
      canned.close();
    }
    if (fake != null) {
      fake.close();
    }
    if (journalDir != null) {
      try (var files = Files.walk(journalDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        System.err.println("could not delete " + journalDir + ": " + e);
      }
    }
  }

  /** When something happened to a copy of the leader fill {@code tradeId}. */
  private record Sample(String tradeId, long nanos) {}

  /** Times the copier's events against the fill's arrival and counts down the cycle's latch. */
  private final class Recorder implements CopierListener {
    @Override
    public void copySent(CopyRecord copy) {
      sent.add(new Sample(copy.leaderTradeId(), System.nanoTime()));
    }

    @Override
    public void copied(CopyRecord copy) {
      acked.add(new Sample(copy.leaderTradeId(), System.nanoTime()));
      outstanding.countDown();
    }

    @Override
    public void skipped(CopyRecord copy, String reason) {
      lastReason = reason;
      notCopied.incrementAndGet();
      outstanding.countDown();
    }

    @Override
    public void error(String message, Throwable cause) {
      errors.add(message);
    }

    @Override
    public void failed(CopyRecord copy, String reason) {
      lastReason = reason;
      notCopied.incrementAndGet();
      outstanding.countDown();
    }
  }
}
