package dev.tradekit.scanner;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decides whether a hot order's new scores are worth publishing: its category changed, its weight
 * moved by more than {@code weightDelta}, or its USD value moved by more than {@code valueDelta}
 * (relative) since the last published update.
 */
final class ChangeTriggers {
  private final double weightDelta;
  private final double valueDelta;

  ChangeTriggers(double weightDelta, double valueDelta) {
    this.weightDelta = weightDelta;
    this.valueDelta = valueDelta;
  }

  /** The trigger reasons for {@code update} of {@code o}; empty when nothing moved enough. */
  Set<UpdateReason> reasons(TrackedOrder o, OrderUpdate update) {
    EnumSet<UpdateReason> r = EnumSet.noneOf(UpdateReason.class);
    if (o.publishedCategory != null && o.publishedCategory != update.category()) {
      r.add(UpdateReason.CATEGORY_CHANGED);
    }
    if (!Double.isNaN(o.publishedWeight)
        && Math.abs(update.weight() - o.publishedWeight) > weightDelta) {
      r.add(UpdateReason.WEIGHT_MOVED);
    }
    double usd = update.order().usdValue();
    if (!Double.isNaN(o.publishedUsd)
        && Math.abs(usd - o.publishedUsd) > valueDelta * Math.abs(o.publishedUsd)) {
      r.add(UpdateReason.VALUE_MOVED);
    }
    return r;
  }

  /** Remembers what subscribers heard about {@code o}. */
  static void published(TrackedOrder o, OrderUpdate update) {
    o.publishedCategory = update.category();
    o.publishedWeight = update.weight();
    o.publishedUsd = update.order().usdValue();
  }
}
