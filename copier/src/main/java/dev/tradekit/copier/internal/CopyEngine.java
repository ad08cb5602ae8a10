package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.DetectionMode;
import dev.tradekit.copier.FollowerStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The running copier: journals each new leader fill with one pending copy per follower (and leg),
 * queues the copies on per-follower, per-symbol lanes, and runs the periodic risk checks. Every
 * method runs on the scheduler thread unless it says otherwise.
 *
 * <pre>{@code
 * CopyEngine engine = new CopyEngine(leader, store, scheduler, events, mode, period, symbols, null);
 * engine.add(new Follower("alice", ex, policy, true, scheduler));
 * engine.start();
 * }</pre>
 */
public final class CopyEngine {
  private final Exchange leader;
  private final JournalStore store;
  private final Scheduler scheduler;
  private final Events events;
  private final Duration period;
  private final LaneDriver driver;
  private final LeaderWatcher watcher;
  private final Flattener flattener;
  private final StartPoint startFinder;
  private final @Nullable Long startFrom;
  private final Map<String, Follower> followers = new LinkedHashMap<>();
  private volatile List<Follower> followerView = List.of();
  private final AtomicLong fillsSeen = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private volatile boolean running;
  private volatile boolean stopped;
  private Map<PositionKey, BigDecimal> leaderPositions = new HashMap<>();
  private long startPoint;
  private long seq;
  private @Nullable Cancellable riskTimer;

  /** An engine; nothing happens until {@link #start()}. */
  public CopyEngine(
      Exchange leader,
      JournalStore store,
      Scheduler scheduler,
      Events events,
      DetectionMode mode,
      Duration period,
      Set<String> symbols,
      @Nullable Long startFrom) {
    this.leader = leader;
    this.startFrom = startFrom;
    this.store = store;
    this.scheduler = scheduler;
    this.events = events;
    this.period = period;
    this.driver =
        new LaneDriver(scheduler, store, leader, events, () -> running, this::pause, this::halt);
    this.watcher =
        new LeaderWatcher(
            leader,
            scheduler,
            store,
            mode,
            period,
            symbols,
            this::onLeaderFill,
            () -> running,
            events);
    this.flattener = new Flattener(store, scheduler);
    this.startFinder = new StartPoint(leader, scheduler, symbols, events);
  }

