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
 *   <li>{@code clientOrderId}, when present, matches {@code ^[.A-Z:/a-z0-9_-]{1,36}$}.
 * </ul>
 *
 * @param timeInForce {@code null} for market orders
 * @param price {@code null} for market orders
 * @param clientOrderId {@code null} lets the venue choose one
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
    @Nullable String clientOrderId) {

  /** Validates every rule listed on the type; a {@code LIMIT} without time in force gets GTC. */
  public OrderRequest {
    Checks.nonBlank(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(positionSide, "positionSide");
    Checks.positive(quantity, "quantity");
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
            "price must be null for a MARKET order (was "
                + price.toPlainString()
                + "); use a LIMIT order with IOC to cap the price");
      }
      if (timeInForce != null) {
        throw new IllegalArgumentException(
            "timeInForce must be null for a MARKET order (was " + timeInForce + ")");
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
        symbol, side, type, timeInForce, quantity, price, reduceOnly, positionSide, id);
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
        clientOrderId);
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
          clientOrderId);
    }
  }
}
