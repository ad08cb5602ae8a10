package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyContext;
import dev.tradekit.copier.CopyPlan;
import dev.tradekit.copier.CopyPolicy;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.FollowerSettings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns one follower's pending copies (one leader fill, or several fills of one leader order when
 * aggregating) into one follower order, or a reason to skip. Pure: every input is given.
 *
 * <pre>{@code
 * CopyPlanner.Plan plan = CopyPlanner.plan(group, "alice", settings, policy, inputs, now);
 * if (plan instanceof CopyPlanner.Send s) trading.place(s.request());
 * }</pre>
 *
 * <p>Every copy moves the follower's exact target position in the slot: an open or increase adds
 * what the policy sizes, a reduction scales the target by the leader's exact fraction, a close (or
 * a flip's first leg) sets it to zero. The order then brings the copied position to the target
 * rounded toward zero to the lot ({@link Targets#onLot}), so rounding never accumulates: the copied
 * position stays within one lot of the target and never beyond it. An order that would go against
 * the leader fill's direction, or that breaks a venue rule, is skipped, never enlarged.
 */
public final class CopyPlanner {
  private static final MathContext MC = MathContext.DECIMAL64;

  private CopyPlanner() {}

  /**
   * What the planner needs besides the copies.
   *
   * @param followerPositions the follower's copied positions by slot
   * @param followerTargets the follower's exact target positions by slot
   * @param lastPrices the last leader price per symbol (for total notional)
   * @param leaderBalance the leader's margin balance, when the policy needs balances
   * @param followerBalance the follower's margin balance, when the policy needs balances
   */
  public record Inputs(
      Instrument instrument,
      PositionMode followerMode,
      Map<PositionKey, BigDecimal> followerPositions,
      Map<PositionKey, BigDecimal> followerTargets,
      Map<String, BigDecimal> lastPrices,
      @Nullable BigDecimal leaderBalance,
      @Nullable BigDecimal followerBalance) {}

  /** The outcome of planning. */
  public sealed interface Plan permits Skip, Send {}

  /**
   * Do not copy, for {@code reason}; store {@code target} as the slot's new target unless null (a
   * copy too small for a lot still moves the target, so small copies add up).
   */
  public record Skip(String reason, @Nullable SlotTarget target) implements Plan {
    Skip(String reason) {
      this(reason, null);
    }
  }

  /**
   * Send {@code request}; journal {@code intended}, mark {@code merged} and store {@code target}
   * first.
   */
  public record Send(
      CopyRecord intended, List<CopyRecord> merged, OrderRequest request, SlotTarget target)
      implements Plan {}

  /** True when {@code r} opens (policy-sized) rather than reduces (fraction-sized). */
  public static boolean opens(CopyRecord r) {
    return r.action().opens() || (r.action() == CopyAction.FLIP && r.leg() == 1);
  }

  /**
   * Plans the copy of {@code group} (the head first; the rest are merged into it).
   *
   * @param now scheduler time, stamped on merged copies
   */
  public static Plan plan(
      List<CopyRecord> group,
      String follower,
      FollowerSettings settings,
      CopyPolicy policy,
      Inputs in,
      long now) {
    if (group.isEmpty()) {
      throw new IllegalArgumentException("group must hold at least one copy");
    }
    CopyRecord head = group.get(0);
    Plan plan =
        opens(head) ? planOpen(group, follower, settings, policy, in) : planReduce(group, in);
    if (plan instanceof Send s && group.size() > 1) {
      List<CopyRecord> merged = new ArrayList<>();
      for (CopyRecord r : group.subList(1, group.size())) {
        merged.add(
            Records.finished(r, CopyStatus.MERGED, "merged into " + head.clientOrderId(), now));
      }
      return new Send(s.intended(), merged, s.request(), s.target());
    }
    return plan;
  }

  private static Plan planOpen(
      List<CopyRecord> group,
      String follower,
      FollowerSettings settings,
      CopyPolicy policy,
      Inputs in) {
    CopyRecord head = group.get(0);
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    for (CopyRecord r : group) {
      quantity = quantity.add(r.leaderQuantity());
      cost = cost.add(r.leaderQuantity().multiply(r.leaderPrice()));
    }
    BigDecimal price = cost.divide(quantity, MC);
    if (head.action() == CopyAction.FLIP) {
      // the part beyond zero, including the fills of the same order merged behind the flip
      quantity = group.get(group.size() - 1).leaderPositionAfter().abs();
    }
    String symbol = head.symbol();
    BigDecimal symbolNotional = BigDecimal.ZERO;
    BigDecimal totalNotional = BigDecimal.ZERO;
    for (Map.Entry<PositionKey, BigDecimal> e : in.followerPositions().entrySet()) {
      String s = e.getKey().symbol();
      BigDecimal px = s.equals(symbol) ? price : in.lastPrices().getOrDefault(s, BigDecimal.ZERO);
      BigDecimal notional = e.getValue().abs().multiply(px);
      totalNotional = totalNotional.add(notional);
      if (s.equals(symbol)) {
        symbolNotional = symbolNotional.add(notional);
      }
    }
    CopyContext ctx =
        new CopyContext(
            follower,
            symbol,
            head.side(),
            head.action(),
            quantity,
            price,
            in.leaderBalance(),
            in.followerBalance(),
            symbolNotional,
            totalNotional);
    CopyPlan sized = policy.size(ctx, CopyPlan.of(ctx));
    if (sized.isSkipped()) {
      return new Skip(Objects.requireNonNull(sized.skipReason()));
    }
    if (sized.quantity().signum() <= 0) {
      return new Skip("the policy sized the copy to zero");
    }
    BigDecimal cap = settings.maxSlippage();
    OrderType type = cap == null ? OrderType.MARKET : OrderType.LIMIT;
    Instrument inst = in.instrument();
    PositionKey slot = new PositionKey(symbol, head.leaderPositionSide());
    boolean buy = head.side() == Side.BUY;
    BigDecimal signedSize = buy ? sized.quantity() : sized.quantity().negate();
    SlotTarget target =
        new SlotTarget(
            slot,
            Targets.normalize(
                in.followerTargets().getOrDefault(slot, BigDecimal.ZERO).add(signedSize)));
    BigDecimal copied = in.followerPositions().getOrDefault(slot, BigDecimal.ZERO);
    BigDecimal delta = Targets.onLot(target.amount(), inst.stepSizeFor(type)).subtract(copied);
    BigDecimal qty = Targets.plain(buy ? delta : delta.negate());
    if (qty.signum() <= 0) {
      return new Skip(notBelowTarget(target.amount(), copied, inst, type), target);
    }
    BigDecimal limit = null;
    if (cap != null) {
      BigDecimal raw = price.multiply(buy ? BigDecimal.ONE.add(cap) : BigDecimal.ONE.subtract(cap));
      limit = inst.roundPrice(raw, buy ? RoundingMode.DOWN : RoundingMode.UP);
    }
    PositionSide ps = PositionSide.BOTH;
    if (in.followerMode() == PositionMode.HEDGE) {
      ps =
          head.leaderPositionSide() != PositionSide.BOTH
              ? head.leaderPositionSide()
              : head.side() == Side.BUY ? PositionSide.LONG : PositionSide.SHORT;
    }
    OrderRequest request =
        OrderRequest.builder()
            .symbol(symbol)
            .side(head.side())
            .type(type)
            .timeInForce(cap == null ? null : TimeInForce.IOC)
            .quantity(qty)
            .price(limit)
            .positionSide(ps)
            .clientOrderId(head.clientOrderId())
            .build();
    List<String> broken = inst.violations(request, price);
    if (!broken.isEmpty()) {
      return new Skip(
          "below the venue's limits, not enlarged: " + String.join("; ", broken), target);
    }
    return new Send(
        Records.intended(head, head.side(), ps, qty, limit, false), List.of(), request, target);
  }

  private static Plan planReduce(List<CopyRecord> group, Inputs in) {
    CopyRecord head = group.get(0);
    CopyRecord last = group.get(group.size() - 1);
    PositionKey slot = new PositionKey(head.symbol(), head.leaderPositionSide());
    BigDecimal copied = in.followerPositions().getOrDefault(slot, BigDecimal.ZERO);
    BigDecimal before = head.leaderPositionBefore();
    BigDecimal after =
        head.action() == CopyAction.FLIP ? BigDecimal.ZERO : last.leaderPositionAfter();
    boolean closeAll =
        after.signum() == 0 || before.signum() == 0 || after.signum() != before.signum();
    if (!closeAll && before.abs().compareTo(after.abs()) <= 0) {
      return new Skip("the leader's position did not shrink");
    }
    BigDecimal oldTarget = in.followerTargets().getOrDefault(slot, BigDecimal.ZERO);
    SlotTarget target =
        new SlotTarget(slot, closeAll ? BigDecimal.ZERO : Targets.scaled(oldTarget, after, before));
    if (copied.signum() == 0) {
      return new Skip(
          "no copied position in " + head.symbol() + " " + slot.side() + " to reduce or close",
          target);
    }
    Instrument inst = in.instrument();
    BigDecimal qty;
    if (closeAll) {
      qty = copied.abs();
    } else {
      BigDecimal delta =
          Targets.onLot(target.amount(), inst.stepSizeFor(OrderType.MARKET)).subtract(copied);
      if (delta.signum() == 0 || delta.signum() == copied.signum()) {
        return new Skip(notBelowTarget(target.amount(), copied, inst, OrderType.MARKET), target);
      }
      qty = Targets.plain(delta.abs().min(copied.abs())); // a reduction never crosses zero
    }
    Side side = copied.signum() > 0 ? Side.SELL : Side.BUY;
    PositionSide ps;
    boolean reduceOnly;
    if (in.followerMode() == PositionMode.HEDGE) {
      ps = copied.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT;
      reduceOnly = false;
    } else {
      ps = PositionSide.BOTH;
      reduceOnly = slot.side() == PositionSide.BOTH || netReduces(in, head.symbol(), side, qty);
    }
    OrderRequest request =
        OrderRequest.builder()
            .symbol(head.symbol())
            .side(side)
            .type(OrderType.MARKET)
            .quantity(qty)
            .reduceOnly(reduceOnly)
            .positionSide(ps)
            .clientOrderId(head.clientOrderId())
            .build();
    // Checked as a one-way reduce-only order: closes are exempt from the minimum notional.
    List<String> broken =
        inst.violations(
            OrderRequest.builder()
                .symbol(head.symbol())
                .side(side)
                .type(OrderType.MARKET)
                .quantity(qty)
                .reduceOnly(true)
                .build(),
            head.leaderPrice());
    if (!broken.isEmpty()) {
      return new Skip("reduction breaks the venue's limits: " + String.join("; ", broken), target);
    }
    return new Send(
        Records.intended(head, side, ps, qty, null, reduceOnly), List.of(), request, target);
  }

  /** Whether a one-way order of {@code side, qty} only shrinks the follower's net position. */
  private static boolean netReduces(Inputs in, String symbol, Side side, BigDecimal qty) {
    BigDecimal net = BigDecimal.ZERO;
    for (Map.Entry<PositionKey, BigDecimal> e : in.followerPositions().entrySet()) {
      if (e.getKey().symbol().equals(symbol)) {
        net = net.add(e.getValue());
      }
    }
    return (side == Side.SELL ? net.signum() > 0 : net.signum() < 0)
        && net.abs().compareTo(qty) >= 0;
  }

  private static String notBelowTarget(
      BigDecimal target, BigDecimal copied, Instrument inst, OrderType type) {
    return "the exact target "
        + Decimals.plain(target)
        + " rounds toward zero to "
        + Decimals.plain(Targets.onLot(target, inst.stepSizeFor(type)))
        + " at the step "
        + inst.stepSizeFor(type).toPlainString()
        + " of "
        + inst.symbol()
        + ", and "
        + Decimals.plain(copied)
        + " is copied already: nothing to send (never enlarged)";
  }
}
