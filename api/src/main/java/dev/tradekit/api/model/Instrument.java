package dev.tradekit.api.model;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tradable contract with the venue's order filters, able to round, format and check orders so
 * that no off-grid price, float artefact or exponent ever reaches the venue.
 *
 * <pre>{@code
 * Instrument btc = exchange.marketData().instrument("BTCUSDT").join();
 * BigDecimal px = btc.roundPrice(new BigDecimal("32123.456"), RoundingMode.DOWN);  // 32123.45
 * BigDecimal qty = btc.roundQuantity(new BigDecimal("0.0157"), OrderType.LIMIT);    // 0.015
 * OrderRequest order = OrderRequest.limit("BTCUSDT", Side.BUY, qty, px);
 * btc.validate(order, markPrice);   // throws InvalidOrderException listing every broken rule
 * String wire = btc.formatQuantity(qty);                                            // "0.015"
 * }</pre>
 *
 * <p>The filters follow Binance USD-M's exchangeInfo. As there, <b>zero disables a rule</b>: a zero
 * {@code tickSize}, {@code minPrice}, {@code maxPrice}, {@code stepSize}, {@code minQty}, {@code
 * maxQty} or {@code minNotional} is not checked. Prices lie on the grid {@code minPrice + k *
 * tickSize}; quantities on {@code minQty + k * stepSize}. The {@code market*} lot fields
 * (MARKET_LOT_SIZE) apply to market orders and fall back, field by field, to the limit lot fields
 * (LOT_SIZE) when zero. {@code percentPriceUp}/{@code percentPriceDown} are PERCENT_PRICE
 * multipliers of the mark price (e.g. 1.05 and 0.95), {@code null} when the venue has none. {@code
 * pricePrecision} and {@code quantityPrecision} are display hints only, not the tick or step.
 *
 * <p>Decimal components are stored without trailing zeros, so equal filters give equal records.
 *
 * @param trading whether the venue currently accepts orders for the symbol
 * @param maxNumOrders the venue's limit on open orders for the symbol, 0 when not reported
 */