  /**
   * Sets and persists the start point on a first run (see {@link StartPoint}), reloads the
   * unfinished copies, starts detection and the risk checks. Completes when the engine runs.
   */
  public CompletableFuture<Void> start() {
    if (stopped) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("the copier was stopped before it started"));
    }
    OptionalLong stored = store.startPoint();
    if (stored.isPresent() && startFrom != null && stored.getAsLong() != startFrom) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "the journal already starts at "
                  + stored.getAsLong()
                  + " but startFrom asks for "
                  + startFrom
                  + "; an explicit start applies to a new journal only"));
    }
    running = true;
    CompletableFuture<Void> init =
        stored.isPresent()
            ? CompletableFuture.completedFuture(null)
            : startFinder
                .find(startFrom)
                .thenAcceptAsync(
                    found -> store.initialize(found.startPoint(), found.baseline()), scheduler);
    return init.thenRunAsync(this::resume, scheduler)
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                running = false;
              }
            });
  }

  private void resume() {
    if (!running) {
      return;
    }
    startPoint = store.startPoint().orElseThrow();
    leaderPositions = new HashMap<>(store.leaderPositions());
    seq = store.maxSeq();
    for (CopyRecord r : store.unfinished()) {
      Follower f = followers.get(r.follower());
      if (f != null) {
        Lane lane = f.lane(r.symbol());
        lane.queue.add(r);
        lane.mustQuery.add(r.clientOrderId()); // it may have been sent before the restart
      }
    }
    watcher.start();
    long p = period.toMillis();
    riskTimer = scheduler.scheduleAtFixedRate(this::checkRisk, p, p, TimeUnit.MILLISECONDS);
    for (Follower f : followers.values()) {
      String restored = f.risk.tripped();
      if (restored != null && restored.equals(f.pausedReason)) {
        events.paused(f.name, restored); // a risk pause from before the restart is in force
      }
      driver.warmUp(f);
      driveAll(f);
    }
  }

  /**
   * From any thread: from now on every reply and event is ignored; {@link #stop()} then releases
   * the subscription and timers on the scheduler.
   */
  public void markStopped() {
    stopped = true;
    running = false;
  }

  /** Stops at once: no more detection, sending or journaling; replies in flight are ignored. */
  public void stop() {
    markStopped();
    watcher.stop();
    Cancellable t = riskTimer;
    if (t != null) {
      t.cancel();
    }
    for (Follower f : followers.values()) {
      f.lanes.values().forEach(LaneDriver::cancelTimer);
    }
  }

  /** Stops, then (if asked) flattens every follower's copied positions. */
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    stop();
    if (!flatten) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Follower f : followers.values()) {
      all.add(flattener.flatten(f));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /** Stops after a failure that breaks the exactly-once guarantee (the journal failed). */
  void halt(Throwable cause) {
    events.error("copier halted: " + Failures.describe(cause), cause);
    stop();
  }

  /** A new leader fill (from the stream or a catch-up): journal it once and queue its copies. */
  void onLeaderFill(Fill fill) {
    if (!running || fill.time() < startPoint) {
      return;
    }
    try {
      journalFill(fill);
    } catch (RuntimeException e) {
      halt(e);
    }
  }

  private void journalFill(Fill fill) {
    if (store.hasLeaderFill(fill.symbol(), fill.tradeId())) {
      duplicates.incrementAndGet();
      return;
    }
    PositionKey key = new PositionKey(fill.symbol(), fill.positionSide());
    BigDecimal before = leaderPositions.getOrDefault(key, BigDecimal.ZERO);
    Classifier.Change change =
        Classifier.classify(fill.positionSide(), before, fill.signedQuantity());
    long now = scheduler.currentTimeMillis();
    long fillSeq = ++seq;
    List<CopyRecord> copies = new ArrayList<>();
    for (Follower f : followers.values()) {
      if (f.removed) {
        continue;
      }
      int legs = change.action() == CopyAction.FLIP && f.settings.reopenOnFlip() ? 2 : 1;
      for (int leg = 0; leg < legs; leg++) {
        copies.add(pending(fill, f, leg, fillSeq, change, now));
      }
    }
    if (!store.recordLeaderFill(
        new LeaderFillRow(fill, fillSeq, change.action(), before, change.after(), now), copies)) {
      duplicates.incrementAndGet();
      return;
    }
    if (change.after().signum() == 0) {
      leaderPositions.remove(key);
    } else {
      leaderPositions.put(key, change.after());
    }
    fillsSeen.incrementAndGet();
    events.fillDetected(fill, change.action());
    for (CopyRecord r : copies) {
      Follower f = followers.get(r.follower());
      if (f != null) {
        Lane lane = f.lane(r.symbol());
        lane.queue.add(r);
        driver.drive(lane);
      }
    }
  }

  private static CopyRecord pending(
      Fill fill, Follower f, int leg, long fillSeq, Classifier.Change change, long now) {
    return new CopyRecord(
        ClientOrderIds.forCopy(fill.symbol(), fill.tradeId(), f.name, leg),
        f.name,
        fillSeq,
        leg,
        fill.tradeId(),
        fill.orderId(),
        fill.symbol(),
        change.action(),
        fill.side(),
        fill.positionSide(),
        null,
        CopyStatus.PENDING,
        null,
        null,
        false,
        BigDecimal.ZERO,
        null,
        null,
        null,
        fill.price(),
        fill.quantity(),
        change.before(),
        change.after(),
        fill.time(),
        now,
        null);
  }

  /** Adds a follower; it copies leader fills journaled from now on. */
  public void add(Follower f) {
    if (followers.containsKey(f.name) && !followers.get(f.name).removed) {
      throw new IllegalArgumentException("a follower named " + f.name + " already exists");
    }
    followers.put(f.name, f);
    followerView = List.copyOf(followers.values());
    boolean pausedByRisk = restoreRisk(f);
    if (running) {
      if (pausedByRisk) {
        events.paused(f.name, Objects.requireNonNull(f.pausedReason));
      }
      driver.warmUp(f);
    }
  }

  /**
   * Restores the follower's stored risk state (peak, day start, a risk pause in force) from the
   * journal; a stored risk pause pauses it again while a limit is set.
   *
   * @return whether the follower is now paused by a restored risk pause
   */
  private boolean restoreRisk(Follower f) {
    RiskState stored = store.riskState(f.name).orElse(null);
    if (stored == null) {
      return false;
    }
    f.risk.restore(stored);
    String reason = f.risk.tripped();
    if (reason == null || f.pausedReason != null) {
      return false;
    }
    if (!f.risk.active()) {
      f.risk.clearTrip(); // the limits were removed from the policy: nothing left to enforce
      saveRisk(f);
      return false;
    }
    f.pausedReason = reason;
    return true;
  }

  /** Stores the follower's risk state if it changed; a journal failure halts the copier. */
  private void saveRisk(Follower f) {
    if (!f.risk.takeChanged()) {
      return;
    }
    try {
      store.saveRiskState(f.name, f.risk.state());
    } catch (RuntimeException e) {
      halt(e);
    }
  }

  /** Pauses a follower: its pending copies are skipped; orders in flight still settle. */
  public void pause(Follower f, String reason) {
    if (f.pausedReason == null) {
      f.pausedReason = reason;
      events.paused(f.name, reason);
    }
  }

  /** Pauses the named follower. */
  public void pause(String name, String reason) {
    pause(require(name), reason);
  }

  /** Resumes the named follower (it copies fills journaled from now on). */
  public void resume(String name) {
    Follower f = require(name);
    if (f.pausedReason != null) {
      f.pausedReason = null;
      f.risk.clearTrip();
      saveRisk(f);
      events.resumed(name);
    }
  }

  /** Removes the named follower: no new copies; copies already sent still settle. */
  public void remove(String name) {
    Follower f = require(name);
    f.removed = true;
    driveAll(f);
  }

  private Follower require(String name) {
    Follower f = followers.get(name);
    if (f == null || f.removed) {
      throw new IllegalArgumentException(
          "no follower named " + name + "; known: " + followers.keySet());
    }
    return f;
  }

  private void driveAll(Follower f) {
    for (Lane lane : List.copyOf(f.lanes.values())) {
      driver.drive(lane);
    }
  }

  private void checkRisk() {
    for (Follower f : followers.values()) {
      if (f.removed || f.pausedReason != null || !f.risk.active()) {
        continue;
      }
      f.exchange
          .account()
          .snapshot()
          .thenAcceptAsync(
              snap -> {
                if (!running || f.pausedReason != null) {
                  return;
                }
                BigDecimal equity = BigDecimal.ZERO;
                for (Balance b : snap.balances()) {
                  equity = equity.add(b.marginBalance());
                }
                String why = f.risk.check(equity, scheduler.currentTimeMillis());
                if (why != null) {
                  pause(f, why);
                }
                saveRisk(f);
              },
              scheduler);
    }
  }

  /** Counters and latencies; safe from any thread. */
  public CopierStats stats() {
    Map<String, FollowerStats> out = new LinkedHashMap<>();
    for (Follower f : followerView) {
      if (!f.removed) {
        out.put(f.name, f.stats());
      }
    }
    return new CopierStats(fillsSeen.get(), duplicates.get(), watcher.lastCheck(), out);
  }

  /** Whether the engine runs (started, not stopped). */
  public boolean running() {
    return running;
  }
}
