package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Fill;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Turns a leader fill into journal rows exactly once: classifies it against the leader's position
 * as journaled, and records the fill with one pending copy per follower (two legs for a flip when
 * the follower reopens) in one transaction. Runs on the scheduler thread; the counters are safe
 * from any thread.
 *
 * <pre>{@code
 * FillRecorder recorder = new FillRecorder(store);
 * recorder.reload();                                   // after start or taking the watcher lease
 * List<CopyRecord> copies = recorder.record(fill, roster.all(), now);
 * }</pre>
 */
final class FillRecorder {
  private final JournalStore store;
  private final AtomicLong fillsSeen = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private Map<PositionKey, BigDecimal> leaderPositions = new HashMap<>();
  private long seq;

  FillRecorder(JournalStore store) {
    this.store = store;
  }

  /** Continues from the journal: the leader's positions and the last fill's sequence number. */
  void reload() {
    leaderPositions = new HashMap<>(store.leaderPositions());
    seq = store.maxSeq();
  }

  /**
   * Journals {@code fill} and a pending copy of it for every follower not removed.
   *
   * @return the journaled copies and the fill's action, or null when the fill was journaled before
   *     (counted as a duplicate)
   * @throws LeaseLostException when this instance no longer holds the watcher lease
   */
  @Nullable Recorded record(Fill fill, Iterable<Follower> followers, long now) {
    if (store.hasLeaderFill(fill.symbol(), fill.tradeId())) {
      duplicates.incrementAndGet();
      return null;
    }
    PositionKey key = new PositionKey(fill.symbol(), fill.positionSide());
    BigDecimal before = leaderPositions.getOrDefault(key, BigDecimal.ZERO);
    Classifier.Change change =
        Classifier.classify(fill.positionSide(), before, fill.signedQuantity());
    long fillSeq = ++seq;
    List<CopyRecord> copies = new ArrayList<>();
    for (Follower f : followers) {
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
      return null;
    }
    if (change.after().signum() == 0) {
      leaderPositions.remove(key);
    } else {
      leaderPositions.put(key, change.after());
    }
    fillsSeen.incrementAndGet();
    return new Recorded(change.action(), copies);
  }

  /** Leader fills journaled by this instance. */
  long fillsSeen() {
    return fillsSeen.get();
  }

  /** Leader fills seen again after they were journaled. */
  long duplicates() {
    return duplicates.get();
  }

  /** A journaled leader fill: its action and its pending copies, in follower order. */
  record Recorded(CopyAction action, List<CopyRecord> copies) {}

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
}
