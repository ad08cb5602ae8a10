package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.DetectionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
  private final Roster roster;
  private final FillRecorder fills;
  private volatile boolean running;
  private volatile boolean stopped;
  private long startPoint;
  private @Nullable Cancellable riskTimer;
  private @Nullable Cluster cluster;
  private volatile boolean watching;
  private long pollMillis = 100;
  private @Nullable Cancellable clusterTimer;
  private @Nullable Cancellable pollTimer;

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
    this.roster = new Roster(store, scheduler, events, () -> running, this::leaseLost, this::halt);
    this.driver =
        new LaneDriver(
            scheduler,
            store,
            leader,
            events,
            () -> running,
            (f, why) -> roster.pause(f, why),
            this::halt,
            new TradeGuard() {
              @Override
              public long sendDeadline(Follower f) {
                Cluster c = cluster;
                return c == null ? TradeGuard.UNBOUNDED : c.sendDeadline(f.name);
              }

              @Override
              public void lost(Follower f, String lease) {
                leaseLost(lease);
              }
            });
    this.watcher =
        new LeaderWatcher(
            leader,
            scheduler,
            store,
            mode,
            period,
            symbols,
            this::onLeaderFill,
            () -> running && (cluster == null || watching),
            events);
    this.fills = new FillRecorder(store);
    this.flattener = new Flattener(store, scheduler);
    this.startFinder = new StartPoint(leader, scheduler, symbols, events);
  }

  /**
   * Makes this engine one member of a group sharing the journal: it works only the followers whose
   * leases it holds and watches the leader only while it holds the watcher lease. Call before
   * adding followers.
   *
   * @param poll how often the journal is read for copies of owned followers that another instance
   *     journaled
   */
  public void cluster(Cluster member, Duration poll) {
    if (!roster.isEmpty()) {
      throw new IllegalStateException("set the cluster before adding followers");
    }
    this.cluster = member;
    this.pollMillis = poll.toMillis();
  }

  /** What this engine does when its cluster member gains or loses a lease. */
  public Cluster.Listener clusterListener() {
    return new Cluster.Listener() {
      @Override
      public void followerAcquired(String name, long epoch) {
        acquire(name);
      }

      @Override
      public void followerLost(String name) {
        release(name);
      }

      @Override
      public void watcherAcquired(long epoch) {
        startWatching();
      }

      @Override
      public void watcherLost() {
        watching = false;
        watcher.stop();
      }
    };
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
    fills.reload();
    long p = period.toMillis();
    riskTimer = scheduler.scheduleAtFixedRate(roster::checkRisk, p, p, TimeUnit.MILLISECONDS);
    Cluster c = cluster;
    if (c != null) {
      long every = Math.max(1, c.ttl() / 3);
      clusterTimer =
          scheduler.scheduleAtFixedRate(this::clusterRound, 0, every, TimeUnit.MILLISECONDS);
      schedulePoll();
      return; // followers start when their leases are taken
    }
    for (CopyRecord r : store.unfinished()) {
      Follower f = roster.get(r.follower());
      if (f != null) {
        Lane lane = f.lane(r.symbol());
        lane.queue.add(r);
        lane.mustQuery.add(r.clientOrderId()); // it may have been sent before the restart
      }
    }
    watcher.start();
    for (Follower f : roster.all()) {
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
    halt();
    leaveCluster();
  }

  private void halt() {
    markStopped();
    watcher.stop();
    for (Cancellable t : new Cancellable[] {riskTimer, clusterTimer, pollTimer}) {
      if (t != null) {
        t.cancel();
      }
    }
    for (Follower f : roster.all()) {
      f.lanes.values().forEach(LaneDriver::cancelTimer);
    }
  }

  /** In a group, hands every lease back at once so the others take over without waiting. */
  private void leaveCluster() {
    Cluster c = cluster;
    if (c == null) {
      return;
    }
    try {
      c.leave();
    } catch (RuntimeException e) {
      events.error("could not hand the leases back; they expire by themselves", e);
    }
  }

  /**
   * Stops, then (if asked) flattens every follower's copied positions (in a group, those this
   * instance owns), then hands its leases back.
   */
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    halt();
    if (!flatten) {
      leaveCluster();
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Follower f : roster.all()) {
      if (f.owned) {
        all.add(flattener.flatten(f));
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .whenCompleteAsync((v, e) -> leaveCluster(), scheduler);
  }

  /** Stops after a failure that breaks the exactly-once guarantee (the journal failed). */
  void halt(Throwable cause) {
    events.error("copier halted: " + Failures.describe(cause), cause);
    stop();
  }

  /** This instance learned it no longer holds {@code lease}: give up what it guarded. */
  void leaseLost(String lease) {
    Cluster c = cluster;
    if (c != null) {
      c.lost(lease);
    }
  }

  private void clusterRound() {
    Cluster c = cluster;
    if (!running || c == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Follower f : roster.all()) {
      if (!f.removed) {
        names.add(f.name);
      }
    }
    try {
      c.round(names, this::idle);
    } catch (LeaseLostException e) {
      c.lost(e.lease());
    } catch (RuntimeException e) {
      // the database is unreachable: leases run out and the fencing epoch keeps writes safe
      events.error("copier group: " + Failures.describe(e), e);
    }
  }

  /** Nothing of the follower is queued or in flight: it can be handed over. */
  private boolean idle(String name) {
    Follower f = roster.get(name);
    if (f == null) {
      return true;
    }
    for (Lane lane : f.lanes.values()) {
      if (lane.busy || !lane.queue.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void acquire(String name) {
    Follower f = roster.get(name);
    if (f == null || f.removed || !running) {
      return;
    }
    detach(f);
    f.owned = true;
    roster.restoreRisk(f);
    for (CopyRecord r : store.unfinished()) {
      if (r.follower().equals(name)) {
        Lane lane = f.lane(r.symbol());
        lane.queue.add(r);
        lane.mustQuery.add(r.clientOrderId()); // the previous owner may have sent it
      }
    }
    driver.warmUp(f);
    driveAll(f);
  }

  private void release(String name) {
    Follower f = roster.get(name);
    if (f != null) {
      f.owned = false;
      detach(f);
    }
  }

  /** Drops the follower's lanes; replies still in flight for them are ignored. */
  private static void detach(Follower f) {
    for (Lane lane : f.lanes.values()) {
      lane.detached = true;
      LaneDriver.cancelTimer(lane);
    }
    f.lanes.clear();
  }

  private void startWatching() {
    if (!running) {
      return;
    }
    // another instance may have journaled fills since: continue from the journal
    fills.reload();
    watching = true;
    watcher.start();
  }

  /**
   * Schedules the next journal poll a full period after this one ended: at a fixed rate, a poll
   * that overran (a long backlog on a loaded machine) would always be the most overdue task and
   * starve the lease renewals and the copies' replies on this one thread.
   */
  private void schedulePoll() {
    pollTimer =
        scheduler.schedule(
            () -> {
              if (!running) {
                return;
              }
              try {
                adoptJournaled();
              } finally {
                if (running) {
                  schedulePoll();
                }
              }
            },
            pollMillis,
            TimeUnit.MILLISECONDS);
  }

  /** Queues copies of owned followers that another instance journaled. */
  private void adoptJournaled() {
    if (!running) {
      return;
    }
    List<CopyRecord> open;
    try {
      open = store.unfinished();
    } catch (RuntimeException e) {
      events.error("copier group: cannot read the journal: " + Failures.describe(e), e);
      return;
    }
    driver.batch(
        () -> {
          for (CopyRecord r : open) {
            Follower f = roster.get(r.follower());
            if (f == null || !f.owned || f.removed) {
              continue;
            }
            Lane lane = f.lane(r.symbol());
            if (lane.holds(r.clientOrderId())) {
              continue;
            }
            lane.insertInOrder(r);
            if (r.status() == CopyStatus.INTENDED) {
              lane.mustQuery.add(r.clientOrderId());
            }
            driver.drive(lane);
          }
        });
  }

  /** A new leader fill (from the stream or a catch-up): journal it once and queue its copies. */
  void onLeaderFill(Fill fill) {
    if (!running || fill.time() < startPoint) {
      return;
    }
    try {
      journalFill(fill);
    } catch (LeaseLostException e) {
      leaseLost(e.lease());
    } catch (RuntimeException e) {
      halt(e);
    }
  }

  private void journalFill(Fill fill) {
    FillRecorder.Recorded recorded =
        fills.record(fill, roster.all(), scheduler.currentTimeMillis());
    if (recorded == null) {
      return;
    }
    events.fillDetected(fill, recorded.action());
    // every follower's intent in one journal transaction, then every send started
    driver.batch(
        () -> {
          for (CopyRecord r : recorded.copies()) {
            Follower f = roster.get(r.follower());
            if (f != null && f.owned) {
              Lane lane = f.lane(r.symbol());
              lane.queue.add(r);
              driver.drive(lane);
            }
          }
        });
  }

  /** Adds a follower; it copies leader fills journaled from now on. */
  public void add(Follower f) {
    roster.add(f, cluster == null, driver::warmUp);
  }

  /** Pauses a follower: its pending copies are skipped; orders in flight still settle. */
  public void pause(Follower f, String reason) {
    roster.pause(f, reason);
  }

  /** Pauses the named follower. */
  public void pause(String name, String reason) {
    roster.pause(roster.require(name), reason);
  }

  /** Resumes the named follower (it copies fills journaled from now on). */
  public void resume(String name) {
    roster.resume(name);
  }

  /** Removes the named follower: no new copies; copies already sent still settle. */
  public void remove(String name) {
    Follower f = roster.require(name);
    f.removed = true;
    driveAll(f);
  }

  private void driveAll(Follower f) {
    for (Lane lane : List.copyOf(f.lanes.values())) {
      driver.drive(lane);
    }
  }

  /** Counters and latencies; safe from any thread. */
  public CopierStats stats() {
    return new CopierStats(
        fills.fillsSeen(), fills.duplicates(), watcher.lastCheck(), roster.stats());
  }

  /** Whether the engine runs (started, not stopped). */
  public boolean running() {
    return running;
  }
}
