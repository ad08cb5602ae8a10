package dev.tradekit.copier;

import java.util.Objects;

/** Two policies applied one after the other; a skip by the first is final. */
final class ChainedPolicy implements CopyPolicy {
  private final CopyPolicy first;
  private final CopyPolicy second;

  ChainedPolicy(CopyPolicy first, CopyPolicy second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "next");
  }

  @Override
  public CopyPlan size(CopyContext context, CopyPlan plan) {
    CopyPlan afterFirst = first.size(context, plan);
    return afterFirst.isSkipped() ? afterFirst : second.size(context, afterFirst);
  }

  @Override
  public FollowerSettings settings(FollowerSettings settings) {
    return second.settings(first.settings(settings));
  }

  @Override
  public boolean needsBalances() {
    return first.needsBalances() || second.needsBalances();
  }

  @Override
  public String toString() {
    return first + " then " + second;
  }
}
