package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The decorators of {@link Strategies}: each wraps a strategy and changes its targets. */
final class QuoteFilters {
  private QuoteFilters() {}

  /** Drops limit targets closer to the mid than {@code minSpread} (a fraction of the mid). */
  static final class MinimumSpread extends DelegatingStrategy {
    private final BigDecimal minSpread;

    MinimumSpread(Strategy base, BigDecimal minSpread) {
      super(base);
      if (minSpread.signum() < 0 || minSpread.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("minSpread must be in [0, 1), was " + minSpread);
      }
      this.minSpread = minSpread;
    }

    @Override
    public List<TargetOrder> targets(QuoteContext ctx) {
      BigDecimal mid = ctx.market().mid();
      BigDecimal minDistance = mid.multiply(minSpread);
      List<TargetOrder> out = new ArrayList<>();
      for (TargetOrder t : base.targets(ctx)) {
        if (!t.isLimit() || t.reduceOnly()) {
          out.add(t);
          continue;
        }
        BigDecimal distance =
            t.side() == Side.BUY ? mid.subtract(t.limitPrice()) : t.limitPrice().subtract(mid);
        if (distance.compareTo(minDistance) >= 0) {
          out.add(t);
        }
      }
      return out;
    }
  }

  /** Above the ceiling only sells are quoted, below the floor only buys. */
  static final class PriceLimits extends DelegatingStrategy {
    private final @Nullable BigDecimal ceiling;
    private final @Nullable BigDecimal floor;

    PriceLimits(Strategy base, @Nullable BigDecimal ceiling, @Nullable BigDecimal floor) {
      super(base);
      if (ceiling == null && floor == null) {
        throw new IllegalArgumentException("give a ceiling, a floor or both");
      }
      if (ceiling != null && floor != null && floor.compareTo(ceiling) >= 0) {
        throw new IllegalArgumentException("floor " + floor + " must be below ceiling " + ceiling);
      }
      this.ceiling = ceiling;
      this.floor = floor;
    }

    @Override
    public List<TargetOrder> targets(QuoteContext ctx) {
      BigDecimal mid = ctx.market().mid();
      boolean noBuys = ceiling != null && mid.compareTo(ceiling) > 0;
      boolean noSells = floor != null && mid.compareTo(floor) < 0;
      List<TargetOrder> out = new ArrayList<>();
      for (TargetOrder t : base.targets(ctx)) {
        boolean blocked = !t.reduceOnly() && (t.side() == Side.BUY ? noBuys : noSells);
        if (!blocked) {
          out.add(t);
        }
      }
      return out;
    }
  }

  /**
   * For {@code delayMillis} after a fill, places nothing new: the orders already resting are kept
   * as they are, and the wrapped strategy is asked again once the delay is over.
   */
  static final class FilledOrderDelay extends DelegatingStrategy {
    private final long delayMillis;
    private long lastFillTime = Long.MIN_VALUE;

    FilledOrderDelay(Strategy base, long delayMillis) {
      super(base);
      if (delayMillis <= 0) {
        throw new IllegalArgumentException("delay must be > 0 ms, was " + delayMillis);
      }
      this.delayMillis = delayMillis;
    }

    @Override
    public void onFill(Fill fill, long now) {
      lastFillTime = now;
      base.onFill(fill, now);
    }

    @Override
    public List<TargetOrder> targets(QuoteContext ctx) {
      if (lastFillTime != Long.MIN_VALUE && ctx.now() - lastFillTime < delayMillis) {
        List<TargetOrder> keep = new ArrayList<>();
        for (Order o : ctx.openOrders()) {
          BigDecimal remaining = o.remainingQuantity();
          if (o.price() != null && remaining.signum() > 0) {
            keep.add(new TargetOrder(o.side(), o.type(), o.price(), remaining, o.reduceOnly()));
          }
        }
        return keep;
      }
      return base.targets(ctx);
    }
  }

  /**
   * Moves quotes out by the fee: {@code buy·(1 − fee)} rounded down, {@code sell·(1 + fee)} rounded
   * up, so a round trip at the quotes earns the spread net of fees.
   */
  static final class FeeAdjusted extends DelegatingStrategy {
    private final BigDecimal fee;

    FeeAdjusted(Strategy base, BigDecimal fee) {
      super(base);
      if (fee.signum() < 0 || fee.compareTo(new BigDecimal("0.1")) > 0) {
        throw new IllegalArgumentException("fee must be in [0, 0.1] (a fraction), was " + fee);
      }
      this.fee = fee;
    }

    @Override
    public List<TargetOrder> targets(QuoteContext ctx) {
      List<TargetOrder> out = new ArrayList<>();
      for (TargetOrder t : base.targets(ctx)) {
        if (!t.isLimit()) {
          out.add(t);
          continue;
        }
        BigDecimal factor =
            t.side() == Side.BUY ? BigDecimal.ONE.subtract(fee) : BigDecimal.ONE.add(fee);
        BigDecimal price =
            ctx.round(t.side(), t.limitPrice().multiply(factor).round(MathContext.DECIMAL64));
        if (price != null) {
          out.add(t.withPrice(Objects.requireNonNull(price)));
        }
      }
      return out;
    }
  }
}
