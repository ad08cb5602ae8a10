package dev.tradekit.copier.internal;

import org.jspecify.annotations.Nullable;

/**
 * Which leases this copier instance holds, and at which fencing epoch; the journal checks the
 * stored lease against it in the same transaction as every write it guards.
 *
 * <pre>{@code
 * journal.fence(cluster);   // from now on writes for a follower need its lease
 * }</pre>
 */
public interface Fence {
  /** The name of this instance, as stored in the lease rows. */
  String instance();

  /** The epoch under which this instance holds {@code lease}, or null when it does not hold it. */
  @Nullable Long epoch(String lease);

  /** The lease that guards writes for a follower. */
  static String follower(String name) {
    return "follower:" + name;
  }

  /** The lease that guards journaling the leader's fills. */
  String WATCHER = "watcher";
}
