package dev.tradekit.strategy;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * How large a position the engine opens when a strategy wants one: a fixed quantity, or the
 * quantity worth a fixed notional at the bar's close. Rounded down to the venue's market step.
 *
 * <pre>{@code
 * Sizing s = Sizing.notional(new BigDecimal("1000"));   // 1,000 USDT worth at the close
 * }</pre>
 */
public final class Sizing {
  private final BigDecimal amount;
  private final boolean notional;

  private Sizing(BigDecimal amount, boolean notional) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("size must be positive, was " + amount.toPlainString());
    }
    this.amount = amount;
    this.notional = notional;
  }

  /**
   * Always {@code quantity} base units.
   *
   * @throws IllegalArgumentException if not positive
   */
  public static Sizing quantity(BigDecimal quantity) {
    return new Sizing(quantity, false);
  }

  /**
   * The quantity worth {@code quote} at the deciding bar's close.
   *
   * @throws IllegalArgumentException if not positive
   */
  public static Sizing notional(BigDecimal quote) {
    return new Sizing(quote, true);
  }

  /** The unsigned quantity for a position opened at {@code price}, rounded to the market step. */
  BigDecimal quantity(Instrument instrument, double price) {
    BigDecimal raw =
        notional ? amount.divide(BigDecimal.valueOf(price), MathContext.DECIMAL64) : amount;
    return instrument.roundQuantity(raw, OrderType.MARKET);
  }

  @Override
  public String toString() {
    return notional ? "notional " + amount.toPlainString() : "quantity " + amount.toPlainString();
  }
}
