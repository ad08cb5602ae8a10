package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.copier.CopyAction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Classifies a leader fill from the leader's position before and after it: open, increase, reduce,
 * close or flip.
 *
 * <pre>{@code
 * Classifier.Change c = Classifier.classify(PositionSide.BOTH, new BigDecimal("2"), new BigDecimal("-3"));
 * // c.action() == FLIP, c.after() == -1
 * }</pre>
 *
 * <p>In hedge mode a leg cannot cross zero: a {@code LONG} leg stays >= 0 and a {@code SHORT} leg
 * <= 0, so a fill that would cross (a tracker out of step with the venue) is clamped to a close.
 */
public final class Classifier {
  private Classifier() {}

  /**
   * What a fill did.
   *
   * @param before the signed position before
   * @param after the signed position after
   */
  public record Change(CopyAction action, BigDecimal before, BigDecimal after) {

    /** Checks the fields. */
    public Change {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    /** The part of the fill that opened or grew a position (|after| for a flip), else 0. */
    public BigDecimal openedQuantity() {
      return switch (action) {
        case OPEN, FLIP -> after.abs();
        case INCREASE -> after.abs().subtract(before.abs());
        case REDUCE, CLOSE -> BigDecimal.ZERO;
      };
    }
  }

  /**
   * Classifies a fill of signed quantity {@code delta} (buy > 0) on a position slot holding {@code
   * before}.
   *
   * @throws IllegalArgumentException if {@code delta} is zero
   */
  public static Change classify(PositionSide slot, BigDecimal before, BigDecimal delta) {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(delta, "delta");
    if (delta.signum() == 0) {
      throw new IllegalArgumentException("delta must not be zero");
    }
    BigDecimal after = before.add(delta);
    if (slot == PositionSide.LONG && after.signum() < 0) {
      after = BigDecimal.ZERO;
    } else if (slot == PositionSide.SHORT && after.signum() > 0) {
      after = BigDecimal.ZERO;
    }
    return new Change(action(before, after), before, after);
  }

  private static CopyAction action(BigDecimal before, BigDecimal after) {
    if (before.signum() == 0) {
      return after.signum() == 0 ? CopyAction.CLOSE : CopyAction.OPEN;
    }
    if (after.signum() == 0) {
      return CopyAction.CLOSE;
    }
    if (after.signum() != before.signum()) {
      return CopyAction.FLIP;
    }
    return after.abs().compareTo(before.abs()) > 0 ? CopyAction.INCREASE : CopyAction.REDUCE;
  }
}
