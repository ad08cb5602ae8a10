package dev.tradekit.copier.internal;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.copier.CopyRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The copies of one follower in one symbol, worked strictly one at a time in the leader's order: a
 * reduction is sized from the copied position only after every earlier copy has settled. Lanes of
 * different followers and symbols run concurrently.
 *
 * <pre>{@code
 * lane.queue.add(record);
 * driver.drive(lane);
 * }</pre>
 */
final class Lane {
  final Follower follower;
  final String symbol;
  final Deque<CopyRecord> queue = new ArrayDeque<>();

  /** Client ids whose outcome must be asked of the venue before anything else is done. */
  final Set<String> mustQuery = new HashSet<>();

  /** True while a step of the head copy is in flight. */
  boolean busy;

  /** Failed attempts at the head copy, for backoff. */
  int attempts;

  /** A wake-up scheduled for the head copy (delay, aggregation, backoff). */
  @Nullable Cancellable timer;

  Lane(Follower follower, String symbol) {
    this.follower = follower;
    this.symbol = symbol;
  }

  /** Replaces the head copy with its new state. */
  void replaceHead(CopyRecord r) {
    queue.pollFirst();
    queue.addFirst(r);
  }
}
