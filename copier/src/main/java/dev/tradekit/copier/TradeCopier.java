package dev.tradekit.copier;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.internal.Cluster;
import dev.tradekit.copier.internal.CopyEngine;
import dev.tradekit.copier.internal.Events;
import dev.tradekit.copier.internal.Follower;
import dev.tradekit.copier.internal.JournalStore;
import dev.tradekit.copier.internal.LeaseRow;
import dev.tradekit.copier.internal.SqlJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Mirrors every fill of a leader account onto many follower accounts, each scaled by its own {@link
 * CopyPolicy}, exactly once across crashes, restarts and dropped connections.
 *
 * <pre>{@code
 * TradeCopier copier = TradeCopier.builder()
 *     .leader(leaderExchange)
 *     .follower("alice", aliceExchange, CopyPolicies.fixedRatio(new BigDecimal("0.5")))
 *     .follower("bob", bobExchange, CopyPolicies.proportionalToBalance()
 *         .andThen(CopyPolicies.slippageCap(new BigDecimal("0.002"))))
 *     .journal(CopyJournals.sqlite(Path.of("copier.db")))
 *     .scheduler(scheduler)
 *     .listener(listener)
 *     .build();
 * copier.start().join();
 * }</pre>
 *
 * <p>Each leader fill is journaled with one pending copy per follower before anything is sent; a
 * copy is sized and journaled again before it is sent with a client order id derived from the fill
 * and the follower; on restart or an unknown outcome the copier asks the follower's venue by that
 * id before sending again. Opening fills are sized by the policy; reductions and closes take the
 * same fraction of the follower's copied position (reduce-only; the right position side in hedge
 * mode). Followers are sent to concurrently; each has a circuit breaker, so one broken follower
 * never delays another.
 *
 * <p>Every method is thread-safe; work is handed to the {@link Scheduler}, which is also the only
 * clock the copier reads.
 */
public final class TradeCopier {
  private final CopyEngine engine;
  private final Scheduler scheduler;
  private final JournalStore journal;
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean started = new AtomicBoolean();
  private final @Nullable Cluster cluster;

  private TradeCopier(Builder b) {
    this.scheduler = Objects.requireNonNull(b.scheduler);
    this.journal = (JournalStore) Objects.requireNonNull(b.journal);
    this.engine =
        new CopyEngine(
            Objects.requireNonNull(b.leader),
            journal,
            scheduler,
            new Events(b.listener),
            b.mode,
            b.catchUpPeriod,
            new TreeSet<>(b.symbols),
            b.startFrom == null ? null : b.startFrom.toEpochMilli());
    String instance = b.instance;
    if (instance != null) {
      SqlJournal sql = (SqlJournal) journal;
      Cluster c =
          new Cluster(
              instance,
              sql.leaseStore(),
              scheduler,
              b.lease.toMillis(),
              b.maxMovesPerRound,
              engine.clusterListener());
      engine.cluster(c, b.groupPoll);
      sql.fence(c);
      sql.endStalledTransactionsAfter(b.lease.toMillis());
      this.cluster = c;
    } else {
      this.cluster = null;
    }
    for (FollowerSpec s : b.followers.values()) {
      engine.add(new Follower(s.name, s.exchange, s.policy, s.enabled, scheduler));
      names.add(s.name);
    }
  }

  /**
   * In a group of instances sharing a journal ({@link Builder#instance}): every lease as stored,
   * with its owner, epoch and expiry; empty for a copier that runs alone. Reads the database.
   */
  public List<CopierLease> leases() {
    Cluster c = cluster;
    if (c == null) {
      return List.of();
    }
    List<CopierLease> out = new ArrayList<>();
    for (LeaseRow r : c.leases()) {
      out.add(new CopierLease(r.name(), r.owner(), r.epoch(), r.expiresAt()));
    }
    return out;
  }

