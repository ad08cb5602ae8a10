package dev.tradekit.copier.internal;

import java.util.List;
import java.util.OptionalLong;

/**
 * Leases and instance heartbeats kept in the journal's database, for several copier instances on
 * one journal. Times are the instances' scheduler times, epoch millis; the fencing epoch, not the
 * clock, is what keeps a stalled instance from writing after a takeover.
 *
 * <pre>{@code
 * OptionalLong epoch = leases.tryAcquire("follower:alice", "node-a", now, now + 5_000);
 * }</pre>
 */
public interface LeaseStore {

  /** Records that {@code instance} is alive at {@code now}. */
  void heartbeat(String instance, long now);

  /** Removes {@code instance}'s heartbeat and frees every lease it holds (a clean shutdown). */
  void leave(String instance);

  /** Instances whose last heartbeat is at or after {@code since}, by name. */
  List<String> liveInstances(long since);

  /**
   * Takes {@code lease} when it is free, expired at {@code now}, or already {@code instance}'s; a
   * takeover from another owner (or a free lease) gets the next epoch.
   *
   * @return the epoch now held, empty when another instance holds it
   */
  OptionalLong tryAcquire(String lease, String instance, long now, long expiresAt);

  /** Extends {@code lease} if {@code instance} still holds it at {@code epoch}. */
  boolean renew(String lease, String instance, long epoch, long expiresAt);

  /** Frees {@code lease} if {@code instance} holds it at {@code epoch} (a handover). */
  void release(String lease, String instance, long epoch);

  /** Every lease row, by name. */
  List<LeaseRow> leases();

  /** Whether {@code instance} still holds {@code lease} at {@code epoch} (read in the database). */
  boolean holds(String lease, String instance, long epoch);
}
