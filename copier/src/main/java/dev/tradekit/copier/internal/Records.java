package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The transitions of a {@link CopyRecord}: sized ({@code INTENDED}), final, or merged.
 *
 * <pre>{@code
 * CopyRecord sent = Records.intended(pending, Side.SELL, PositionSide.BOTH, qty, null, true);
 * CopyRecord done = Records.fromOrder(sent, order, CopyStatus.COPIED, null, now);
 * }</pre>
 */
public final class Records {
  private Records() {}

  /** {@code r} sized and about to be sent. */
  public static CopyRecord intended(
      CopyRecord r,
      Side side,
      PositionSide positionSide,
      BigDecimal quantity,
      @Nullable BigDecimal price,
      boolean reduceOnly) {
    return new CopyRecord(
        r.clientOrderId(),
        r.follower(),
        r.seq(),
        r.leg(),
        r.leaderTradeId(),
        r.leaderOrderId(),
        r.symbol(),
        r.action(),
        side,
        r.leaderPositionSide(),
        positionSide,
        CopyStatus.INTENDED,
        quantity,
        price,
        reduceOnly,
        BigDecimal.ZERO,
        null,
        null,
        null,
        r.leaderPrice(),
        r.leaderQuantity(),
        r.leaderPositionBefore(),
        r.leaderPositionAfter(),
        r.leaderTime(),
        r.createdAt(),
        null);
  }

  /** {@code r} final without an order: skipped, failed or merged, for {@code reason}. */
  public static CopyRecord finished(CopyRecord r, CopyStatus status, String reason, long at) {
    return new CopyRecord(
        r.clientOrderId(),
        r.follower(),
        r.seq(),
        r.leg(),
        r.leaderTradeId(),
        r.leaderOrderId(),
        r.symbol(),
        r.action(),
        r.side(),
        r.leaderPositionSide(),
        r.positionSide(),
        status,
        r.quantity(),
        r.price(),
        r.reduceOnly(),
        BigDecimal.ZERO,
        null,
        r.orderId(),
        reason,
        r.leaderPrice(),
        r.leaderQuantity(),
        r.leaderPositionBefore(),
        r.leaderPositionAfter(),
        r.leaderTime(),
        r.createdAt(),
        at);
  }

  /**
   * {@code r} final from the venue's order: the order's side, position side, quantity, price and
   * execution replace what was journaled (they are the same unless the journal lost the intent).
   */
  public static CopyRecord fromOrder(
      CopyRecord r, Order o, CopyStatus status, @Nullable String reason, long at) {
    return new CopyRecord(
        r.clientOrderId(),
        r.follower(),
        r.seq(),
        r.leg(),
        r.leaderTradeId(),
        r.leaderOrderId(),
        r.symbol(),
        r.action(),
        o.side(),
        r.leaderPositionSide(),
        o.positionSide(),
        status,
        o.quantity(),
        o.price(),
        o.reduceOnly(),
        o.executedQuantity(),
        o.averagePrice(),
        o.orderId(),
        reason,
        r.leaderPrice(),
        r.leaderQuantity(),
        r.leaderPositionBefore(),
        r.leaderPositionAfter(),
        r.leaderTime(),
        r.createdAt(),
        at);
  }
}