public record Instrument(
    String symbol,
    String baseAsset,
    String quoteAsset,
    String marginAsset,
    boolean trading,
    BigDecimal tickSize,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    BigDecimal stepSize,
    BigDecimal minQty,
    BigDecimal maxQty,
    BigDecimal marketStepSize,
    BigDecimal marketMinQty,
    BigDecimal marketMaxQty,
    BigDecimal minNotional,
    @Nullable BigDecimal percentPriceUp,
    @Nullable BigDecimal percentPriceDown,
    int maxNumOrders,
    int pricePrecision,
    int quantityPrecision) {

  /** Checks every component and normalizes the decimals (see the type's Javadoc for the rules). */
  public Instrument {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonBlank(baseAsset, "baseAsset");
    Checks.nonBlank(quoteAsset, "quoteAsset");
    Checks.nonBlank(marginAsset, "marginAsset");
    tickSize = Checks.normalize(Checks.nonNegative(tickSize, "tickSize"));
    minPrice = Checks.normalize(Checks.nonNegative(minPrice, "minPrice"));
    maxPrice = Checks.normalize(Checks.nonNegative(maxPrice, "maxPrice"));
    stepSize = Checks.normalize(Checks.nonNegative(stepSize, "stepSize"));
    minQty = Checks.normalize(Checks.nonNegative(minQty, "minQty"));
    maxQty = Checks.normalize(Checks.nonNegative(maxQty, "maxQty"));
    marketStepSize = Checks.normalize(Checks.nonNegative(marketStepSize, "marketStepSize"));
    marketMinQty = Checks.normalize(Checks.nonNegative(marketMinQty, "marketMinQty"));
    marketMaxQty = Checks.normalize(Checks.nonNegative(marketMaxQty, "marketMaxQty"));
    minNotional = Checks.normalize(Checks.nonNegative(minNotional, "minNotional"));
    checkRange(minPrice, maxPrice, "minPrice", "maxPrice");
    checkRange(minQty, maxQty, "minQty", "maxQty");
    checkRange(marketMinQty, marketMaxQty, "marketMinQty", "marketMaxQty");
    if (percentPriceUp != null) {
      percentPriceUp = Checks.normalize(percentPriceUp);
      if (percentPriceUp.compareTo(BigDecimal.ONE) < 0) {
        throw new IllegalArgumentException(
            "percentPriceUp must be >= 1 (a multiplier of the mark price such as 1.05) but was "
                + percentPriceUp.toPlainString());
      }
    }
    if (percentPriceDown != null) {
      percentPriceDown = Checks.normalize(percentPriceDown);
      if (percentPriceDown.signum() <= 0 || percentPriceDown.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "percentPriceDown must be in (0, 1] (a multiplier of the mark price such as 0.95) but"
                + " was "
                + percentPriceDown.toPlainString());
      }
    }
    Checks.nonNegative(maxNumOrders, "maxNumOrders");
    Checks.nonNegative(pricePrecision, "pricePrecision");
    Checks.nonNegative(quantityPrecision, "quantityPrecision");
  }

  private static void checkRange(BigDecimal min, BigDecimal max, String minName, String maxName) {
    if (max.signum() > 0 && min.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          minName
              + " "
              + min.toPlainString()
              + " must not exceed "
              + maxName
              + " "
              + max.toPlainString());
    }
  }

  /** A builder; see {@link Builder} for the required fields and defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code price} moved onto the tick grid {@code minPrice + k * tickSize} in the direction {@code
   * mode} asks for (prices are positive, so {@code DOWN} lowers and {@code UP} raises); unchanged
   * except for normalization when {@code tickSize} is zero. The result has no trailing zeros and a
   * scale >= 0, so it never prints with an exponent. It is not clamped to {@code minPrice}/{@code
   * maxPrice}: {@link #violations} reports those.
   *
   * @throws IllegalArgumentException if {@code price <= 0}
   * @throws ArithmeticException for {@code UNNECESSARY} when the price is off the grid
   */
  public BigDecimal roundPrice(BigDecimal price, RoundingMode mode) {
    Checks.positive(price, "price");
    Objects.requireNonNull(mode, "mode");
    if (tickSize.signum() == 0) {
      return Checks.normalize(price);
    }
    return DecimalGrid.snap(price, minPrice, tickSize, mode);
  }

  /**
   * {@code triggerPrice} rounded onto the tick grid toward the market, so the order fires no later
   * than asked: a SELL stop (below the market) rounds up, a SELL take-profit (above) down, a BUY
   * stop (above) down and a BUY take-profit (below) up. A trailing stop's activation price (in the
   * position's favour) rounds like a take-profit.
   *
   * <pre>{@code
   * BigDecimal stop = btc.roundTriggerPrice(new BigDecimal("29500.123"), Side.SELL,
   *     OrderType.STOP_MARKET);                                           // 29500.2 on a 0.1 tick
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code triggerPrice <= 0} or {@code type} is not
   *     conditional
   */
  public BigDecimal roundTriggerPrice(BigDecimal triggerPrice, Side side, OrderType type) {
    Objects.requireNonNull(side, "side");
    if (!type.isConditional()) {
      throw new IllegalArgumentException(
          type + " has no trigger price; round a limit price with roundPrice");
    }
    boolean stopLike = type != OrderType.TAKE_PROFIT_MARKET;
    boolean up = (side == Side.SELL) == stopLike;
    return roundPrice(triggerPrice, up ? RoundingMode.UP : RoundingMode.DOWN);
  }

  /**
   * {@code order} with its trigger and activation prices rounded by {@link #roundTriggerPrice};
   * other orders unchanged.
   */
  public OrderRequest roundTrigger(OrderRequest order) {
    Trigger t = order.trigger();
    if (t == null) {
      return order;
    }
    Trigger rounded = t;
    if (t.price() != null) {
      rounded = rounded.withPrice(roundTriggerPrice(t.price(), order.side(), order.type()));
    }
    if (t.activationPrice() != null) {
      rounded =
          rounded.activationPrice(
              roundTriggerPrice(t.activationPrice(), order.side(), OrderType.TAKE_PROFIT_MARKET));
    }
    return order.withTrigger(rounded);
  }

  /**
   * {@code quantity} rounded down onto the step grid of the order type (LOT_SIZE for {@code LIMIT},
   * MARKET_LOT_SIZE for {@code MARKET}), normalized like {@link #roundPrice}. Rounding down never
   * exceeds what the caller asked for; a result of zero or below the minimum means the order is too
   * small to send.
   *
   * @throws IllegalArgumentException if {@code quantity <= 0}
   */
  public BigDecimal roundQuantity(BigDecimal quantity, OrderType type) {
    Checks.positive(quantity, "quantity");
    BigDecimal step = stepSizeFor(type);
    if (step.signum() == 0) {
      return Checks.normalize(quantity);
    }
    BigDecimal snapped = DecimalGrid.snap(quantity, minQtyFor(type), step, RoundingMode.DOWN);
    return snapped.signum() < 0 ? BigDecimal.ZERO : snapped;
  }

  /** The price as sent on the wire: plain digits, no exponent, no trailing zeros; not rounded. */
  public String formatPrice(BigDecimal price) {
    return Checks.plain(Objects.requireNonNull(price, "price"));
  }

  /** The quantity as sent on the wire: {@code 0.0150 -> "0.015"}, {@code 1E+2 -> "100"}. */
  public String formatQuantity(BigDecimal quantity) {
    return Checks.plain(Objects.requireNonNull(quantity, "quantity"));
  }

  /**
   * Every filter {@code order} breaks, each as a sentence naming the rule, the value, the limit and
   * what to do; empty when the order passes. Checked: symbol match, trading status, tick, min/max
   * price, step, min/max quantity (MARKET_LOT_SIZE for market orders), minimum notional (price
   * times quantity; the mark price for market orders, skipped when it is {@code null}; reduce-only
   * orders are exempt) and the PERCENT_PRICE band of a limit price around {@code markPrice}
   * (skipped when {@code markPrice} is {@code null}).
   */
  public List<String> violations(OrderRequest order, @Nullable BigDecimal markPrice) {
    return OrderRules.violations(this, order, markPrice);
  }

  /**
   * Throws when {@link #violations} is not empty.
   *
   * @throws InvalidOrderException venue {@code "client"}, code {@link ExchangeException#NO_CODE},
   *     with a message that starts with the symbol and lists every violation
   */
  public void validate(OrderRequest order, @Nullable BigDecimal markPrice) {
    List<String> violations = violations(order, markPrice);
    if (!violations.isEmpty()) {
      throw new InvalidOrderException(
          "client",
          ExchangeException.NO_CODE,
          symbol
              + ": order breaks "
              + violations.size()
              + (violations.size() == 1 ? " rule: " : " rules: ")
              + String.join("; ", violations));
    }
  }

  /**
   * The price as a whole number of ticks counted from zero ({@code price / tickSize}), for hot
   * paths that keep prices as {@code long}. On every Binance symbol {@code minPrice} is itself a
   * multiple of the tick, so prices on the grid convert exactly.
   *
   * @throws IllegalArgumentException if the price is not a multiple of the tick or does not fit in
   *     a long
   * @throws IllegalStateException if {@code tickSize} is zero (no tick grid)
   */
  public long toTicks(BigDecimal price) {
    Objects.requireNonNull(price, "price");
    requireTick();
    BigDecimal[] qr = price.divideAndRemainder(tickSize);
    if (qr[1].signum() != 0) {
      throw new IllegalArgumentException(
          "price "
              + Checks.plain(price)
              + " is not a multiple of tickSize "
              + tickSize.toPlainString()
              + " of "
              + symbol
              + "; round it with roundPrice first");
    }
    try {
      return qr[0].longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "price " + Checks.plain(price) + " is too many ticks for a long", e);
    }
  }

  /**
   * {@code ticks * tickSize}, normalized; the inverse of {@link #toTicks}.
   *
   * @throws IllegalStateException if {@code tickSize} is zero (no tick grid)
   */
  public BigDecimal fromTicks(long ticks) {
    requireTick();
    return Checks.normalize(tickSize.multiply(BigDecimal.valueOf(ticks)));
  }

  private void requireTick() {
    if (tickSize.signum() == 0) {
      throw new IllegalStateException(symbol + " has no tick size (0): prices have no tick grid");
    }
  }

  /**
   * The quantity step that applies to {@code type}: MARKET_LOT_SIZE for market orders, falling back
   * to LOT_SIZE when it is zero; LOT_SIZE otherwise.
   *
   * <pre>{@code
   * BigDecimal lot = btc.stepSizeFor(OrderType.MARKET);   // 0.001
   * }</pre>
   */
  public BigDecimal stepSizeFor(OrderType type) {
    return type.executesAtMarket() && marketStepSize.signum() > 0 ? marketStepSize : stepSize;
  }

  BigDecimal minQtyFor(OrderType type) {
    return type.executesAtMarket() && marketMinQty.signum() > 0 ? marketMinQty : minQty;
  }

  BigDecimal maxQtyFor(OrderType type) {
    return type.executesAtMarket() && marketMaxQty.signum() > 0 ? marketMaxQty : maxQty;
  }

  /**
   * A builder for {@link Instrument}. Required: {@code symbol}, {@code baseAsset}, {@code
   * quoteAsset}, {@code tickSize}, {@code stepSize}. Defaults: {@code marginAsset} = quote asset,
   * {@code trading} = true, every other filter = 0 (rule disabled), percent multipliers = null,
   * {@code maxNumOrders} = 0 (not reported), {@code pricePrecision}/{@code quantityPrecision} = the
   * number of decimals of the tick/step.
   */
  public static final class Builder {
    private @Nullable String symbol;
    private @Nullable String baseAsset;
    private @Nullable String quoteAsset;
    private @Nullable String marginAsset;
    private boolean trading = true;
    private @Nullable BigDecimal tickSize;
    private BigDecimal minPrice = BigDecimal.ZERO;
    private BigDecimal maxPrice = BigDecimal.ZERO;
    private @Nullable BigDecimal stepSize;
    private BigDecimal minQty = BigDecimal.ZERO;
    private BigDecimal maxQty = BigDecimal.ZERO;
    private BigDecimal marketStepSize = BigDecimal.ZERO;
    private BigDecimal marketMinQty = BigDecimal.ZERO;
    private BigDecimal marketMaxQty = BigDecimal.ZERO;
    private BigDecimal minNotional = BigDecimal.ZERO;
    private @Nullable BigDecimal percentPriceUp;
    private @Nullable BigDecimal percentPriceDown;
    private int maxNumOrders;
    private @Nullable Integer pricePrecision;
    private @Nullable Integer quantityPrecision;

    private Builder() {}

    public Builder symbol(String v) {
      symbol = v;
      return this;
    }

    public Builder baseAsset(String v) {
      baseAsset = v;
      return this;
    }

    public Builder quoteAsset(String v) {
      quoteAsset = v;
      return this;
    }

    public Builder marginAsset(String v) {
      marginAsset = v;
      return this;
    }

    public Builder trading(boolean v) {
      trading = v;
      return this;
    }

    public Builder tickSize(BigDecimal v) {
      tickSize = v;
      return this;
    }

    public Builder minPrice(BigDecimal v) {
      minPrice = v;
      return this;
    }

    public Builder maxPrice(BigDecimal v) {
      maxPrice = v;
      return this;
    }

    public Builder stepSize(BigDecimal v) {
      stepSize = v;
      return this;
    }

    public Builder minQty(BigDecimal v) {
      minQty = v;
      return this;
    }

    public Builder maxQty(BigDecimal v) {
      maxQty = v;
      return this;
    }

    public Builder marketStepSize(BigDecimal v) {
      marketStepSize = v;
      return this;
    }

    public Builder marketMinQty(BigDecimal v) {
      marketMinQty = v;
      return this;
    }

    public Builder marketMaxQty(BigDecimal v) {
      marketMaxQty = v;
      return this;
    }

    public Builder minNotional(BigDecimal v) {
      minNotional = v;
      return this;
    }

    /** The PERCENT_PRICE multiplier above the mark price (e.g. 1.05), null for none. */
    public Builder percentPriceUp(@Nullable BigDecimal v) {
      percentPriceUp = v;
      return this;
    }

    /** The PERCENT_PRICE multiplier below the mark price (e.g. 0.95), null for none. */
    public Builder percentPriceDown(@Nullable BigDecimal v) {
      percentPriceDown = v;
      return this;
    }

    public Builder maxNumOrders(int v) {
      maxNumOrders = v;
      return this;
    }

    public Builder pricePrecision(int v) {
      pricePrecision = v;
      return this;
    }

    public Builder quantityPrecision(int v) {
      quantityPrecision = v;
      return this;
    }

    /**
     * The instrument.
     *
     * @throws IllegalArgumentException or NullPointerException naming the field that is wrong
     */
    public Instrument build() {
      String quote = Checks.nonBlank(quoteAsset, "quoteAsset");
      BigDecimal tick = Objects.requireNonNull(tickSize, "tickSize");
      BigDecimal step = Objects.requireNonNull(stepSize, "stepSize");
      return new Instrument(
          Checks.nonBlank(symbol, "symbol"),
          Checks.nonBlank(baseAsset, "baseAsset"),
          quote,
          marginAsset == null ? quote : marginAsset,
          trading,
          tick,
          minPrice,
          maxPrice,
          step,
          minQty,
          maxQty,
          marketStepSize,
          marketMinQty,
          marketMaxQty,
          minNotional,
          percentPriceUp,
          percentPriceDown,
          maxNumOrders,
          pricePrecision == null ? decimals(tick) : pricePrecision,
          quantityPrecision == null ? decimals(step) : quantityPrecision);
    }

    private static int decimals(BigDecimal v) {
      return Math.max(0, v.stripTrailingZeros().scale());
    }
  }
}
