package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One execution of one of the account's orders (a user trade).
 *
 * <pre>{@code
 * BigDecimal position = BigDecimal.ZERO;
 * for (Fill f : fills) position = position.add(f.signedQuantity());
 * }</pre>
 *
 * @param price the execution price (> 0)
 * @param quantity the executed quantity (> 0)
 * @param commission the fee charged (negative for a rebate)
 * @param realizedPnl the profit realized by this fill (0 when it opens or adds)
 * @param maker true when the order was resting (provided liquidity)
 * @param time epoch millis
 */
public record Fill(
    String symbol,
    String tradeId,
    String orderId,
    @Nullable String clientOrderId,
    Side side,
    PositionSide positionSide,
    BigDecimal price,
    BigDecimal quantity,
    BigDecimal commission,
    String commissionAsset,
    BigDecimal realizedPnl,
    boolean maker,
    long time) {

  /** Checks required fields, positive price and quantity, and a non-negative time. */
  public Fill {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonBlank(tradeId, "tradeId");
    Checks.nonBlank(orderId, "orderId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(positionSide, "positionSide");
    Checks.positive(price, "price");
    Checks.positive(quantity, "quantity");
    Objects.requireNonNull(commission, "commission");
    Checks.nonBlank(commissionAsset, "commissionAsset");
    Objects.requireNonNull(realizedPnl, "realizedPnl");
    Checks.nonNegative(time, "time");
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code price * quantity}, in the quote asset. */
  public BigDecimal notional() {
    return price.multiply(quantity);
  }

  /** {@code +quantity} for a buy, {@code -quantity} for a sell: the change of the net position. */
  public BigDecimal signedQuantity() {
    return side == Side.BUY ? quantity : quantity.negate();
  }

  /**
   * A builder for {@link Fill}. Required: symbol, tradeId, orderId, side, price, quantity,
   * commissionAsset. Defaults: positionSide BOTH, commission 0, realizedPnl 0, maker false, time 0,
   * clientOrderId null.
   */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable String tradeId;
    private @Nullable String orderId;
    private @Nullable String clientOrderId;
    private @Nullable Side side;
    private PositionSide positionSide = PositionSide.BOTH;
    private @Nullable BigDecimal price;
    private @Nullable BigDecimal quantity;
    private BigDecimal commission = BigDecimal.ZERO;
    private @Nullable String commissionAsset;
    private BigDecimal realizedPnl = BigDecimal.ZERO;
    private boolean maker;
    private long time;

    private Builder() {}

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder tradeId(String v) {
      tradeId = v;
      return this;
    }

    public Builder orderId(String v) {
      orderId = v;
      return this;
    }

    public Builder clientOrderId(@Nullable String v) {
      clientOrderId = v;
      return this;
    }

    public Builder side(Side v) {
      side = v;
      return this;
    }

    public Builder positionSide(PositionSide v) {
      positionSide = v;
      return this;
    }

    public Builder price(BigDecimal v) {
      price = v;
      return this;
    }

    public Builder quantity(BigDecimal v) {
      quantity = v;
      return this;
    }

    public Builder commission(BigDecimal v) {
      commission = v;
      return this;
    }

    public Builder commissionAsset(String v) {
      commissionAsset = v;
      return this;
    }

    public Builder realizedPnl(BigDecimal v) {
      realizedPnl = v;
      return this;
    }

    public Builder maker(boolean v) {
      maker = v;
      return this;
    }

    public Builder time(long v) {
      time = v;
      return this;
    }

    /**
     * The fill.
     *
     * @throws IllegalArgumentException or NullPointerException naming the field that is wrong
     */
    public Fill build() {
      return new Fill(
          Checks.nonBlank(symbol, "symbol"),
          Checks.nonBlank(tradeId, "tradeId"),
          Checks.nonBlank(orderId, "orderId"),
          clientOrderId,
          Objects.requireNonNull(side, "side"),
          positionSide,
          Objects.requireNonNull(price, "price"),
          Objects.requireNonNull(quantity, "quantity"),
          commission,
          Checks.nonBlank(commissionAsset, "commissionAsset"),
          realizedPnl,
          maker,
          time);
    }
  }
}
