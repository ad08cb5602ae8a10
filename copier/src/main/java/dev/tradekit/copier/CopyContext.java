package dev.tradekit.copier;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CopyPolicy} knows when it sizes one follower's copy of an opening leader fill.
 *
 * <pre>{@code
 * CopyContext ctx = new CopyContext("alice", "BTCUSDT", Side.BUY, CopyAction.OPEN,
 *     new BigDecimal("0.5"), new BigDecimal("60000"), null, null, BigDecimal.ZERO, BigDecimal.ZERO);
 * CopyPlan plan = CopyPolicies.fixedRatio(new BigDecimal("0.1")).size(ctx, CopyPlan.of(ctx));
 * }</pre>
 *
 * @param follower the follower's name
 * @param side the side of the follower's order (the leader fill's side)
 * @param action {@link CopyAction#OPEN}, {@link CopyAction#INCREASE} or {@link CopyAction#FLIP}
 *     (the reopening part)
 * @param leaderQuantity the leader quantity to copy (> 0): the fill's quantity, the sum of an
 *     aggregated leader order's fills, or for a flip the part beyond zero
 * @param leaderPrice the leader's (average) execution price (> 0)
 * @param leaderMarginBalance the leader's margin balance, {@code null} unless a policy in the chain
 *     {@linkplain CopyPolicy#needsBalances() needs balances}
 * @param followerMarginBalance the follower's margin balance, {@code null} like the leader's
 * @param followerSymbolNotional the follower's copied position in this symbol times the leader
 *     price (>= 0)
 * @param followerTotalNotional the follower's copied positions in every symbol, each at the last
 *     leader price seen for it (>= 0)
 */
public record CopyContext(
    String follower,
    String symbol,
    Side side,
    CopyAction action,
    BigDecimal leaderQuantity,
    BigDecimal leaderPrice,
    @Nullable BigDecimal leaderMarginBalance,
    @Nullable BigDecimal followerMarginBalance,
    BigDecimal followerSymbolNotional,
    BigDecimal followerTotalNotional) {

  /** Checks required fields and signs. */
  public CopyContext {
    Objects.requireNonNull(follower, "follower");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(action, "action");
    positive(leaderQuantity, "leaderQuantity");
    positive(leaderPrice, "leaderPrice");
    nonNegative(followerSymbolNotional, "followerSymbolNotional");
    nonNegative(followerTotalNotional, "followerTotalNotional");
  }

  /** {@code leaderQuantity * leaderPrice}: the leader order's cost in the quote asset. */
  public BigDecimal leaderNotional() {
    return leaderQuantity.multiply(leaderPrice);
  }

  private static void positive(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 but was " + v.toPlainString());
    }
  }

  private static void nonNegative(BigDecimal v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + v.toPlainString());
    }
  }
}
