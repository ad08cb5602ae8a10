package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Fill;
import dev.tradekit.copier.CopyAction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A leader fill as journaled: the fill, its sequence number, and what it did to the leader's
 * position.
 *
 * <pre>{@code
 * LeaderFillRow row = new LeaderFillRow(fill, seq, change.action(), change.before(), change.after(), now);
 * }</pre>
 *
 * @param before the leader's signed position in the fill's slot before it
 * @param after the position after it
 * @param detectedAt scheduler time when the copier journaled it
 */
public record LeaderFillRow(
    Fill fill, long seq, CopyAction action, BigDecimal before, BigDecimal after, long detectedAt) {

  /** Checks the fields. */
  public LeaderFillRow {
    Objects.requireNonNull(fill, "fill");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** The slot the fill changed. */
  public PositionKey key() {
    return new PositionKey(fill.symbol(), fill.positionSide());
  }
}
