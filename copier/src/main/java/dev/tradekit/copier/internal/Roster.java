package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Balance;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.FollowerStats;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The copier's followers and what an operator or a risk limit does to them: add, pause, resume,
 * remove, the risk state kept in the journal across restarts, and the periodic equity checks. Runs
 * on the scheduler thread, except {@link #stats()}.
 *
 * <pre>{@code
 * Roster roster = new Roster(store, scheduler, events, running, leaseLost, halt);
 * roster.add(follower, true, driver);
 * roster.pause("alice", "manual");
 * }</pre>
 */
final class Roster {
  private final JournalStore store;
  private final Scheduler scheduler;
  private final Events events;
  private final BooleanSupplier running;
  private final Consumer<String> leaseLost;
  private final Consumer<Throwable> halt;
  private final Map<String, Follower> followers = new LinkedHashMap<>();
  private volatile List<Follower> view = List.of();

  /**
   * A roster.
   *
   * @param running whether the engine runs: a risk check answered after a stop does nothing
   * @param leaseLost what to do when a journal write finds the lease {@code name} lost
   * @param halt stops the copier after a journal failure
   */
  Roster(
      JournalStore store,
      Scheduler scheduler,
      Events events,
      BooleanSupplier running,
      Consumer<String> leaseLost,
      Consumer<Throwable> halt) {
    this.store = store;
    this.scheduler = scheduler;
    this.events = events;
    this.running = running;
    this.leaseLost = leaseLost;
    this.halt = halt;
  }

  /** Every follower ever added, removed ones included, in the order they were added. */
  Collection<Follower> all() {
    return followers.values();
  }

  /** The follower named {@code name} (perhaps removed), or null. */
  @Nullable Follower get(String name) {
    return followers.get(name);
  }

  /** Whether no follower was added yet. */
  boolean isEmpty() {
    return followers.isEmpty();
  }

  /**
   * Adds a follower; it copies leader fills journaled from now on.
   *
   * @param owned whether this instance works the follower now (alone, or holding its lease)
   * @param warmUp warms the follower's caches when it is owned and the engine runs
   */
  void add(Follower f, boolean owned, Consumer<Follower> warmUp) {
    Follower known = followers.get(f.name);
    if (known != null && !known.removed) {
      throw new IllegalArgumentException("a follower named " + f.name + " already exists");
    }
    f.owned = owned;
    followers.put(f.name, f);
    view = List.copyOf(followers.values());
    boolean pausedByRisk = restoreRisk(f);
    if (running.getAsBoolean() && f.owned) {
      if (pausedByRisk) {
        events.paused(f.name, Objects.requireNonNull(f.pausedReason));
      }
      warmUp.accept(f);
    }
  }

  /**
   * Restores the follower's stored risk state (peak, day start, a risk pause in force) from the
   * journal; a stored risk pause pauses it again while a limit is set.
   *
   * @return whether the follower is now paused by a restored risk pause
   */
  boolean restoreRisk(Follower f) {
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
    } catch (LeaseLostException e) {
      leaseLost.accept(e.lease());
    } catch (RuntimeException e) {
      halt.accept(e);
    }
  }

  /** Pauses a follower: its pending copies are skipped; orders in flight still settle. */
  void pause(Follower f, String reason) {
    if (f.pausedReason == null) {
      f.pausedReason = reason;
      events.paused(f.name, reason);
    }
  }

  /** Resumes the named follower (it copies fills journaled from now on). */
  void resume(String name) {
    Follower f = require(name);
    if (f.pausedReason != null) {
      f.pausedReason = null;
      f.risk.clearTrip();
      saveRisk(f);
      events.resumed(name);
    }
  }

  /** The named follower, which must exist and not be removed. */
  Follower require(String name) {
    Follower f = followers.get(name);
    if (f == null || f.removed) {
      throw new IllegalArgumentException(
          "no follower named " + name + "; known: " + followers.keySet());
    }
    return f;
  }

  /**
   * Asks each owned, unpaused follower with a risk limit for its equity, and pauses on a breach.
   */
  void checkRisk() {
    for (Follower f : followers.values()) {
      if (!f.owned || f.removed || f.pausedReason != null || !f.risk.active()) {
        continue;
      }
      f.exchange
          .account()
          .snapshot()
          .thenAcceptAsync(
              snap -> {
                if (!running.getAsBoolean() || f.pausedReason != null) {
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

  /** Each follower's counters and latencies; safe from any thread. */
  Map<String, FollowerStats> stats() {
    Map<String, FollowerStats> out = new LinkedHashMap<>();
    for (Follower f : view) {
      if (!f.removed) {
        out.put(f.name, f.stats());
      }
    }
    return out;
  }
}
