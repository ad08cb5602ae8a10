package dev.tradekit.copier;

import dev.tradekit.api.model.MarginType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The built-in {@link CopyPolicy} steps: sizing, filters, caps, and execution settings. Chain them
 * with {@link CopyPolicy#andThen}, sizing first.
 *
 * <pre>{@code
 * CopyPolicy conservative = CopyPolicies.proportionalToBalance()
 *     .andThen(CopyPolicies.allowSymbols("BTCUSDT", "ETHUSDT"))
 *     .andThen(CopyPolicies.minNotionalPerOrder(new BigDecimal("10")))
 *     .andThen(CopyPolicies.maxPositionNotional(new BigDecimal("20000")))
 *     .andThen(CopyPolicies.maxDrawdown(new BigDecimal("0.25")));
 * }</pre>
 *
 * <p>A chain without a sizing step copies the leader's quantity one to one. Divisions are computed
 * with 16 significant digits; the copier then rounds the quantity down to the follower's step.
 */
public final class CopyPolicies {
  private static final MathContext MC = MathContext.DECIMAL64;

  private CopyPolicies() {}

  /** Opens {@code ratio} times the leader's quantity (0.5 = half the leader's size). */
  public static CopyPolicy fixedRatio(BigDecimal ratio) {
    positive(ratio, "ratio");
    return sizing(
        "fixedRatio(" + ratio.toPlainString() + ")",
        (ctx, plan) -> plan.withQuantity(ctx.leaderQuantity().multiply(ratio)));
  }

  /** Opens {@code notional} worth of the quote asset per leader fill, at the leader's price. */
  public static CopyPolicy fixedNotional(BigDecimal notional) {
    positive(notional, "notional");
    return sizing(
        "fixedNotional(" + notional.toPlainString() + ")",
        (ctx, plan) -> plan.withQuantity(notional.divide(ctx.leaderPrice(), MC)));
  }

  /**
   * Opens the leader order's cost divided by the leader's margin balance, times the follower's
   * margin balance, at the leader's price: a follower with a tenth of the leader's equity opens a
   * tenth of the leader's quantity. Skips when either balance is not positive.
   */
  public static CopyPolicy proportionalToBalance() {
    return new CopyPolicy() {
      @Override
      public CopyPlan size(CopyContext ctx, CopyPlan plan) {
        if (plan.isSkipped()) {
          return plan;
        }
        BigDecimal leader = ctx.leaderMarginBalance();
        BigDecimal follower = ctx.followerMarginBalance();
        if (leader == null || leader.signum() <= 0) {
          return plan.skip("leader margin balance is not positive: cannot size proportionally");
        }
        if (follower == null || follower.signum() <= 0) {
          return plan.skip("follower margin balance is not positive: cannot size proportionally");
        }
        BigDecimal followerCost = ctx.leaderNotional().divide(leader, MC).multiply(follower);
        return plan.withQuantity(followerCost.divide(ctx.leaderPrice(), MC));
      }

      @Override
      public boolean needsBalances() {
        return true;
      }

      @Override
      public String toString() {
        return "proportionalToBalance";
      }
    };
  }

  /** Copies only these symbols; any other is skipped. */
  public static CopyPolicy allowSymbols(String... symbols) {
    Set<String> allowed = symbolSet(symbols, "allowSymbols");
    return sizing(
        "allowSymbols" + allowed,
        (ctx, plan) ->
            allowed.contains(ctx.symbol())
                ? plan
                : plan.skip("symbol " + ctx.symbol() + " is not in the allow list " + allowed));
  }

  /** Never copies these symbols. */
  public static CopyPolicy denySymbols(String... symbols) {
    Set<String> denied = symbolSet(symbols, "denySymbols");
    return sizing(
        "denySymbols" + denied,
        (ctx, plan) ->
            denied.contains(ctx.symbol())
                ? plan.skip("symbol " + ctx.symbol() + " is in the deny list")
                : plan);
  }

  /** Skips an order whose notional (quantity times leader price) is below {@code min}. */
  public static CopyPolicy minNotionalPerOrder(BigDecimal min) {
    positive(min, "min");
    return sizing(
        "minNotionalPerOrder(" + min.toPlainString() + ")",
        (ctx, plan) -> {
          BigDecimal notional = plan.quantity().multiply(ctx.leaderPrice());
          return notional.compareTo(min) < 0
              ? plan.skip(
                  "order notional "
                      + notional.stripTrailingZeros().toPlainString()
                      + " is below the policy minimum "
                      + min.toPlainString())
              : plan;
        });
  }

  /** Caps an order's notional at {@code max} (the quantity shrinks to {@code max / price}). */
  public static CopyPolicy maxNotionalPerOrder(BigDecimal max) {
    positive(max, "max");
    return sizing(
        "maxNotionalPerOrder(" + max.toPlainString() + ")",
        (ctx, plan) -> plan.withQuantity(plan.quantity().min(max.divide(ctx.leaderPrice(), MC))));
  }

  /**
   * Caps the follower's copied position in each symbol at {@code max} notional: an order is shrunk
   * to the room left, and skipped when there is none.
   */
  public static CopyPolicy maxPositionNotional(BigDecimal max) {
    positive(max, "max");
    return sizing(
        "maxPositionNotional(" + max.toPlainString() + ")",
        (ctx, plan) -> capByRoom(ctx, plan, max, ctx.followerSymbolNotional(), ctx.symbol()));
  }

  /** Caps the follower's copied positions over all symbols at {@code max} notional in total. */
  public static CopyPolicy maxTotalNotional(BigDecimal max) {
    positive(max, "max");
    return sizing(
        "maxTotalNotional(" + max.toPlainString() + ")",
        (ctx, plan) -> capByRoom(ctx, plan, max, ctx.followerTotalNotional(), "all symbols"));
  }

  /** Sets the follower's leverage to the leader's before opening a position. */
  public static CopyPolicy mirrorLeverage() {
    return setting("mirrorLeverage", s -> s.withMirrorLeverage(true));
  }

  /** Sets the follower's leverage on each symbol to {@code leverage} before its first copy. */
  public static CopyPolicy fixedLeverage(int leverage) {
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1 but was " + leverage);
    }
    return setting("fixedLeverage(" + leverage + ")", s -> s.withFixedLeverage(leverage));
  }

  /**
   * Sets the follower's margin type (cross or isolated) on a symbol to the leader's before opening
   * a position there. A follower venue without {@link dev.tradekit.api.MarginModes}, or one that
   * refuses the change (e.g. while the follower holds a position), is reported through {@link
   * CopierListener#error} and the copy goes ahead on the current type.
   */
  public static CopyPolicy mirrorMarginType() {
    return setting("mirrorMarginType", s -> s.withMirrorMarginType(true));
  }

  /**
   * Sets the follower's margin type on each symbol to {@code type} before its first opening copy.
   */
  public static CopyPolicy fixedMarginType(MarginType type) {
    Objects.requireNonNull(type, "type");
    return setting("fixedMarginType(" + type + ")", s -> s.withFixedMarginType(type));
  }

  /**
   * Opens with an IOC limit order at the leader price plus (buy) or minus (sell) {@code fraction}
   * instead of at market; whatever does not fill at once is not copied. Closes stay at market.
   */
  public static CopyPolicy slippageCap(BigDecimal fraction) {
    FollowerSettings.DEFAULTS.withMaxSlippage(fraction); // validates
    return setting(
        "slippageCap(" + fraction.toPlainString() + ")", s -> s.withMaxSlippage(fraction));
  }

  /**
   * Waits {@code window} after the first fill of a leader order and copies every fill of that order
   * seen by then as one follower order (fewer, larger orders; small partial fills that would each
   * be below the minimum add up).
   */
  public static CopyPolicy aggregateWithin(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive but was " + window);
    }
    return setting("aggregateWithin(" + window + ")", s -> s.withAggregationWindow(window));
  }

  /** Copies each leader fill as soon as it is seen (the default). */
  public static CopyPolicy copyEachFill() {
    return setting("copyEachFill", s -> s.withAggregationWindow(Duration.ZERO));
  }

  /** Waits {@code delay} after detecting a leader fill before copying it. */
  public static CopyPolicy delay(Duration delay) {
    FollowerSettings.DEFAULTS.withDelay(delay); // validates
    return setting("delay(" + delay + ")", s -> s.withDelay(delay));
  }

  /** On a leader flip, also open the other side ({@code true}, the default) or only close. */
  public static CopyPolicy reopenOnFlip(boolean reopen) {
    return setting("reopenOnFlip(" + reopen + ")", s -> s.withReopenOnFlip(reopen));
  }

  /** Pauses the follower once its equity is {@code limit} below its equity at the UTC day start. */
  public static CopyPolicy dailyLossLimit(BigDecimal limit) {
    FollowerSettings.DEFAULTS.withDailyLossLimit(limit); // validates
    return setting(
        "dailyLossLimit(" + limit.toPlainString() + ")", s -> s.withDailyLossLimit(limit));
  }

  /** Pauses the follower once its equity is {@code fraction} below its peak. */
  public static CopyPolicy maxDrawdown(BigDecimal fraction) {
    FollowerSettings.DEFAULTS.withMaxDrawdown(fraction); // validates
    return setting(
        "maxDrawdown(" + fraction.toPlainString() + ")", s -> s.withMaxDrawdown(fraction));
  }

  private static CopyPlan capByRoom(
      CopyContext ctx, CopyPlan plan, BigDecimal max, BigDecimal used, String where) {
    BigDecimal room = max.subtract(used);
    if (room.signum() <= 0) {
      return plan.skip(
          "copied notional in "
              + where
              + " ("
              + used.stripTrailingZeros().toPlainString()
              + ") is already at the policy maximum "
              + max.toPlainString());
    }
    return plan.withQuantity(plan.quantity().min(room.divide(ctx.leaderPrice(), MC)));
  }

  private interface SizeStep {
    CopyPlan apply(CopyContext ctx, CopyPlan plan);
  }

  private static CopyPolicy sizing(String name, SizeStep step) {
    return new CopyPolicy() {
      @Override
      public CopyPlan size(CopyContext context, CopyPlan plan) {
        return plan.isSkipped() ? plan : step.apply(context, plan);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static CopyPolicy setting(String name, UnaryOperator<FollowerSettings> change) {
    return new CopyPolicy() {
      @Override
      public CopyPlan size(CopyContext context, CopyPlan plan) {
        return plan;
      }

      @Override
      public FollowerSettings settings(FollowerSettings settings) {
        return change.apply(settings);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static void positive(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + v.toPlainString());
    }
  }

  private static Set<String> symbolSet(String[] symbols, String name) {
    Objects.requireNonNull(symbols, name);
    if (symbols.length == 0) {
      throw new IllegalArgumentException(name + " needs at least one symbol");
    }
    SortedSet<String> set = new TreeSet<>();
    for (String s : Arrays.asList(symbols)) {
      Objects.requireNonNull(s, name + " symbol");
      if (s.isBlank()) {
        throw new IllegalArgumentException(name + " contains a blank symbol");
      }
      set.add(s);
    }
    return Collections.unmodifiableSortedSet(set);
  }
}
