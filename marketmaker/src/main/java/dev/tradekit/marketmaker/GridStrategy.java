package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A grid bot: limit orders on fixed price lines, none on the line nearest the mid, buys on the
 * lines below and sells on the lines above it. When a buy fills the price is at its line, so that
 * line becomes the empty one and a sell appears one line up (and vice versa).
 *
 * <p>{@link Direction#NEUTRAL} quotes every line; {@link Direction#LONG} buys below and sells
 * (reduce-only) on as many lines above as the long position covers; {@link Direction#SHORT} is the
 * mirror. Until the mid reaches the trigger price nothing is quoted. A stop-loss or take-profit
 * bound (each outside the range) that the mid reaches closes the position at market and stops the
 * bot once the position has stayed flat for a second.
 */
final class GridStrategy implements Strategy {
  private final BigDecimal lower;
  private final BigDecimal upper;
  private final int count;
  private final GridSpacing spacing;
  private final Direction direction;
  private final BigDecimal amount;
  private final @Nullable BigDecimal trigger;
  private final @Nullable BigDecimal stopLoss;
  private final @Nullable BigDecimal takeProfit;
  private @Nullable List<BigDecimal> lines;
  private boolean triggered;
  private @Nullable BigDecimal firstMid;
  private @Nullable String stopReason;
  private @Nullable String pendingStop;
  private long closeSentAt = Long.MIN_VALUE;
  private long flatSince = Long.MIN_VALUE;

  /** How long the position must stay flat after a bound is hit before the bot stops. */
  static final long SETTLE_MILLIS = 1_000;

  /** How long a market close is waited for before it is sent again. */
  static final long RESEND_MILLIS = 5_000;

  GridStrategy(
      BigDecimal lower,
      BigDecimal upper,
      int count,
      GridSpacing spacing,
      Direction direction,
      BigDecimal amount,
      @Nullable BigDecimal trigger,
      @Nullable BigDecimal stopLoss,
      @Nullable BigDecimal takeProfit) {
    this.lower = lower;
    this.upper = upper;
    this.count = count;
    this.spacing = spacing;
    this.direction = direction;
    this.amount = amount;
    this.trigger = trigger;
    this.stopLoss = stopLoss;
    this.takeProfit = takeProfit;
    this.triggered = trigger == null;
  }

  @Override
  public void validate(Instrument instrument) {
    lines = lines(instrument);
  }

  /** The grid lines rounded to the tick, lowest first; fails when two lines share a tick. */
  List<BigDecimal> lines(Instrument instrument) {
    int n = count;
    List<BigDecimal> out = new ArrayList<>(n);
    MathContext mc = MathContext.DECIMAL64;
    double ratio = upper.doubleValue() / lower.doubleValue();
    for (int i = 0; i < n; i++) {
      BigDecimal raw;
      if (i == n - 1) {
        raw = upper;
      } else if (spacing == GridSpacing.ARITHMETIC) {
        BigDecimal step = upper.subtract(lower).divide(BigDecimal.valueOf(n - 1), mc);
        raw = lower.add(step.multiply(BigDecimal.valueOf(i)));
      } else {
        raw = lower.multiply(BigDecimal.valueOf(Math.pow(ratio, (double) i / (n - 1))), mc);
      }
      BigDecimal line = instrument.roundPrice(raw, RoundingMode.HALF_UP);
      if (!out.isEmpty() && line.compareTo(out.get(out.size() - 1)) <= 0) {
        throw new IllegalArgumentException(
            "grid lines "
                + (i - 1)
                + " and "
                + i
                + " fall on one tick ("
                + line.toPlainString()
                + "): spacing must be at least one tick "
                + instrument.tickSize().toPlainString()
                + "; use fewer lines or a wider range");
      }
      out.add(line);
    }
    return List.copyOf(out);
  }

  @Override
  public @Nullable String stopReason() {
    return stopReason;
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    List<BigDecimal> grid = lines;
    if (grid == null) {
      grid = lines(ctx.instrument());
      lines = grid;
    }
    BigDecimal mid = ctx.market().mid();
    if (stopReason != null || (pendingStop == null && !triggered(mid))) {
      return List.of();
    }
    BigDecimal position = ctx.inventory().position();
    if (pendingStop == null) {
      pendingStop = boundHit(mid);
    }
    if (pendingStop != null) {
      return closing(ctx, position);
    }
    int nearest = 0;
    for (int i = 1; i < grid.size(); i++) {
      if (grid.get(i).subtract(mid).abs().compareTo(grid.get(nearest).subtract(mid).abs()) < 0) {
        nearest = i;
      }
    }
    BigDecimal qty = ctx.roundQuantity(amount);
    if (qty.signum() <= 0) {
      return List.of();
    }
    int coverable = position.abs().divide(qty, 0, RoundingMode.DOWN).intValue();
    List<TargetOrder> out = new ArrayList<>();
    int buysAllowed =
        direction == Direction.SHORT ? (position.signum() < 0 ? coverable : 0) : Integer.MAX_VALUE;
    for (int i = nearest - 1; i >= 0 && buysAllowed > 0; i--, buysAllowed--) {
      out.add(
          new TargetOrder(
              Side.BUY, OrderType.LIMIT, grid.get(i), qty, direction == Direction.SHORT));
    }
    int sellsAllowed =
        direction == Direction.LONG ? (position.signum() > 0 ? coverable : 0) : Integer.MAX_VALUE;
    for (int i = nearest + 1; i < grid.size() && sellsAllowed > 0; i++, sellsAllowed--) {
      out.add(
          new TargetOrder(
              Side.SELL, OrderType.LIMIT, grid.get(i), qty, direction == Direction.LONG));
    }
    return out;
  }

  /**
   * After a bound is hit: no grid orders; the position is closed at market (sent again every {@link
   * #RESEND_MILLIS} while it is not flat) and the bot stops once it has been flat for {@link
   * #SETTLE_MILLIS}, so that fills still on their way are closed too.
   */
  private List<TargetOrder> closing(QuoteContext ctx, BigDecimal position) {
    long now = ctx.now();
    if (position.signum() == 0) {
      if (flatSince == Long.MIN_VALUE) {
        flatSince = now;
      }
      if (now - flatSince >= SETTLE_MILLIS) {
        stopReason = pendingStop;
      }
      return List.of();
    }
    flatSince = Long.MIN_VALUE;
    if (closeSentAt != Long.MIN_VALUE && now - closeSentAt < RESEND_MILLIS) {
      return List.of();
    }
    closeSentAt = now;
    return List.of(
        TargetOrder.market(position.signum() > 0 ? Side.SELL : Side.BUY, position.abs(), true));
  }

  private boolean triggered(BigDecimal mid) {
    if (triggered) {
      return true;
    }
    BigDecimal trigger = this.trigger;
    if (trigger == null) {
      triggered = true;
      return true;
    }
    BigDecimal first = firstMid;
    if (first == null) {
      firstMid = mid;
      first = mid;
    }
    int startSide = first.compareTo(trigger);
    int nowSide = mid.compareTo(trigger);
    triggered = nowSide == 0 || startSide == 0 || nowSide != startSide;
    return triggered;
  }

  private @Nullable String boundHit(BigDecimal mid) {
    String sl = boundHit(stopLoss, mid, "stop-loss");
    return sl != null ? sl : boundHit(takeProfit, mid, "take-profit");
  }

  private @Nullable String boundHit(@Nullable BigDecimal bound, BigDecimal mid, String name) {
    if (bound == null) {
      return null;
    }
    boolean below = bound.compareTo(lower) < 0;
    boolean hit = below ? mid.compareTo(bound) <= 0 : mid.compareTo(bound) >= 0;
    return hit
        ? "grid " + name + " " + bound.toPlainString() + " reached at mid " + mid.toPlainString()
        : null;
  }
}
