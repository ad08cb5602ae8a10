package dev.tradekit.copier.internal;

import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * This instance's part in a group of copiers sharing one journal: it heartbeats, renews the leases
 * it holds, takes the watcher lease when it is free, and takes or hands over follower leases so
 * that each live instance owns its share (at most {@code maxMoves} moves per round). The journal
 * refuses any write made under a lease this instance no longer holds (the fencing epoch).
 *
 * <pre>{@code
 * Cluster c = new Cluster("node-a", leases, scheduler, 5_000, 5, listener);
 * c.round(List.of("alice", "bob"), idle);   // every lease / 3 on the scheduler
 * }</pre>
 *
 * <p>Runs on the copier's scheduler thread; {@link #epoch} and {@link #sendDeadline} are safe from
 * any thread.
 */
public final class Cluster implements Fence {

  /** What the engine does when leases come and go. */
  public interface Listener {
    void followerAcquired(String follower, long epoch);

    void followerLost(String follower);

    void watcherAcquired(long epoch);

    void watcherLost();
  }

  private record Held(long epoch, long expiresAt) {}

  private static final String PREFIX = "follower:";

  private final String instance;
  private final LeaseStore leases;
  private final Scheduler scheduler;
  private final long ttl;
  private final int maxMoves;
  private final Listener listener;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /**
   * A member.
   *
   * @param ttl how long a lease lasts unless renewed (millis)
   * @param maxMoves follower leases taken or handed over per round, at most
   */
  public Cluster(
      String instance,
      LeaseStore leases,
      Scheduler scheduler,
      long ttl,
      int maxMoves,
      Listener listener) {
    this.instance = instance;
    this.leases = leases;
    this.scheduler = scheduler;
    this.ttl = ttl;
    this.maxMoves = maxMoves;
    this.listener = listener;
  }

  @Override
  public String instance() {
    return instance;
  }

  @Override
  public @Nullable Long epoch(String lease) {
    Held h = held.get(lease);
    return h == null ? null : h.epoch();
  }

  /** The lease period, millis. */
  public long ttl() {
    return ttl;
  }

  /**
   * The time (scheduler epoch ms) by which an order for {@code follower} must reach the venue, or
   * {@link Long#MIN_VALUE} when this instance does not hold its lease: the lease's expiry minus
   * {@link #sendMargin()}. The expiry is the local time taken <em>before</em> the last successful
   * renewal (or takeover) transaction plus the lease, so no other instance can take the follower
   * over before it (given clocks within the margin of each other); the venue refuses an order that
   * arrives later, however long this process stalled before the write.
   */
  public long sendDeadline(String follower) {
    Held h = held.get(PREFIX + follower);
    return h == null ? Long.MIN_VALUE : h.expiresAt() - sendMargin();
  }

  /**
   * How long before the lease expires the send deadline falls: a third of the lease. It covers the
   * clock difference between instances, the error of the adapter's server-clock offset (half a
   * round trip) and the venue's time from its time check to an order it can be asked about.
   */
  public long sendMargin() {
    return ttl / 3;
  }

  /** Whether the follower's lease is held. */
  public boolean owns(String follower) {
    return held.containsKey(PREFIX + follower);
  }

  /** Whether this instance watches the leader. */
  public boolean watching() {
    return held.containsKey(WATCHER);
  }

  /**
   * One round: heartbeat, renew, take the watcher lease if free, then move follower leases toward
   * this instance's share. {@code idle} tells which followers have nothing in flight (only those
   * are handed over).
   */
  public void round(Collection<String> followers, Predicate<String> idle) {
    long now = scheduler.currentTimeMillis();
    leases.heartbeat(instance, now);
    for (Map.Entry<String, Held> e : List.copyOf(held.entrySet())) {
      String lease = e.getKey();
      if (leases.renew(lease, instance, e.getValue().epoch(), now + ttl)) {
        held.put(lease, new Held(e.getValue().epoch(), now + ttl));
      } else {
        drop(lease);
      }
    }
    if (!held.containsKey(WATCHER)) {
      OptionalLong epoch = leases.tryAcquire(WATCHER, instance, now, now + ttl);
      if (epoch.isPresent()) {
        held.put(WATCHER, new Held(epoch.getAsLong(), now + ttl));
        listener.watcherAcquired(epoch.getAsLong());
      }
    }
    rebalance(followers, idle, now);
  }

  private void rebalance(Collection<String> followers, Predicate<String> idle, long now) {
    List<String> live = new ArrayList<>(leases.liveInstances(now - ttl));
    if (!live.contains(instance)) {
      live.add(instance);
      live.sort(null);
    }
    int n = followers.size();
    int index = live.indexOf(instance);
    int share = n / live.size() + (index < n % live.size() ? 1 : 0);
    List<String> mine = new ArrayList<>();
    for (String f : followers) {
      if (owns(f)) {
        mine.add(f);
      }
    }
    int moves = 0;
    for (int i = mine.size() - 1; i >= 0 && mine.size() > share && moves < maxMoves; i--) {
      String f = mine.get(i);
      if (!idle.test(f)) {
        continue;
      }
      Held h = held.get(PREFIX + f);
      drop(PREFIX + f);
      if (h != null) {
        leases.release(PREFIX + f, instance, h.epoch());
      }
      mine.remove(i);
      moves++;
    }
    for (String f : followers) {
      if (mine.size() >= share || moves >= maxMoves) {
        break;
      }
      if (owns(f)) {
        continue;
      }
      OptionalLong epoch = leases.tryAcquire(PREFIX + f, instance, now, now + ttl);
      if (epoch.isPresent()) {
        held.put(PREFIX + f, new Held(epoch.getAsLong(), now + ttl));
        mine.add(f);
        moves++;
        listener.followerAcquired(f, epoch.getAsLong());
      }
    }
  }

  /** Forgets a lease this instance learned it lost (a refused write or renewal). */
  public void lost(String lease) {
    if (held.containsKey(lease)) {
      drop(lease);
    }
  }

  private void drop(String lease) {
    held.remove(lease);
    if (lease.equals(WATCHER)) {
      listener.watcherLost();
    } else if (lease.startsWith(PREFIX)) {
      listener.followerLost(lease.substring(PREFIX.length()));
    }
  }

  /** Leaves cleanly: frees every lease and the heartbeat, so others take over at once. */
  public void leave() {
    for (String lease : List.copyOf(held.keySet())) {
      drop(lease);
    }
    leases.leave(instance);
  }

  /** Every lease as stored, for status. */
  public List<LeaseRow> leases() {
    return leases.leases();
  }
}
