package dev.tradekit.copier;

/**
 * How one follower copies the leader: how much it opens for each opening leader fill, and how and
 * when its orders go out. Policies compose with {@link #andThen}; built-ins are in {@link
 * CopyPolicies}.
 *
 * <pre>{@code
 * CopyPolicy policy = CopyPolicies.fixedRatio(new BigDecimal("0.25"))
 *     .andThen(CopyPolicies.denySymbols("DOGEUSDT"))
 *     .andThen(CopyPolicies.maxNotionalPerOrder(new BigDecimal("5000")))
 *     .andThen(CopyPolicies.slippageCap(new BigDecimal("0.002")));
 * }</pre>
 *
 * <p>Only opening quantities are a policy's business: reductions and closes always take the same
 * fraction of the follower's copied position as the leader took of its own, so ratios never drift.
 * Policies are called on the copier's scheduler thread and must be fast, pure functions of their
 * arguments.
 */
public interface CopyPolicy {

  /**
   * The plan after this step: a new quantity, the same, or a skip with a reason. A step that
   * receives a skipped plan should return it unchanged.
   */
  CopyPlan size(CopyContext context, CopyPlan plan);

  /** The follower's settings after this step; the default leaves them unchanged. */
  default FollowerSettings settings(FollowerSettings settings) {
    return settings;
  }

  /**
   * Whether {@link #size} reads the margin balances of {@link CopyContext}; the copier then fetches
   * them before sizing (one account call per account). Default {@code false}.
   */
  default boolean needsBalances() {
    return false;
  }

  /** This step, then {@code next}; a skip by this step is final. */
  default CopyPolicy andThen(CopyPolicy next) {
    return new ChainedPolicy(this, next);
  }
}
