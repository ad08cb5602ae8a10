package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DCA bot: opens a deal with a market base order, rests safety orders at growing distances from
 * the deal's start price, takes profit (optionally trailing) at a distance from the average entry,
 * stops out at a loss limit, and waits a cooldown before the next deal.
 *
 * <p>Safety order {@code i} (1-based) rests at cumulative deviation {@code D_i = deviation·(1 +
 * stepScale + … + stepScale^(i−1))} from the start price, for {@code
 * safetyOrder·volumeScale^(i−1)}. The safety orders already filled are inferred from the position,
 * so a partly filled one is asked for its remainder only.
 */
final class DcaStrategy implements Strategy {
  /** Settings, validated by {@link DcaBuilder}. */
  record Config(
      Direction direction,
      BigDecimal baseOrder,
      BigDecimal safetyOrder,
      BigDecimal deviation,
      BigDecimal stepScale,
      BigDecimal volumeScale,
      int maxSafetyOrders,
      BigDecimal takeProfit,
      @Nullable BigDecimal trailing,
      @Nullable BigDecimal stopLoss,
      long cooldownMillis) {}

  enum Phase {
    IDLE,
    OPENING,
    IN_DEAL,
    CLOSING
  }

  /** How long an unanswered market order (base or close) is waited for before it is sent again. */
  static final long RETRY_MILLIS = 30_000;

  private static final MathContext MC = MathContext.DECIMAL64;
  private final Config cfg;
  private final Side entrySide;
  private Phase phase = Phase.IDLE;
  private long phaseSince;
  private long nextDealTime = Long.MIN_VALUE;
  private @Nullable BigDecimal dealStart;
  private @Nullable BigDecimal trailPeak;
  private int deals;

  DcaStrategy(Config cfg) {
    this.cfg = cfg;
    this.entrySide = cfg.direction() == Direction.SHORT ? Side.SELL : Side.BUY;
  }

