package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order as the venue reports it: what was asked, how much has been executed, and its status.
 *
 * <pre>{@code
 * Order o = exchange.trading().order(OrderRef.byClientId("BTCUSDT", "mm-42")).join();
 * if (o.isOpen()) log.info("{} left of {}", o.remainingQuantity(), o.quantity());
 * }</pre>
 *
 * @param timeInForce {@code null} when the venue reports none (market orders)
 * @param price the limit price, {@code null} for market orders
 * @param quantity the original quantity (>= 0; 0 for venue orders that close a whole position)
 * @param executedQuantity the cumulative filled quantity, {@code 0 <= executed <= quantity}
 * @param averagePrice the average fill price, {@code null} before the first fill
 * @param createTime epoch millis
 * @param updateTime epoch millis of the last change
 * @param triggerPrice a conditional order's trigger price ({@code null} for other types and for a
 *     trailing stop that has not fired)
 * @param triggeredOrderId the id of the market order a conditional order placed when it fired
 *     (status {@link OrderStatus#TRIGGERED}); its fills arrive under that id
 */
public record Order(
    String symbol,
    String orderId,
    @Nullable String clientOrderId,
    Side side,
    PositionSide positionSide,
    OrderType type,
    @Nullable TimeInForce timeInForce,
    @Nullable BigDecimal price,
    BigDecimal quantity,
    BigDecimal executedQuantity,
    @Nullable BigDecimal averagePrice,
    OrderStatus status,
    boolean reduceOnly,
    long createTime,
    long updateTime,
    @Nullable BigDecimal triggerPrice,
    @Nullable String triggeredOrderId) {

  /** Checks required fields, non-negative amounts and times, and executed <= quantity. */
  public Order {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonBlank(orderId, "orderId");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(positionSide, "positionSide");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Checks.nonNegativeOrNull(price, "price");
    Checks.nonNegative(quantity, "quantity");
    Checks.nonNegative(executedQuantity, "executedQuantity");
    Checks.nonNegativeOrNull(averagePrice, "averagePrice");
    if (executedQuantity.compareTo(quantity) > 0) {
      throw new IllegalArgumentException(
          "executedQuantity "
              + Checks.plain(executedQuantity)
              + " must not exceed quantity "
              + Checks.plain(quantity));
    }
    Checks.nonNegative(createTime, "createTime");
    Checks.nonNegative(updateTime, "updateTime");
  }

  /** A builder; see {@link Builder} for the defaults. */
  /** An order without trigger fields: LIMIT and MARKET orders. */
  public Order(
      String symbol,
      String orderId,
      @Nullable String clientOrderId,
      Side side,
      PositionSide positionSide,
      OrderType type,
      @Nullable TimeInForce timeInForce,
      @Nullable BigDecimal price,
      BigDecimal quantity,
      BigDecimal executedQuantity,
      @Nullable BigDecimal averagePrice,
      OrderStatus status,
      boolean reduceOnly,
      long createTime,
      long updateTime) {
    this(
        symbol,
        orderId,
        clientOrderId,
        side,
        positionSide,
        type,
        timeInForce,
        price,
        quantity,
        executedQuantity,
        averagePrice,
        status,
        reduceOnly,
        createTime,
        updateTime,
        null,
        null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code quantity - executedQuantity}. */
  public BigDecimal remainingQuantity() {
    return quantity.subtract(executedQuantity);
  }

  /** True while the order rests on the book ({@link OrderStatus#isOpen()}). */
  public boolean isOpen() {
    return status.isOpen();
  }

  /**
   * A builder for {@link Order}. Required: symbol, orderId, side, type, quantity, status. Defaults:
   * positionSide BOTH, executedQuantity 0, reduceOnly false, times 0, nullable fields null.
   */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable String orderId;
    private @Nullable String clientOrderId;
    private @Nullable Side side;
    private PositionSide positionSide = PositionSide.BOTH;
    private @Nullable OrderType type;
    private @Nullable TimeInForce timeInForce;
    private @Nullable BigDecimal price;
    private @Nullable BigDecimal quantity;
    private BigDecimal executedQuantity = BigDecimal.ZERO;
    private @Nullable BigDecimal averagePrice;
    private @Nullable OrderStatus status;
    private boolean reduceOnly;
    private long createTime;
    private long updateTime;
    private @Nullable BigDecimal triggerPrice;
    private @Nullable String triggeredOrderId;

    private Builder() {}

    public Builder triggerPrice(@Nullable BigDecimal v) {
      triggerPrice = v;
      return this;
    }

    public Builder triggeredOrderId(@Nullable String v) {
      triggeredOrderId = v;
      return this;
    }

    public Builder symbol(String v) {
      symbol = v;
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

    public Builder type(OrderType v) {
      type = v;
      return this;
    }

    public Builder timeInForce(@Nullable TimeInForce v) {
      timeInForce = v;
      return this;
    }

    public Builder price(@Nullable BigDecimal v) {
      price = v;
      return this;
    }

    public Builder quantity(BigDecimal v) {
      quantity = v;
      return this;
    }

    public Builder executedQuantity(BigDecimal v) {
      executedQuantity = v;
      return this;
    }

    public Builder averagePrice(@Nullable BigDecimal v) {
      averagePrice = v;
      return this;
    }

    public Builder status(OrderStatus v) {
      status = v;
      return this;
    }

    public Builder reduceOnly(boolean v) {
      reduceOnly = v;
      return this;
    }

    public Builder createTime(long v) {
      createTime = v;
      return this;
    }

    public Builder updateTime(long v) {
      updateTime = v;
      return this;
    }

    /**
     * The order.
     *
     * @throws IllegalArgumentException or NullPointerException naming the field that is wrong
     */
    public Order build() {
      return new Order(
          Checks.nonBlank(symbol, "symbol"),
          Checks.nonBlank(orderId, "orderId"),
          clientOrderId,
          Objects.requireNonNull(side, "side"),
          positionSide,
          Objects.requireNonNull(type, "type"),
          timeInForce,
          price,
          Objects.requireNonNull(quantity, "quantity"),
          executedQuantity,
          averagePrice,
          Objects.requireNonNull(status, "status"),
          reduceOnly,
          createTime,
          updateTime,
          triggerPrice,
          triggeredOrderId);
    }
  }
}
