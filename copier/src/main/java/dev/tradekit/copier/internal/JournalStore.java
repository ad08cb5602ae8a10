package dev.tradekit.copier.internal;

import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The write side of a {@link CopyJournal}, used by the copier's engine. Every method is atomic:
 * what one call writes is all there after a crash, or none of it.
 *
 * <pre>{@code
 * if (store.recordLeaderFill(row, copies)) { copies.forEach(lanes::enqueue); }
 * }</pre>
 */
public interface JournalStore extends CopyJournal {

  /**
   * Sets the start point and the leader's baseline positions, unless a start point is already
   * stored (then nothing changes).
   */
  void initialize(long startPoint, Map<PositionKey, BigDecimal> leaderBaseline);

  /** The leader's positions as the journal tracks them (baseline plus journaled fills). */
  Map<PositionKey, BigDecimal> leaderPositions();

  /** The largest sequence number given to a leader fill, 0 when none. */
  long maxSeq();

  /** Whether the leader fill {@code (symbol, tradeId)} is journaled. */
  boolean hasLeaderFill(String symbol, String tradeId);

  /**
   * Journals a leader fill, sets the leader's position in its slot to {@code fill.after()}, and
   * inserts {@code copies} — all or nothing.
   *
   * @return false (and writes nothing) when the fill is already journaled
   */
  boolean recordLeaderFill(LeaderFillRow fill, List<CopyRecord> copies);

  /** Where the REST catch-up of {@code symbol} starts: the stored watermark or the start point. */
  long watermark(String symbol);

  /** Stores the catch-up watermark of {@code symbol} (never moves it backwards). */
  void advanceWatermark(String symbol, long time);

  /** Every symbol in the leader's journaled fills and positions. */
  Set<String> knownSymbols();

  /** Copies still {@code PENDING} or {@code INTENDED}, by sequence number and leg. */
  List<CopyRecord> unfinished();

  /**
   * Replaces {@code intended} (now {@code INTENDED}, sized), marks each of {@code merged} as merged
   * into it, and stores the follower's new exact target in the slot, all or nothing.
   */
  void markIntended(CopyRecord intended, List<CopyRecord> merged, SlotTarget target);

  /**
   * {@link #markIntended(CopyRecord, List, SlotTarget)} for several copies (of any followers) in
   * one transaction, all or nothing: one leader fill's copies to every follower are journaled
   * together instead of one transaction per follower. In a group every follower's lease is checked;
   * one lost lease fails the whole call with {@link LeaseLostException} and nothing is written.
   */
  void markIntended(List<Intent> intents);

  /** One copy to mark intended: the sized copy, the copies merged into it and the new target. */
  record Intent(CopyRecord intended, List<CopyRecord> merged, SlotTarget target) {}

  /**
   * Stores a final copy ({@code COPIED}, {@code SKIPPED}, {@code FAILED} or {@code MERGED}) and,
   * for a copied one, adds its signed executed quantity to the follower's copied position in its
   * slot; a sized copy that executed less than it asked takes the shortfall out of the target
   * ({@link Targets#afterCompletion}) — only if the stored copy is not final yet.
   *
   * @return false when the stored copy was already final (nothing written)
   */
  boolean complete(CopyRecord done);

  /**
   * Stores copies the planner skipped (each final, none sized) and, unless {@code target} is null,
   * the follower's new exact target in the slot, all or nothing. Copies already final are left.
   *
   * @return the copies written (those not final before)
   */
  List<CopyRecord> skip(List<CopyRecord> skipped, @Nullable SlotTarget target);

  /** The follower's exact target positions, by slot (zero slots omitted). */
  Map<PositionKey, BigDecimal> followerTargets(String follower);

  /** The follower's copied positions, by slot (zero slots omitted). */
  Map<PositionKey, BigDecimal> followerPositions(String follower);

  /**
   * Every follower's exact targets, by follower then slot ({@link #followerTargets} of each, read
   * at once): one read plans a whole fan-out instead of one per follower. Followers with no
   * non-zero slot are omitted.
   */
  Map<String, Map<PositionKey, BigDecimal>> allFollowerTargets();

  /** Every follower's copied positions, by follower then slot, read at once (as above). */
  Map<String, Map<PositionKey, BigDecimal>> allFollowerPositions();

  /**
   * Overwrites the follower's copied position and its target in a slot (after an emergency
   * flatten).
   */
  void setFollowerPosition(String follower, PositionKey key, BigDecimal amount);

  /** The last leader price journaled per symbol. */
  Map<String, BigDecimal> lastLeaderPrices();

  /** The follower's stored risk state (day, day start, peak, risk pause), empty when none. */
  Optional<RiskState> riskState(String follower);

  /** Stores the follower's risk state, replacing the one stored before. */
  void saveRiskState(String follower, RiskState state);

  /** Adds the signed executed quantity of a copied record to the follower's slot. */
  static BigDecimal signedExecuted(CopyRecord r) {
    return r.side() == dev.tradekit.api.model.Side.BUY
        ? r.executedQuantity()
        : r.executedQuantity().negate();
  }
}