  /** The cumulative price deviation of safety order {@code i} (1-based). */
  BigDecimal cumulativeDeviation(int i) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal term = cfg.deviation();
    for (int k = 1; k <= i; k++) {
      sum = sum.add(term);
      term = term.multiply(cfg.stepScale(), MC);
    }
    return sum;
  }

  /** The unrounded price of safety order {@code i} for a deal started at {@code start}. */
  BigDecimal safetyPrice(int i, BigDecimal start) {
    BigDecimal d = cumulativeDeviation(i);
    BigDecimal factor = entrySide == Side.BUY ? BigDecimal.ONE.subtract(d) : BigDecimal.ONE.add(d);
    return start.multiply(factor, MC);
  }

  /** The quantity of safety order {@code i} (1-based), before rounding. */
  BigDecimal safetySize(int i) {
    return cfg.safetyOrder().multiply(cfg.volumeScale().pow(i - 1, MC), MC);
  }

  Phase phase() {
    return phase;
  }

  int deals() {
    return deals;
  }

  @Override
  public void onFill(Fill fill, long now) {
    if (fill.side() == entrySide && dealStart == null && phase != Phase.CLOSING) {
      dealStart = fill.price();
    }
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    long now = ctx.now();
    BigDecimal held = ctx.inventory().position();
    BigDecimal dealQty = entrySide == Side.BUY ? held : held.negate();
    switch (phase) {
      case IDLE -> {
        if (dealQty.signum() > 0) {
          enterDeal(now);
          return inDeal(ctx, dealQty);
        }
        if (now < nextDealTime) {
          return List.of();
        }
        BigDecimal qty = ctx.roundQuantity(cfg.baseOrder());
        if (qty.signum() <= 0) {
          return List.of();
        }
        move(Phase.OPENING, now);
        dealStart = null;
        return List.of(TargetOrder.market(entrySide, qty, false));
      }
      case OPENING -> {
        if (dealQty.signum() > 0) {
          enterDeal(now);
          return inDeal(ctx, dealQty);
        }
        if (now - phaseSince >= RETRY_MILLIS) {
          move(Phase.IDLE, now);
        }
        return List.of();
      }
      case IN_DEAL -> {
        if (dealQty.signum() <= 0) {
          endDeal(now);
          return List.of();
        }
        return inDeal(ctx, dealQty);
      }
      case CLOSING -> {
        if (dealQty.signum() <= 0) {
          endDeal(now);
        } else if (now - phaseSince >= RETRY_MILLIS) {
          phaseSince = now;
          return List.of(TargetOrder.market(entrySide.opposite(), dealQty, true));
        }
        return List.of();
      }
    }
    throw new IllegalStateException("unknown phase " + phase);
  }

  private void enterDeal(long now) {
    move(Phase.IN_DEAL, now);
    trailPeak = null;
  }

  private void endDeal(long now) {
    deals++;
    move(Phase.IDLE, now);
    nextDealTime = now + cfg.cooldownMillis();
    dealStart = null;
    trailPeak = null;
  }

  private void move(Phase next, long now) {
    phase = next;
    phaseSince = now;
  }

  private List<TargetOrder> inDeal(QuoteContext ctx, BigDecimal dealQty) {
    BigDecimal mid = ctx.market().mid();
    BigDecimal entry = ctx.inventory().entryPrice();
    BigDecimal start = dealStart;
    if (start == null) {
      start = entry.signum() > 0 ? entry : mid;
      dealStart = start;
    }
    if (entry.signum() <= 0) {
      entry = start;
    }
    boolean isLong = entrySide == Side.BUY;
    Side exitSide = entrySide.opposite();
    BigDecimal sl = cfg.stopLoss();
    if (sl != null) {
      BigDecimal stop =
          entry.multiply(isLong ? BigDecimal.ONE.subtract(sl) : BigDecimal.ONE.add(sl), MC);
      if (isLong ? mid.compareTo(stop) <= 0 : mid.compareTo(stop) >= 0) {
        move(Phase.CLOSING, ctx.now());
        return List.of(TargetOrder.market(exitSide, dealQty, true));
      }
    }
    List<TargetOrder> out = new ArrayList<>();
    BigDecimal tp = cfg.takeProfit();
    BigDecimal tpPrice =
        entry.multiply(isLong ? BigDecimal.ONE.add(tp) : BigDecimal.ONE.subtract(tp), MC);
    BigDecimal trailing = cfg.trailing();
    if (trailing != null) {
      BigDecimal peak = trailPeak;
      boolean beyond = isLong ? mid.compareTo(tpPrice) >= 0 : mid.compareTo(tpPrice) <= 0;
      if (beyond || peak != null) {
        peak = peak == null ? mid : (isLong ? peak.max(mid) : peak.min(mid));
        trailPeak = peak;
        BigDecimal retrace =
            peak.multiply(
                isLong ? BigDecimal.ONE.subtract(trailing) : BigDecimal.ONE.add(trailing), MC);
        if (isLong ? mid.compareTo(retrace) <= 0 : mid.compareTo(retrace) >= 0) {
          move(Phase.CLOSING, ctx.now());
          return List.of(TargetOrder.market(exitSide, dealQty, true));
        }
      }
    }
    if (trailing == null || trailPeak == null) {
      BigDecimal price = ctx.round(exitSide, tpPrice);
      if (price != null) {
        out.add(TargetOrder.reduceOnlyLimit(exitSide, price, dealQty));
      }
    }
    BigDecimal covered = ctx.roundQuantity(cfg.baseOrder());
    for (int i = 1; i <= cfg.maxSafetyOrders(); i++) {
      BigDecimal size = ctx.roundQuantity(safetySize(i));
      if (size.signum() <= 0) {
        break;
      }
      BigDecimal after = covered.add(size);
      if (after.compareTo(dealQty) <= 0) {
        covered = after;
        continue; // filled
      }
      BigDecimal remaining = covered.compareTo(dealQty) < 0 ? after.subtract(dealQty) : size;
      covered = after;
      BigDecimal price = ctx.round(entrySide, safetyPrice(i, start));
      if (price != null) {
        out.add(TargetOrder.limit(entrySide, price, remaining));
      }
    }
    return out;
  }
}
