package dev.tradekit.strategy;

import dev.tradekit.strategy.indicators.BarIndicator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a strategy and records, per closed bar, its open time, close and the wish after it. */
final class Recording implements BarStrategy {
  /** One decision. */
  record Decision(long openTime, double close, int target, boolean warmingUp) {}

  final List<Decision> decisions = new CopyOnWriteArrayList<>();
  private final BarStrategy inner;

  Recording(BarStrategy inner) {
    this.inner = inner;
  }

  @Override
  public List<BarIndicator> indicators() {
    return inner.indicators();
  }

  @Override
  public void onBar(Bar bar, BarContext ctx) {
    inner.onBar(bar, ctx);
    decisions.add(new Decision(bar.openTime(), bar.close(), ctx.target(), ctx.isWarmingUp()));
  }

  long lastOpenTime() {
    return decisions.isEmpty() ? Long.MIN_VALUE : decisions.get(decisions.size() - 1).openTime();
  }
}
