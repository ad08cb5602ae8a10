package dev.tradekit.execution;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The minimal set of venue operations that turns the resting orders into the targets.
 *
 * <p>Per side, orders and targets are ranked from the mid outwards. First every target keeps the
 * closest resting order that matches it within the tolerances (same reduce-only flag, price within
 * {@code toleranceTicks}, remaining size within {@code sizeTolerance} of the target's, not older
 * than the max age). The rest are paired by rank: a pair is amended in place when the venue can and
 * the order is not too old, otherwise the order is cancelled and the target placed. Unpaired orders
 * are cancelled, unpaired targets placed; market targets are always placed.
 *
 * <pre>{@code
 * OrderSync.Plan plan = OrderSync.diff(tracker.live(), targets, rules, now);
 * executor.execute(plan, postOnly);
 * }</pre>
 */
public final class OrderSync {
  private OrderSync() {}

  /** One resting order of the bot as the sync sees it. */
  public record LiveOrder(
      String clientOrderId,
      Side side,
      BigDecimal price,
      BigDecimal quantity,
      BigDecimal executed,
      boolean reduceOnly,
      long createdAt) {
    /** What is left to fill. */
    public BigDecimal remaining() {
      return quantity.subtract(executed);
    }
  }

  /** An amendment of {@code order} to the price and remaining size of {@code target}. */
  public record Amend(LiveOrder order, TargetOrder target) {
    /** The new total quantity: what was executed plus the target's size. */
    public BigDecimal newQuantity() {
      return order.executed().add(target.quantity());
    }
  }

  /** What to send: cancels first, then amendments, then placements. */
  public record Plan(List<LiveOrder> cancels, List<Amend> amends, List<TargetOrder> places) {
    /** Whether nothing needs sending. */
    public boolean isEmpty() {
      return cancels.isEmpty() && amends.isEmpty() && places.isEmpty();
    }

    /** How many operations the plan sends. */
    public int size() {
      return cancels.size() + amends.size() + places.size();
    }
  }

  /** Tolerances and venue abilities that shape a diff. */
  public record Rules(
      BigDecimal tickSize,
      long toleranceTicks,
      BigDecimal sizeTolerance,
      boolean canAmend,
      long maxAgeMillis) {}

  /** The plan that turns {@code live} into {@code targets} at {@code now}. */
  public static Plan diff(List<LiveOrder> live, List<TargetOrder> targets, Rules rules, long now) {
    List<LiveOrder> cancels = new ArrayList<>();
    List<Amend> amends = new ArrayList<>();
    List<TargetOrder> places = new ArrayList<>();
    for (TargetOrder t : targets) {
      if (!t.isLimit()) {
        places.add(t);
      }
    }
    for (Side side : Side.values()) {
      diffSide(side, live, targets, rules, now, cancels, amends, places);
    }
    return new Plan(List.copyOf(cancels), List.copyOf(amends), List.copyOf(places));
  }

  private static void diffSide(
      Side side,
      List<LiveOrder> allLive,
      List<TargetOrder> allTargets,
      Rules rules,
      long now,
      List<LiveOrder> cancels,
      List<Amend> amends,
      List<TargetOrder> places) {
    Comparator<BigDecimal> outward =
        side == Side.BUY ? Comparator.reverseOrder() : Comparator.naturalOrder();
    List<LiveOrder> live = new ArrayList<>();
    for (int i = 0, n = allLive.size(); i < n; i++) {
      LiveOrder o = allLive.get(i);
      if (o.side() == side) {
        live.add(o);
      }
    }
    live.sort(Comparator.comparing(LiveOrder::price, outward));
    List<TargetOrder> targets = new ArrayList<>();
    for (int i = 0, n = allTargets.size(); i < n; i++) {
      TargetOrder t = allTargets.get(i);
      if (t.isLimit() && t.side() == side) {
        targets.add(t);
      }
    }
    targets.sort(Comparator.comparing(TargetOrder::limitPrice, outward));
    BigDecimal priceTolerance =
        rules.tickSize().multiply(BigDecimal.valueOf(rules.toleranceTicks()));
    List<TargetOrder> unmatched = new ArrayList<>();
    // indexed loops: no iterator per target and side on every quoting cycle
    for (int ti = 0, nt = targets.size(); ti < nt; ti++) {
      TargetOrder t = targets.get(ti);
      LiveOrder best = null;
      BigDecimal bestDistance = null;
      for (int li = 0, nl = live.size(); li < nl; li++) {
        LiveOrder o = live.get(li);
        BigDecimal distance = o.price().subtract(t.limitPrice()).abs();
        if (matches(o, t, distance, priceTolerance, rules, now)
            && (bestDistance == null || distance.compareTo(bestDistance) < 0)) {
          best = o;
          bestDistance = distance;
        }
      }
      if (best != null) {
        live.remove(best);
      } else {
        unmatched.add(t);
      }
    }
    int pairs = Math.min(live.size(), unmatched.size());
    for (int i = 0; i < pairs; i++) {
      LiveOrder o = live.get(i);
      TargetOrder t = unmatched.get(i);
      if (rules.canAmend() && !aged(o, rules, now) && o.reduceOnly() == t.reduceOnly()) {
        amends.add(new Amend(o, t));
      } else {
        cancels.add(o);
        places.add(t);
      }
    }
    for (int i = pairs; i < live.size(); i++) {
      cancels.add(live.get(i));
    }
    for (int i = pairs; i < unmatched.size(); i++) {
      places.add(unmatched.get(i));
    }
  }

  private static boolean matches(
      LiveOrder o,
      TargetOrder t,
      BigDecimal distance,
      BigDecimal priceTolerance,
      Rules rules,
      long now) {
    if (o.reduceOnly() != t.reduceOnly() || aged(o, rules, now)) {
      return false;
    }
    if (distance.compareTo(priceTolerance) > 0) {
      return false;
    }
    BigDecimal sizeGap = o.remaining().subtract(t.quantity()).abs();
    return sizeGap.compareTo(t.quantity().multiply(rules.sizeTolerance())) <= 0;
  }

  private static boolean aged(LiveOrder o, Rules rules, long now) {
    return rules.maxAgeMillis() > 0 && now - o.createdAt() >= rules.maxAgeMillis();
  }

  /** Splits {@code items} into consecutive chunks of at most {@code size}. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be >= 1, was " + size);
    }
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }

  /** The result of comparing the tracked orders with the venue's open orders. */
  public record Reconciliation(List<Order> adopted, List<String> lost) {}

  /**
   * Compares the bot's tracked client ids with the venue's open orders: open orders carrying the
   * bot's prefix that it does not track are adopted; tracked orders the venue no longer lists are
   * lost. Orders without the prefix belong to someone else and are ignored.
   */
  public static Reconciliation reconcile(
      Set<String> tracked, List<Order> venueOpen, String prefix) {
    List<Order> adopted = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Order o : venueOpen) {
      @Nullable String id = o.clientOrderId();
      if (id == null || !id.startsWith(prefix) || !o.isOpen()) {
        continue;
      }
      seen.add(id);
      if (!tracked.contains(id)) {
        adopted.add(o);
      }
    }
    List<String> lost = new ArrayList<>();
    for (String id : tracked) {
      if (!seen.contains(id)) {
        lost.add(id);
      }
    }
    return new Reconciliation(List.copyOf(adopted), List.copyOf(lost));
  }
}
