package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order to place: symbol, side, type, quantity and (for limit orders) price, validated when it
 * is built.
 *
 * <pre>{@code
 * OrderRequest buy = OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.015"), new BigDecimal("32123.4"))
 *     .withClientOrderId("mm-42");
 * instrument.validate(buy, markPrice);
 * }</pre>
 *
 * <p>Rules checked here (the venue's filters are checked by {@link Instrument#validate}):
 *
 * <ul>
 *   <li>{@code quantity > 0};
 *   <li>{@code LIMIT} needs a {@code price > 0} and gets {@code GTC} when no time in force is
 *       given; {@code MARKET} takes neither a price nor a time in force;
 *   <li>{@code reduceOnly} only with {@link PositionSide#BOTH}: in hedge mode a close is expressed
 *       by the side and the position side (Binance rejects it with -1106);
 *   <li>{@code clientOrderId}, when present, matches {@code ^[.A-Z:/a-z0-9_-]{1,36}$};
 *   <li>a conditional type ({@link OrderType#isConditional()}) needs a {@link Trigger} and takes
 *       neither a price nor a time in force; {@code STOP_MARKET} and {@code TAKE_PROFIT_MARKET}
 *       need a trigger price and no callback rate, {@code TRAILING_STOP_MARKET} a callback rate;
 *       {@code closePosition} only on the first two and not with {@code reduceOnly};
 *   <li>{@code LIMIT} and {@code MARKET} take no trigger.
 * </ul>
 *
 * <p>Conditional orders: {@code OrderRequest.stopMarket("BTCUSDT", Side.SELL, qty, stopPrice)
 * .withReduceOnly()} protects a long; whether the venue takes them is {@link
 * dev.tradekit.api.Capabilities#supports(OrderType)}, and a venue that cannot refuses them with an
 * {@link dev.tradekit.api.error.InvalidOrderException} before sending anything.
 *
 * @param timeInForce {@code null} for market orders
 * @param price {@code null} for market orders
 * @param clientOrderId {@code null} lets the venue choose one
 * @param trigger {@code null} except for conditional types
 */
public record OrderRequest(
    String symbol,
    Side side,
    OrderType type,
    @Nullable TimeInForce timeInForce,
    BigDecimal quantity,
    @Nullable BigDecimal price,
    boolean reduceOnly,
    PositionSide positionSide,
    @Nullable String clientOrderId,
    @Nullable Trigger trigger) {

  /** Validates every rule listed on the type; a {@code LIMIT} without time in force gets GTC. */
  public OrderRequest {
    Checks.nonBlank(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(positionSide, "positionSide");
    Checks.positive(quantity, "quantity");
    if (type.isConditional()) {
      checkConditional(type, trigger, price, timeInForce, reduceOnly);
    } else if (trigger != null) {
      throw new IllegalArgumentException(
          "a "
              + type
              + " order takes no trigger; use STOP_MARKET, TAKE_PROFIT_MARKET or"
              + " TRAILING_STOP_MARKET for a conditional order");
    }
    if (type == OrderType.LIMIT) {
      if (price == null) {
        throw new IllegalArgumentException("price is required for a LIMIT order");
      }
      Checks.positive(price, "price");
      if (timeInForce == null) {
        timeInForce = TimeInForce.GTC;
      }
    } else {
      if (price != null) {
        throw new IllegalArgumentException(
            "price must be null for a "
                + type
                + " order (was "
                + price.toPlainString()
                + "); use a LIMIT order with IOC to cap the price");
      }
      if (timeInForce != null) {
        throw new IllegalArgumentException(
            "timeInForce must be null for a " + type + " order (was " + timeInForce + ")");
      }
    }
    if (reduceOnly && positionSide != PositionSide.BOTH) {
      throw new IllegalArgumentException(
          "reduceOnly cannot be combined with positionSide "
              + positionSide
              + ": in hedge mode an order closes a position by its side and positionSide"
              + " (SELL with LONG closes the long leg, BUY with SHORT the short leg);"
              + " leave reduceOnly false (Binance rejects it with -1106)");
    }
    if (clientOrderId != null) {
      ClientOrderIds.check(clientOrderId, "clientOrderId");
    }
  }

  /** The request without a trigger: LIMIT and MARKET orders, as before conditional types. */
  public OrderRequest(
      String symbol,
      Side side,
      OrderType type,
      @Nullable TimeInForce timeInForce,
      BigDecimal quantity,
      @Nullable BigDecimal price,
      boolean reduceOnly,
      PositionSide positionSide,
      @Nullable String clientOrderId) {
    this(
        symbol,
        side,
        type,
        timeInForce,
        quantity,
        price,
        reduceOnly,
        positionSide,
        clientOrderId,
        null);
  }

  private static void checkConditional(
      OrderType type,
      @Nullable Trigger trigger,
      @Nullable BigDecimal price,
      @Nullable TimeInForce timeInForce,
      boolean reduceOnly) {
    if (trigger == null) {
      throw new IllegalArgumentException(
          "a "
              + type
              + " order needs a trigger: Trigger.at(price) for a stop or take-profit,"
              + " Trigger.trailing(callbackRatePercent) for a trailing stop");
    }
    if (price != null || timeInForce != null) {
      throw new IllegalArgumentException(
          "a " + type + " order executes at market: leave price and timeInForce unset");
    }
    if (type == OrderType.TRAILING_STOP_MARKET) {
      if (trigger.callbackRate() == null) {
        throw new IllegalArgumentException(
            "a TRAILING_STOP_MARKET order needs a callbackRate: Trigger.trailing(percent)");
      }
      if (trigger.closePosition()) {
        throw new IllegalArgumentException(
            "closePosition is for STOP_MARKET and TAKE_PROFIT_MARKET; use reduceOnly on a"
                + " trailing stop");
      }
    } else {
      if (trigger.price() == null || trigger.callbackRate() != null) {
        throw new IllegalArgumentException(
            "a " + type + " order needs a trigger price and no callbackRate: Trigger.at(price)");
      }
    }
    if (trigger.closePosition() && reduceOnly) {
      throw new IllegalArgumentException(
          "closePosition already closes the position only: leave reduceOnly false");
    }
  }

  /** A GTC limit order in one-way mode. */
  public static OrderRequest limit(
      String symbol, Side side, BigDecimal quantity, BigDecimal price) {
    return builder().symbol(symbol).side(side).quantity(quantity).price(price).build();
  }

  /** A market order in one-way mode. */
  public static OrderRequest market(String symbol, Side side, BigDecimal quantity) {
    return builder().symbol(symbol).side(side).type(OrderType.MARKET).quantity(quantity).build();
  }

  /** A post-only (GTX) limit order in one-way mode: it expires rather than take liquidity. */
  public static OrderRequest postOnly(
      String symbol, Side side, BigDecimal quantity, BigDecimal price) {
    return builder()
        .symbol(symbol)
        .side(side)
        .quantity(quantity)
        .price(price)
        .timeInForce(TimeInForce.GTX)
        .build();
  }

  /**
   * A stop-market order in one-way mode: market when the last price crosses {@code triggerPrice}
   * against the position (a SELL at or below, a BUY at or above).
   */
  public static OrderRequest stopMarket(
      String symbol, Side side, BigDecimal quantity, BigDecimal triggerPrice) {
    return conditional(symbol, side, OrderType.STOP_MARKET, quantity, Trigger.at(triggerPrice));
  }

  /**
   * A take-profit-market order in one-way mode: market when the last price crosses {@code
   * triggerPrice} in the position's favour (a SELL at or above, a BUY at or below).
   */
  public static OrderRequest takeProfitMarket(
      String symbol, Side side, BigDecimal quantity, BigDecimal triggerPrice) {
    return conditional(
        symbol, side, OrderType.TAKE_PROFIT_MARKET, quantity, Trigger.at(triggerPrice));
  }

  /**
   * A trailing-stop-market order in one-way mode, tracking at once: market when the last price
   * retraces {@code callbackRatePercent} (1 = 1 %) from its best level since placement.
   */
  public static OrderRequest trailingStopMarket(
      String symbol, Side side, BigDecimal quantity, BigDecimal callbackRatePercent) {
    return conditional(
        symbol,
        side,
        OrderType.TRAILING_STOP_MARKET,
        quantity,
        Trigger.trailing(callbackRatePercent));
  }

  private static OrderRequest conditional(
      String symbol, Side side, OrderType type, BigDecimal quantity, Trigger trigger) {
    return builder()
        .symbol(symbol)
        .side(side)
        .type(type)
        .quantity(quantity)
        .trigger(trigger)
        .build();
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** True for a post-only order ({@link TimeInForce#GTX}). */
  public boolean isPostOnly() {
    return timeInForce == TimeInForce.GTX;
  }

  /** This request with another client order id ({@code null} lets the venue choose). */
  public OrderRequest withClientOrderId(@Nullable String id) {
    return new OrderRequest(
        symbol, side, type, timeInForce, quantity, price, reduceOnly, positionSide, id, trigger);
  }

  /** This request with another quantity (must be > 0). */
  public OrderRequest withQuantity(BigDecimal newQuantity) {
    return new OrderRequest(
        symbol,
        side,
        type,
        timeInForce,
        newQuantity,
        price,
        reduceOnly,
        positionSide,
        clientOrderId,
        trigger);
  }

  /** This request as reduce-only (one-way mode only). */
  public OrderRequest withReduceOnly() {
    return new OrderRequest(
        symbol,
        side,
        type,
        timeInForce,
        quantity,
        price,
        true,
        positionSide,
        clientOrderId,
        trigger);
  }

  /** This request with another trigger (conditional types only). */
  public OrderRequest withTrigger(Trigger newTrigger) {
    return new OrderRequest(
        symbol,
        side,
        type,
        timeInForce,
        quantity,
        price,
        reduceOnly,
        positionSide,
        clientOrderId,
        newTrigger);
  }

  /** A builder for {@link OrderRequest}; this builder holds the defaults below. */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable Side side;
    private OrderType type = OrderType.LIMIT;
    private @Nullable TimeInForce timeInForce;
    private @Nullable BigDecimal quantity;
    private @Nullable BigDecimal price;
    private boolean reduceOnly;
    private PositionSide positionSide = PositionSide.BOTH;
    private @Nullable String clientOrderId;
    private @Nullable Trigger trigger;

    private Builder() {}

    /** Required. */
    public Builder symbol(String symbol) {
      this.symbol = symbol;
      return this;
    }

    /** Required. */
    public Builder side(Side side) {
      this.side = side;
      return this;
    }

    /** Default {@link OrderType#LIMIT}. */
    public Builder type(OrderType type) {
      this.type = type;
      return this;
    }

    /** Default {@code GTC} for limit orders; must stay unset for market orders. */
    public Builder timeInForce(@Nullable TimeInForce timeInForce) {
      this.timeInForce = timeInForce;
      return this;
    }

    /** Required, > 0. */
    public Builder quantity(BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    /** Required for limit orders, must stay unset for market orders. */
    public Builder price(@Nullable BigDecimal price) {
      this.price = price;
      return this;
    }

    /** Default {@code false}; only with {@link PositionSide#BOTH}. */
    public Builder reduceOnly(boolean reduceOnly) {
      this.reduceOnly = reduceOnly;
      return this;
    }

    /** Default {@link PositionSide#BOTH}. */
    public Builder positionSide(PositionSide positionSide) {
      this.positionSide = positionSide;
      return this;
    }

    /** Default {@code null} (the venue assigns one). */
    public Builder clientOrderId(@Nullable String clientOrderId) {
      this.clientOrderId = clientOrderId;
      return this;
    }

    /** Required for conditional types, must stay unset for LIMIT and MARKET. */
    public Builder trigger(@Nullable Trigger trigger) {
      this.trigger = trigger;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException or NullPointerException naming the argument that is wrong
     */
    public OrderRequest build() {
      return new OrderRequest(
          Checks.nonBlank(symbol, "symbol"),
          Objects.requireNonNull(side, "side"),
          type,
          timeInForce,
          Objects.requireNonNull(quantity, "quantity"),
          price,
          reduceOnly,
          positionSide,
          clientOrderId,
          trigger);
    }
  }
}
