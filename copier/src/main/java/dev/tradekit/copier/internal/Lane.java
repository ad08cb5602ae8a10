package dev.tradekit.copier.internal;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.copier.CopyRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
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

  /** True once the follower was handed to another instance: every late reply is ignored. */
  boolean detached;

  /** Whether a copy with this client order id is queued. */
  boolean holds(String clientOrderId) {
    for (CopyRecord r : queue) {
      if (r.clientOrderId().equals(clientOrderId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Queues {@code r} in the leader's order (sequence, then leg), never ahead of a head copy that is
   * already being worked.
   */
  void insertInOrder(CopyRecord r) {
    List<CopyRecord> all = new ArrayList<>(queue);
    int at = all.size();
    while (at > 0 && before(r, all.get(at - 1))) {
      at--;
    }
    if (at == 0 && !all.isEmpty() && (busy || timer != null)) {
      at = 1;
    }
    all.add(at, r);
    queue.clear();
    queue.addAll(all);
  }

  private static boolean before(CopyRecord a, CopyRecord b) {
    return a.seq() < b.seq() || (a.seq() == b.seq() && a.leg() < b.leg());
  }

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
