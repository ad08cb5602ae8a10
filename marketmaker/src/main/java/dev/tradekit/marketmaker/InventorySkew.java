package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales order sizes toward a target share of equity held in the base asset.
 *
 * <p>With {@code target = targetBaseShare·equity/mid} (base units) and {@code range =
 * rangeMultiplier·max(Σ buy amounts, Σ sell amounts)} of the wrapped strategy, {@code d =
 * clamp((position − target)/range, −1, 1)}; buy sizes are multiplied by {@code 1 − d} and sell
 * sizes by {@code 1 + d} (so at {@code d = 1} only sells remain, at twice their size). Reduce-only
 * and market targets pass unchanged.
 */
final class InventorySkew extends DelegatingStrategy {
  private final double targetBaseShare;
  private final double rangeMultiplier;

  InventorySkew(Strategy base, double targetBaseShare, double rangeMultiplier) {
    super(base);
    if (!(targetBaseShare >= -1 && targetBaseShare <= 1)) {
      throw new IllegalArgumentException(
          "targetBaseShare must be in [-1, 1] (short to long), was " + targetBaseShare);
    }
    if (!(rangeMultiplier > 0)) {
      throw new IllegalArgumentException("rangeMultiplier must be > 0, was " + rangeMultiplier);
    }
    this.targetBaseShare = targetBaseShare;
    this.rangeMultiplier = rangeMultiplier;
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    List<TargetOrder> raw = base.targets(ctx);
    double buySum = 0;
    double sellSum = 0;
    for (TargetOrder t : raw) {
      if (t.isLimit() && !t.reduceOnly()) {
        if (t.side() == Side.BUY) {
          buySum += t.quantity().doubleValue();
        } else {
          sellSum += t.quantity().doubleValue();
        }
      }
    }
    double range = rangeMultiplier * Math.max(buySum, sellSum);
    if (range <= 0) {
      return raw;
    }
    double d = deviation(ctx, range);
    List<TargetOrder> out = new ArrayList<>(raw.size());
    for (TargetOrder t : raw) {
      if (!t.isLimit() || t.reduceOnly()) {
        out.add(t);
        continue;
      }
      double factor = t.side() == Side.BUY ? 1 - d : 1 + d;
      BigDecimal qty = ctx.roundQuantity(t.quantity().multiply(BigDecimal.valueOf(factor)));
      if (qty.signum() > 0) {
        out.add(t.withQuantity(qty));
      }
    }
    return out;
  }

  /** {@code clamp((position − target)/range, −1, 1)}. */
  double deviation(QuoteContext ctx, double range) {
    double mid = ctx.market().midDouble();
    double equity = ctx.inventory().equity().doubleValue();
    double target = equity > 0 ? targetBaseShare * equity / mid : 0.0;
    double d = (ctx.inventory().position().doubleValue() - target) / range;
    return Math.max(-1.0, Math.min(1.0, d));
  }
}
