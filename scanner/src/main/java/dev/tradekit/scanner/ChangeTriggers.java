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
    if (categoryChanged(o, update.category())) {
      r.add(UpdateReason.CATEGORY_CHANGED);
    }
    if (weightMoved(o, update.weight())) {
      r.add(UpdateReason.WEIGHT_MOVED);
    }
    if (valueMoved(o, update.order().usdValue())) {
      r.add(UpdateReason.VALUE_MOVED);
    }
    return r;
  }

  /**
   * Whether an update of {@code o} with {@code weight} (clamped) and USD value {@code usd} would
   * have any {@link #reasons}; allocation-free, so the full update is only built when it fires.
   */
  boolean fires(TrackedOrder o, double weight, double usd) {
    return categoryChanged(o, Category.of(weight)) || weightMoved(o, weight) || valueMoved(o, usd);
  }

  private static boolean categoryChanged(TrackedOrder o, Category category) {
    return o.publishedCategory != null && o.publishedCategory != category;
  }

  private boolean weightMoved(TrackedOrder o, double weight) {
    return !Double.isNaN(o.publishedWeight) && Math.abs(weight - o.publishedWeight) > weightDelta;
  }

  private boolean valueMoved(TrackedOrder o, double usd) {
    return !Double.isNaN(o.publishedUsd)
        && Math.abs(usd - o.publishedUsd) > valueDelta * Math.abs(o.publishedUsd);
  }

  /** Remembers what subscribers heard about {@code o}. */
  static void published(TrackedOrder o, OrderUpdate update) {
    o.publishedCategory = update.category();
    o.publishedWeight = update.weight();
    o.publishedUsd = update.order().usdValue();
  }
}
