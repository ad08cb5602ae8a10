package dev.tradekit.copier;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The quantity a follower should open for one leader fill, or the reason not to copy it; passed
 * along a chain of {@link CopyPolicy} steps.
 *
 * <pre>{@code
 * CopyPlan plan = CopyPlan.of(ctx);                    // starts at the leader's quantity
 * plan = plan.withQuantity(plan.quantity().multiply(new BigDecimal("0.5")));
 * if (plan.quantity().signum() == 0) plan = plan.skip("nothing left to copy");
 * }</pre>
 *
 * <p>The quantity is not rounded here: the copier rounds it down to the follower's step after the
 * last policy, and skips (never enlarges) an order that ends up below the venue's minimum.
 *
 * @param quantity the base-asset quantity to open (>= 0, unrounded)
 * @param skipReason why the fill is not copied, {@code null} to copy it
 */
public record CopyPlan(BigDecimal quantity, @Nullable String skipReason) {

  /** Checks that the quantity is not negative and a skip reason is not blank. */
  public CopyPlan {
    Objects.requireNonNull(quantity, "quantity");
    if (quantity.signum() < 0) {
      throw new IllegalArgumentException(
          "quantity must be >= 0 but was " + quantity.toPlainString());
    }
    if (skipReason != null && skipReason.isBlank()) {
      throw new IllegalArgumentException(
          "skipReason must not be blank: say why the copy is skipped");
    }
  }

  /** The starting plan: copy the leader's quantity one to one. */
  public static CopyPlan of(CopyContext context) {
    return new CopyPlan(context.leaderQuantity(), null);
  }

  /** This plan with another quantity (>= 0). */
  public CopyPlan withQuantity(BigDecimal newQuantity) {
    return new CopyPlan(newQuantity, skipReason);
  }

  /** This plan marked as not to be copied, for {@code reason}. */
  public CopyPlan skip(String reason) {
    return new CopyPlan(quantity, Objects.requireNonNull(reason, "reason"));
  }

  /** True when a policy decided not to copy. */
  public boolean isSkipped() {
    return skipReason != null;
  }
}
