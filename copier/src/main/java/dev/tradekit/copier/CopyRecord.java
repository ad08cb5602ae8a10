package dev.tradekit.copier;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One follower's copy of one leader fill as the journal holds it (a flip has two: leg 0 closes, leg
 * 1 reopens).
 *
 * <pre>{@code
 * for (CopyRecord r : copier.journal().recent(20)) {
 *   System.out.printf("%s %s %s %s %s%n", r.follower(), r.symbol(), r.action(), r.status(), r.reason());
 * }
 * }</pre>
 *
 * @param clientOrderId the follower order's client id, derived from the leader fill, the follower
 *     and the leg; the journal's key
 * @param seq the journal's sequence number of the leader fill (orders copies as the leader traded)
 * @param leg 0, or 1 for the reopening order of a flip
 * @param side the follower order's side
 * @param leaderPositionSide the position side of the leader fill
 * @param positionSide the follower order's position side, {@code null} until sized
 * @param quantity the follower order's quantity, {@code null} until sized
 * @param price the limit price of an IOC open, {@code null} for market orders or until sized
 * @param executedQuantity what the follower's order executed (0 until copied)
 * @param averagePrice the follower's average execution price, {@code null} until copied
 * @param orderId the follower venue's order id, {@code null} until acknowledged
 * @param reason why the copy was skipped, failed or merged; {@code null} otherwise
 * @param leaderPositionBefore the leader's signed position in the slot before the fill
 * @param leaderPositionAfter the leader's signed position in the slot after the fill
 * @param leaderTime the leader fill's time, epoch millis
 * @param createdAt when the copier journaled the leader fill (scheduler time)
 * @param ackedAt when the copy reached a final status (scheduler time), {@code null} before
 */
public record CopyRecord(
    String clientOrderId,
    String follower,
    long seq,
    int leg,
    String leaderTradeId,
    String leaderOrderId,
    String symbol,
    CopyAction action,
    Side side,
    PositionSide leaderPositionSide,
    @Nullable PositionSide positionSide,
    CopyStatus status,
    @Nullable BigDecimal quantity,
    @Nullable BigDecimal price,
    boolean reduceOnly,
    BigDecimal executedQuantity,
    @Nullable BigDecimal averagePrice,
    @Nullable String orderId,
    @Nullable String reason,
    BigDecimal leaderPrice,
    BigDecimal leaderQuantity,
    BigDecimal leaderPositionBefore,
    BigDecimal leaderPositionAfter,
    long leaderTime,
    long createdAt,
    @Nullable Long ackedAt) {

  /** Checks the required fields. */
  public CopyRecord {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(follower, "follower");
    if (leg != 0 && leg != 1) {
      throw new IllegalArgumentException("leg must be 0 or 1 but was " + leg);
    }
    Objects.requireNonNull(leaderTradeId, "leaderTradeId");
    Objects.requireNonNull(leaderOrderId, "leaderOrderId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(leaderPositionSide, "leaderPositionSide");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(executedQuantity, "executedQuantity");
    Objects.requireNonNull(leaderPrice, "leaderPrice");
    Objects.requireNonNull(leaderQuantity, "leaderQuantity");
    Objects.requireNonNull(leaderPositionBefore, "leaderPositionBefore");
    Objects.requireNonNull(leaderPositionAfter, "leaderPositionAfter");
  }

  /** {@code ackedAt - leaderTime}: leader fill to follower acknowledgement, or -1 before. */
  public long latencyMillis() {
    return ackedAt == null ? -1 : ackedAt - leaderTime;
  }
}
