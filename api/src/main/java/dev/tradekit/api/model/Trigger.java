package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a conditional order ({@link OrderType#isConditional()}) fires: a trigger price, or a
 * callback rate for a trailing stop, and the price it watches.
 *
 * <pre>{@code
 * Trigger stop = Trigger.at(new BigDecimal("29500"));                  // last price
 * Trigger trail = Trigger.trailing(new BigDecimal("1.5"))              // 1.5 % retrace
 *     .workingType(WorkingType.MARK_PRICE);
 * }</pre>
 *
 * <p>Rules checked here: a trigger price, when set, is {@code > 0}; a callback rate, when set, is a
 * percentage in {@code (0, 100)} (1 = 1 %; each venue narrows this, Binance to 0.1–10); an
 * activation price, when set, is {@code > 0} and only with a callback rate. Which fields a type
 * needs is checked by {@link OrderRequest}.
 *
 * @param price the trigger price; {@code null} only for a trailing stop
 * @param callbackRate the trailing stop's retrace in percent; {@code null} for the other types
 * @param activationPrice the price from which a trailing stop starts tracking; {@code null} means
 *     at once (from the price when it is placed)
 * @param workingType the price the trigger watches
 * @param closePosition when true the order closes the whole position when it fires, whatever its
 *     quantity (Binance {@code closePosition}); only for STOP_MARKET and TAKE_PROFIT_MARKET
 */
public record Trigger(
    @Nullable BigDecimal price,
    @Nullable BigDecimal callbackRate,
    @Nullable BigDecimal activationPrice,
    WorkingType workingType,
    boolean closePosition) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Validates the rules listed on the type. */
  public Trigger {
    Objects.requireNonNull(workingType, "workingType");
    if (price == null && callbackRate == null) {
      throw new IllegalArgumentException(
          "a trigger needs a price (stop / take-profit) or a callbackRate (trailing stop)");
    }
    if (price != null) {
      Checks.positive(price, "trigger price");
    }
    if (callbackRate != null) {
      Checks.positive(callbackRate, "callbackRate");
      if (callbackRate.compareTo(HUNDRED) >= 0) {
        throw new IllegalArgumentException(
            "callbackRate is a percentage below 100 (1 = 1 %), was " + Checks.plain(callbackRate));
      }
    }
    if (activationPrice != null) {
      Checks.positive(activationPrice, "activationPrice");
      if (callbackRate == null) {
        throw new IllegalArgumentException(
            "activationPrice is for trailing stops only; set a callbackRate or drop it");
      }
    }
  }

  /** A trigger at {@code price} on the contract (last) price. */
  public static Trigger at(BigDecimal price) {
    return new Trigger(
        Objects.requireNonNull(price, "price"), null, null, WorkingType.CONTRACT_PRICE, false);
  }

  /** A trailing trigger retracing {@code callbackRatePercent} (1 = 1 %), active at once. */
  public static Trigger trailing(BigDecimal callbackRatePercent) {
    return new Trigger(
        null,
        Objects.requireNonNull(callbackRatePercent, "callbackRate"),
        null,
        WorkingType.CONTRACT_PRICE,
        false);
  }

  /** This trigger watching {@code type}. */
  public Trigger workingType(WorkingType type) {
    return new Trigger(price, callbackRate, activationPrice, type, closePosition);
  }

  /** This trailing trigger starting to track at {@code price}. */
  public Trigger activationPrice(BigDecimal price) {
    return new Trigger(this.price, callbackRate, price, workingType, closePosition);
  }

  /** This trigger closing the whole position when it fires. */
  public Trigger closingPosition() {
    return new Trigger(price, callbackRate, activationPrice, workingType, true);
  }

  /** This trigger with another price (for rounding onto the tick grid). */
  public Trigger withPrice(BigDecimal newPrice) {
    return new Trigger(newPrice, callbackRate, activationPrice, workingType, closePosition);
  }
}
