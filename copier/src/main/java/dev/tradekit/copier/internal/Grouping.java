package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.FollowerSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * When a pending copy is due (delay, aggregation window) and which of the copies behind it join it:
 * with an aggregation window, the following pending copies of the same leader order that also open
 * (or also reduce) merge into one follower order. A flip's closing leg goes at once; its reopening
 * leg waits the window and takes the fills of the same order that follow it.
 *
 * <pre>{@code
 * long due = Grouping.dueTime(settings, head);
 * List<CopyRecord> group = Grouping.group(lane, head, settings);
 * }</pre>
 */
final class Grouping {
  private Grouping() {}

  /** When {@code head} may be copied: journaled time plus delay, and the window if it groups. */
  static long dueTime(FollowerSettings s, CopyRecord head) {
    long due = head.createdAt() + s.delay().toMillis();
    if (!s.aggregationWindow().isZero() && groups(head)) {
      due = Math.max(due, head.createdAt() + s.aggregationWindow().toMillis());
    }
    return due;
  }

  /** {@code head} and the pending copies right behind it that merge with it. */
  static List<CopyRecord> group(Lane lane, CopyRecord head, FollowerSettings s) {
    List<CopyRecord> out = new ArrayList<>();
    out.add(head);
    if (s.aggregationWindow().isZero() || !groups(head)) {
      return out;
    }
    boolean first = true;
    for (CopyRecord r : lane.queue) {
      if (first) {
        first = false;
        continue;
      }
      if (r.status() != CopyStatus.PENDING
          || !groups(r)
          || lane.mustQuery.contains(r.clientOrderId())
          || !r.leaderOrderId().equals(head.leaderOrderId())
          || CopyPlanner.opens(r) != CopyPlanner.opens(head)) {
        break;
      }
      out.add(r);
    }
    return out;
  }

  private static boolean groups(CopyRecord r) {
    return r.action() == CopyAction.FLIP ? r.leg() == 1 : r.leg() == 0;
  }
}
