package dev.tradekit.backtest.sim;

import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import org.jspecify.annotations.Nullable;

/**
 * Initial-margin arithmetic of one account (cross margin, USDT-margined):
 *
 * <ul>
 *   <li>open legs: {@code |amount| * mark / leverage};
 *   <li>open orders: {@code remaining * price / leverage}, except reduce-only and hedge-mode
 *       closing orders (none), and in one-way mode the part of the orders against the position that
 *       only reduces it (none);
 *   <li>available = wallet + unrealised PnL - leg margins - order margins.
 * </ul>
 */
final class Margin {
  /** Leverages up to this have their exact reciprocal looked up (when it has one). */
  private static final int RECIPROCALS = 1000;

  /** {@code 1 / leverage} where it is a finite decimal (leverage = 2^a 5^b), else null. */
  private static final @Nullable BigDecimal[] RECIPROCAL = new BigDecimal[RECIPROCALS + 1];

  static {
    for (int leverage = 1; leverage <= RECIPROCALS; leverage++) {
      int rest = leverage;
      while (rest % 2 == 0) {
        rest /= 2;
      }
      while (rest % 5 == 0) {
        rest /= 5;
      }
      if (rest == 1) {
        RECIPROCAL[leverage] = BigDecimal.ONE.divide(BigDecimal.valueOf(leverage));
      }
    }
  }

  private Margin() {}

  /**
   * {@code value / leverage} to 34 significant digits (DECIMAL128), the figure every margin is made
   * of. When {@code 1 / leverage} is a finite decimal (1, 2, 4, 5, 10, 20, 25, 50, 100, 125, ...)
   * and {@code value * (1 / leverage)} has at most 34 digits, that exact product is the quotient
   * itself (DECIMAL128 would not round it): it is returned without a division. Callers use the
   * figure's value only (sums, comparisons, rounding to 8 decimals), never its scale.
   */
  static BigDecimal perLeverage(BigDecimal value, int leverage) {
    BigDecimal reciprocal = leverage <= RECIPROCALS ? RECIPROCAL[leverage] : null;
    if (reciprocal != null) {
      BigDecimal exact = value.multiply(reciprocal);
      if (exact.precision() <= MathContext.DECIMAL128.getPrecision()) {
        return exact;
      }
    }
    return value.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL128);
  }

  /** Available balance of {@code asset}: wallet + unrealised - leg margins - order margins. */
  static BigDecimal available(SimAccount account, String asset) {
    Ledger ledger = account.ledger;
    BigDecimal sum =
        ledger
            .wallet(asset)
            .add(ledger.unrealized(asset, account.venue::markOrNull))
            .subtract(ledger.positionMargin(asset, account.venue::markOrNull));
    for (SymbolMatcher m : account.venue.matchers()) {
      if (m.market.instrument.marginAsset().equals(asset)) {
        sum = sum.subtract(orderMargin(account, m, null, null, 0, 0));
      }
    }
    return sum;
  }

  /**
   * Initial margin of the account's open orders in one symbol, leaving out {@code exclude} and
   * adding a hypothetical order of {@code extraLots} on {@code extraSide} (hedge leg {@code
   * extraLeg}) worth {@code extraTicksLots} (price in ticks times lots).
   */
  static BigDecimal orderMargin(
      SimAccount account,
      SymbolMatcher matcher,
      @Nullable SimOrder exclude,
      @Nullable SimOrder extra,
      long extraLots,
      long extraTicksLots) {
    String symbol = matcher.symbol();
    long[] sums = account.openOrderSums(matcher); // kept as orders change: no pass over them
    long buyLots = sums[0];
    long buyNotional = sums[1];
    long sellLots = sums[2];
    long sellNotional = sums[3];
    if (exclude != null
        && !exclude.isClosing()
        && exclude.priceTicks > 0
        && account.isCounted(exclude)) {
      long lots = exclude.remainingLots();
      long notional = Math.multiplyExact(lots, exclude.priceTicks);
      if (exclude.side == Side.BUY) {
        buyLots -= lots;
        buyNotional -= notional;
      } else {
        sellLots -= lots;
        sellNotional -= notional;
      }
    }
    if (extra != null && !extra.isClosing()) {
      if (extra.side == Side.BUY) {
        buyLots += extraLots;
        buyNotional += extraTicksLots;
      } else {
        sellLots += extraLots;
        sellNotional += extraTicksLots;
      }
    }
    BigDecimal charged;
    if (account.ledger.mode == PositionMode.ONE_WAY) {
      long pos = account.lots(matcher, account.ledger.amount(symbol, PositionSide.BOTH));
      charged =
          chargeable(buyLots, buyNotional, Math.max(0, -pos))
              .add(chargeable(sellLots, sellNotional, Math.max(0, pos)));
    } else {
      charged = BigDecimal.valueOf(buyNotional).add(BigDecimal.valueOf(sellNotional));
    }
    if (charged.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal unit = matcher.market.instrument.tickSize().multiply(matcher.lotSize());
    return perLeverage(charged.multiply(unit), account.ledger.leverage(symbol));
  }

  /** The notional of orders beyond the {@code offsetLots} that only reduce the position. */
  private static BigDecimal chargeable(long lots, long notional, long offsetLots) {
    if (lots <= offsetLots) {
      return BigDecimal.ZERO;
    }
    if (offsetLots == 0) {
      return BigDecimal.valueOf(notional);
    }
    return BigDecimal.valueOf(notional)
        .multiply(BigDecimal.valueOf(lots - offsetLots))
        .divide(BigDecimal.valueOf(lots), MathContext.DECIMAL128);
  }
}
