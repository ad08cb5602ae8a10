package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One public trade on a symbol.
 *
 * <pre>{@code
 * BigDecimal flow = trade.aggressorSide() == Side.BUY ? trade.quantity() : trade.quantity().negate();
 * }</pre>
 *
 * <p>An immutable value with the accessors, {@code equals}, {@code hashCode} and {@code toString}
 * of a record of its six components ({@code symbol, tradeId, price, quantity, buyerMaker, time}).
 * It is a final class rather than a record so that a feed that reads prices as ticks and ids as
 * numbers (the simulator, a cursor parser) can hand out a trade whose id text and decimal price are
 * built only when first read ({@link #ofTicks}): a listener that reads neither pays for neither.
 * Two trades are equal when all six components are, however each was made. Thread-safe: a lazily
 * built component is an immutable object cached in the trade (built at most once per thread).
 *
 * @see #ofTicks
 */
public final class Trade {
  private final String symbol;
  private final BigDecimal quantity;
  private final boolean buyerMaker;
  private final long time;

  /** The numeric id of {@link #ofTicks}; unused when the id text was given. */
  private final long numericId;

  /** The price in ticks of {@link #ofTicks}; unused when the decimal price was given. */
  private final long priceTicks;

  private final @Nullable LongFunction<BigDecimal> priceOfTicks;

  /** The id text and the decimal price: given, or built on first read (benign race). */
  private @Nullable String tradeId;

  private @Nullable BigDecimal price;

  /**
   * A trade with every component given.
   *
   * @param symbol the venue symbol
   * @param tradeId the venue's id of the trade, as the venue writes it (Binance: a decimal number;
   *     Bybit: a UUID)
   * @param price the trade price, positive
   * @param quantity the traded quantity, positive
   * @param buyerMaker true when the buyer was resting, i.e. the seller took liquidity
   * @param time epoch millis
   * @throws IllegalArgumentException for a blank symbol or id, a price or quantity that is not
   *     positive, or a negative time
   */
  public Trade(
      String symbol,
      String tradeId,
      BigDecimal price,
      BigDecimal quantity,
      boolean buyerMaker,
      long time) {
    this.symbol = Checks.nonBlank(symbol, "symbol");
    this.tradeId = Checks.nonBlank(tradeId, "tradeId");
    this.price = Checks.positive(price, "price");
    this.quantity = Checks.positive(quantity, "quantity");
    this.buyerMaker = buyerMaker;
    this.time = Checks.nonNegative(time, "time");
    this.numericId = -1;
    this.priceTicks = 0;
    this.priceOfTicks = null;
  }

  private Trade(
      String symbol,
      long numericId,
      long priceTicks,
      LongFunction<BigDecimal> priceOfTicks,
      BigDecimal quantity,
      boolean buyerMaker,
      long time) {
    this.symbol = symbol;
    this.numericId = numericId;
    this.priceTicks = priceTicks;
    this.priceOfTicks = priceOfTicks;
    this.quantity = quantity;
    this.buyerMaker = buyerMaker;
    this.time = time;
  }

  /**
   * A trade with a numeric id and a price in ticks, as a feed that reads numbers has them: {@link
   * #tradeId()} is {@code Long.toString(tradeId)} and {@link #price()} is {@code
   * priceOfTicks.apply(priceTicks)}, each built on first read, so a listener that reads only the
   * time, quantity or side allocates neither. Equal to the trade made with the constructor from the
   * same values.
   *
   * <pre>{@code
   * TickScale scale = TickScale.of(new BigDecimal("0.1"));
   * Trade t = Trade.ofTicks("BTCUSDT", 42, 571234, scale::toPrice, BigDecimal.ONE, false, now);
   * t.price(); // 57123.4
   * }</pre>
   *
   * @param priceOfTicks the decimal price of a number of ticks; must return a positive price for a
   *     positive number of ticks (a {@code TickScale}'s {@code toPrice} does)
   * @throws IllegalArgumentException for a blank symbol, a negative id, a price in ticks or a
   *     quantity that is not positive, or a negative time
   */
  public static Trade ofTicks(
      String symbol,
      long tradeId,
      long priceTicks,
      LongFunction<BigDecimal> priceOfTicks,
      BigDecimal quantity,
      boolean buyerMaker,
      long time) {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonNegative(tradeId, "tradeId");
    if (priceTicks <= 0) {
      throw new IllegalArgumentException("priceTicks must be > 0 but was " + priceTicks);
    }
    Objects.requireNonNull(priceOfTicks, "priceOfTicks");
    Checks.positive(quantity, "quantity");
    Checks.nonNegative(time, "time");
    return new Trade(symbol, tradeId, priceTicks, priceOfTicks, quantity, buyerMaker, time);
  }

  /** The venue symbol, e.g. {@code BTCUSDT}. */
  public String symbol() {
    return symbol;
  }

  /**
   * The venue's id of the trade, as the venue writes it (Binance: a decimal number; Bybit: a UUID).
   */
  public String tradeId() {
    String id = tradeId;
    if (id == null) {
      id = Long.toString(numericId);
      tradeId = id;
    }
    return id;
  }

  /** The trade price. */
  public BigDecimal price() {
    BigDecimal p = price;
    if (p == null) {
      p = Checks.positive(Objects.requireNonNull(priceOfTicks).apply(priceTicks), "price");
      price = p;
    }
    return p;
  }

  /** The traded quantity. */
  public BigDecimal quantity() {
    return quantity;
  }

  /** True when the buyer was resting, i.e. the seller took liquidity. */
  public boolean buyerMaker() {
    return buyerMaker;
  }

  /** Epoch millis. */
  public long time() {
    return time;
  }

  /** The side that took liquidity: {@code SELL} when the buyer was the maker, else {@code BUY}. */
  public Side aggressorSide() {
    return buyerMaker ? Side.SELL : Side.BUY;
  }

  /** Equal when all six components are equal ({@link BigDecimal#equals}: scale counts). */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    return o instanceof Trade t
        && buyerMaker == t.buyerMaker
        && time == t.time
        && symbol.equals(t.symbol)
        && tradeId().equals(t.tradeId())
        && price().equals(t.price())
        && quantity.equals(t.quantity);
  }

  @Override
  public int hashCode() {
    int h = symbol.hashCode();
    h = 31 * h + tradeId().hashCode();
    h = 31 * h + price().hashCode();
    h = 31 * h + quantity.hashCode();
    h = 31 * h + Boolean.hashCode(buyerMaker);
    return 31 * h + Long.hashCode(time);
  }

  /** The record form: {@code Trade[symbol=BTCUSDT, tradeId=1, price=..., ...]}. */
  @Override
  public String toString() {
    return "Trade[symbol="
        + symbol
        + ", tradeId="
        + tradeId()
        + ", price="
        + price()
        + ", quantity="
        + quantity
        + ", buyerMaker="
        + buyerMaker
        + ", time="
        + time
        + "]";
  }
}