  /** A builder; see {@link Builder} for the required parts and the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts copying: on the first run ever (no start point in the journal) the start point is set
   * and persisted — by default the leader venue's own time at a snapshot of the leader's positions
   * (read from the venue, never estimated locally), or the one given to {@link Builder#startFrom} —
   * and earlier fills are never copied; on later runs the journal's start point holds, unfinished
   * copies are settled first, and fills missed while stopped are caught up.
   *
   * @return completes when the copier runs, or exceptionally if it could not start (also when an
   *     explicit {@link Builder#startFrom} differs from the journal's start point)
   * @throws IllegalStateException if called twice
   */
  public CompletableFuture<Void> start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the copier was already started; build a new one");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.execute(() -> relay(engine.start(), done));
    return done;
  }

  /**
   * Stops detection and sending at once; replies still in flight are ignored (the journal lets a
   * new copier settle them). Does not close the journal or the exchanges.
   */
  public void stop() {
    engine.markStopped();
    scheduler.execute(engine::stop);
  }

  /**
   * Halts copying like {@link #stop()} and, if {@code flatten}, closes every follower's copied
   * positions with market orders that can only reduce.
   *
   * @return completes when halted and (if asked) every flattening order has replied
   */
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.execute(() -> relay(engine.emergencyStop(flatten), done));
    return done;
  }

  /** Adds an enabled follower while running (it copies fills journaled from then on). */
  public CompletableFuture<Void> addFollower(String name, Exchange exchange, CopyPolicy policy) {
    FollowerSpec spec = new FollowerSpec(name, exchange, policy, true);
    if (!names.add(name)) {
      throw new IllegalArgumentException("a follower named " + name + " already exists");
    }
    return onScheduler(
        e -> e.add(new Follower(spec.name, spec.exchange, spec.policy, true, scheduler)));
  }

  /** Pauses a follower: copies not yet sent are skipped (journaled with the reason). */
  public CompletableFuture<Void> pauseFollower(String name) {
    requireKnown(name);
    return onScheduler(e -> e.pause(name, "paused by the caller"));
  }

  /** Resumes a paused follower; it copies fills journaled from then on. */
  public CompletableFuture<Void> resumeFollower(String name) {
    requireKnown(name);
    return onScheduler(e -> e.resume(name));
  }

  /** Removes a follower; copies already sent still settle in the journal. */
  public CompletableFuture<Void> removeFollower(String name) {
    requireKnown(name);
    names.remove(name);
    return onScheduler(e -> e.remove(name));
  }

  /** Counters, last catch-up time and latency percentiles; safe from any thread. */
  public CopierStats stats() {
    return engine.stats();
  }

  /** The journal, for queries (history, stats, CSV export). */
  public CopyJournal journal() {
    return journal;
  }

  private void requireKnown(String name) {
    Objects.requireNonNull(name, "name");
    if (!names.contains(name)) {
      throw new IllegalArgumentException(
          "no follower named " + name + "; known: " + new TreeSet<>(names));
    }
  }

  private CompletableFuture<Void> onScheduler(Consumer<CopyEngine> action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.execute(() -> run(() -> action.accept(engine), done));
    return done;
  }

  private static void run(Runnable action, CompletableFuture<Void> done) {
    try {
      action.run();
      done.complete(null);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private static void relay(CompletableFuture<Void> from, CompletableFuture<Void> to) {
    from.whenComplete(
        (v, error) -> {
          if (error != null) {
            to.completeExceptionally(error);
          } else {
            to.complete(null);
          }
        });
  }

  /** One follower as configured. */
  private record FollowerSpec(String name, Exchange exchange, CopyPolicy policy, boolean enabled) {
    FollowerSpec {
      Names.check(name);
      Objects.requireNonNull(exchange, "exchange of follower " + name);
      Objects.requireNonNull(policy, "policy of follower " + name);
    }
  }

  /**
   * Builds a {@link TradeCopier}. Required: {@link #leader}, {@link #journal}, {@link #scheduler}
   * and at least one {@link #follower}. Defaults: listener {@link CopierListener#NONE}; mode {@link
   * DetectionMode#STREAM_WITH_CATCHUP}; catch-up period 30 s; symbols discovered (see {@link
   * #symbols}); start point "from now" (see {@link #startFromNow}). Every setter checks its
   * argument at once.
   */
  public static final class Builder {
    /** How far back {@link #startFrom} may reach. */
    public static final int MAX_START_BACK_DAYS = 7;

    private @Nullable Exchange leader;
    private final Map<String, FollowerSpec> followers = new LinkedHashMap<>();
    private @Nullable CopyJournal journal;
    private @Nullable Scheduler scheduler;
    private CopierListener listener = CopierListener.NONE;
    private DetectionMode mode = DetectionMode.STREAM_WITH_CATCHUP;
    private Duration catchUpPeriod = Duration.ofSeconds(30);
    private final List<String> symbols = new ArrayList<>();
    private @Nullable Instant startFrom;
    private @Nullable String instance;
    private Duration lease = Duration.ofSeconds(5);
    private Duration groupPoll = Duration.ofMillis(100);
    private int maxMovesPerRound = 5;

    private Builder() {}

    /**
     * Makes this copier one of several instances sharing one PostgreSQL journal ({@link
     * CopyJournals#jdbc}), each configured with the same leader and followers. Each follower is
     * worked by exactly one live instance, under a lease renewed every third of {@link #lease} and
     * carrying a fencing epoch that the journal checks with every write; one instance at a time
     * watches the leader and journals its fills; the others pick their followers' copies up from
     * the journal every {@link #groupPoll}. When an instance dies its leases run out and the others
     * take its followers over; when one joins or leaves, followers are moved (at most {@link
     * #maxMovesPerRound} per round). {@code name}: 1 to 64 letters, digits, {@code . _ -}, unique
     * in the group. Default: none (the copier runs alone).
     */
    public Builder instance(String name) {
      Names.check(name);
      this.instance = name;
      return this;
    }

    /** How long a lease lasts unless renewed: 500 ms to 10 min. Default 5 s. */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofMillis(500)) < 0
          || lease.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("lease must be 500 ms to 10 min, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /**
     * How often a group member reads the journal for its followers' copies: 10 ms to 10 s. Default
     * 100 ms.
     */
    public Builder groupPoll(Duration poll) {
      Objects.requireNonNull(poll, "groupPoll");
      if (poll.compareTo(Duration.ofMillis(10)) < 0 || poll.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException("groupPoll must be 10 ms to 10 s, was " + poll);
      }
      this.groupPoll = poll;
      return this;
    }

    /** Follower leases a group member takes or hands over per round, 1 to 1,000. Default 5. */
    public Builder maxMovesPerRound(int moves) {
      if (moves < 1 || moves > 1_000) {
        throw new IllegalArgumentException("maxMovesPerRound must be 1 to 1000, was " + moves);
      }
      this.maxMovesPerRound = moves;
      return this;
    }

    /** Required: the account whose fills are copied. */
    public Builder leader(Exchange leader) {
      this.leader = Objects.requireNonNull(leader, "leader");
      return this;
    }

    /** Adds an enabled follower; see {@link #follower(String, Exchange, CopyPolicy, boolean)}. */
    public Builder follower(String name, Exchange exchange, CopyPolicy policy) {
      return follower(name, exchange, policy, true);
    }

    /**
     * Adds a follower. {@code name} (1 to 64 letters, digits, {@code . _ -}) is its key in the
     * journal and in client order ids: keep it stable across restarts. A disabled follower starts
     * paused (its copies are skipped with the reason "disabled").
     *
     * @throws IllegalArgumentException for a bad or repeated name, or the leader's own exchange
     */
    public Builder follower(String name, Exchange exchange, CopyPolicy policy, boolean enabled) {
      FollowerSpec spec = new FollowerSpec(name, exchange, policy, enabled);
      if (followers.containsKey(name)) {
        throw new IllegalArgumentException("follower name " + name + " is used twice");
      }
      if (exchange == leader) {
        throw new IllegalArgumentException(
            "follower " + name + " uses the leader's own exchange: a copier would copy itself");
      }
      followers.put(name, spec);
      return this;
    }

    /** Required: {@link CopyJournals#sqlite} for durability, {@link CopyJournals#inMemory} else. */
    public Builder journal(CopyJournal journal) {
      Objects.requireNonNull(journal, "journal");
      if (!(journal instanceof JournalStore)) {
        throw new IllegalArgumentException(
            "journal must come from CopyJournals (sqlite, jdbc or inMemory), not "
                + journal.getClass().getName());
      }
      this.journal = journal;
      return this;
    }

    /** Required: the clock, timers and serial executor the copier runs on. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Default {@link CopierListener#NONE}. */
    public Builder listener(CopierListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Default {@link DetectionMode#STREAM_WITH_CATCHUP}. */
    public Builder mode(DetectionMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * How often the REST catch-up runs (and the risk limits are checked); default 30 s, at least
     * 100 ms. In {@link DetectionMode#POLLING_ONLY} this is the detection latency.
     */
    public Builder catchUpPeriod(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.toMillis() < 100) {
        throw new IllegalArgumentException(
            "catchUpPeriod must be at least 100 ms but was " + period);
      }
      this.catchUpPeriod = period;
      return this;
    }

    /**
     * The symbols the REST catch-up checks. Default (none given): every symbol in the journal, in
     * the leader's open positions (read at each catch-up) and in the stream's fills — enough for
     * stream mode; in polling mode, a position opened and closed between two polls in a symbol
     * never seen before is found only if the symbol is listed here.
     */
    public Builder symbols(String... symbols) {
      for (String s : Objects.requireNonNull(symbols, "symbols")) {
        Objects.requireNonNull(s, "symbol");
        if (s.isBlank()) {
          throw new IllegalArgumentException("symbols must not contain a blank symbol");
        }
        this.symbols.add(s);
      }
      return this;
    }

    /**
     * The default: on a new journal, copy the leader's fills made after its positions are read at
     * start. The moment is taken from the venue's clock (two server-time replies around the
     * snapshot), so a fill the instant after the start is never dropped by a local clock estimate
     * that runs ahead.
     */
    public Builder startFromNow() {
      this.startFrom = null;
      return this;
    }

    /**
     * On a new journal, copy the leader's fills stamped by the venue at or after {@code time}
     * (inclusive), even those made before the copier starts; the leader's positions at that time
     * are its positions at start minus those fills. Fills are looked up in the {@link #symbols}
     * given and the symbols of the leader's open positions. A journal that already has a start
     * point keeps it, and {@link TradeCopier#start()} fails if it differs from {@code time}.
     *
     * @throws IllegalArgumentException checked in {@link #build()}: when {@code time} is after the
     *     scheduler's current time or more than {@value #MAX_START_BACK_DAYS} days before it
     */
    public Builder startFrom(Instant time) {
      this.startFrom = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * The copier (not started).
     *
     * @throws NullPointerException naming a missing required part
     * @throws IllegalArgumentException when there is no follower
     */
    public TradeCopier build() {
      Objects.requireNonNull(leader, "leader is required");
      Objects.requireNonNull(
          journal, "journal is required: CopyJournals.sqlite(path) or inMemory()");
      Objects.requireNonNull(scheduler, "scheduler is required");
      if (followers.isEmpty()) {
        throw new IllegalArgumentException("at least one follower is required");
      }
      Instant from = startFrom;
      if (from != null) {
        Instant now = Instant.ofEpochMilli(scheduler.currentTimeMillis());
        if (from.isAfter(now)) {
          throw new IllegalArgumentException(
              "startFrom " + from + " is in the future (now " + now + "); it must be in the past");
        }
        if (from.isBefore(now.minus(Duration.ofDays(MAX_START_BACK_DAYS)))) {
          throw new IllegalArgumentException(
              "startFrom "
                  + from
                  + " is more than "
                  + MAX_START_BACK_DAYS
                  + " days before now ("
                  + now
                  + ")");
        }
      }
      if (instance != null && !(journal instanceof SqlJournal sql && sql.isPostgres())) {
        throw new IllegalArgumentException(
            "instance(...) needs a journal on PostgreSQL (CopyJournals.jdbc with a PostgreSQL"
                + " connection): only there can several copiers share one journal safely");
      }
      if (instance != null && groupPoll.compareTo(lease.dividedBy(3)) > 0) {
        throw new IllegalArgumentException(
            "groupPoll " + groupPoll + " must be at most a third of the lease " + lease);
      }
      for (FollowerSpec s : followers.values()) {
        if (s.exchange == leader) {
          throw new IllegalArgumentException(
              "follower " + s.name + " uses the leader's own exchange: a copier would copy itself");
        }
      }
      return new TradeCopier(this);
    }
  }

  /** The rule for follower names. */
  static final class Names {
    private Names() {}

    static void check(@Nullable String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "follower name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
      }
    }
  }
}
