package dev.tradekit.backtest.sim;

import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The money of one simulated account: wallet balances per asset, positions with their average entry
 * price, leverage per symbol and the income history. Realised PnL and fees go to the wallet;
 * unrealised PnL is computed at the mark on demand. Entry prices keep 34 significant digits;
 * realised and unrealised PnL are rounded to 8 decimals (half even) as Binance reports them; fees
 * are exact.
 */
final class Ledger {
  static final String REALIZED_PNL = "REALIZED_PNL";
  static final String COMMISSION = "COMMISSION";
  static final String FUNDING_FEE = "FUNDING_FEE";

  /** One position leg. */
  static final class Leg {
    final String symbol;
    final PositionSide side;
    final String asset;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal entry = BigDecimal.ZERO;
    long updateTime;

    Leg(String symbol, PositionSide side, String asset) {
      this.symbol = symbol;
      this.side = side;
      this.asset = asset;
    }
  }

  private final Map<String, BigDecimal> wallet = new TreeMap<>();

  /** Every leg that ever traded, in the order they first traded (never removed). */
  private final List<Leg> legs = new ArrayList<>();

  /** The same legs by symbol, indexed by {@link PositionSide#ordinal()}: no key built per fill. */
  private final Map<String, @Nullable Leg[]> legsBySymbol = new HashMap<>();

  private final Map<String, Integer> leverage = new TreeMap<>();
  private final Map<String, MarginType> marginTypes = new TreeMap<>();
  private final List<Income> income = new ArrayList<>();
  private final int defaultLeverage;
  final int maxLeverage;
  PositionMode mode;

  /** Counts the changes of the wallet and the legs: an unchanged count means unchanged money. */
  private long version;

  Ledger(AccountSetup setup) {
    wallet.putAll(setup.balances());
    this.defaultLeverage = setup.leverage();
    this.maxLeverage = setup.maxLeverage();
    this.mode = setup.positionMode();
  }

  BigDecimal wallet(String asset) {
    return wallet.getOrDefault(asset, BigDecimal.ZERO);
  }

  /** Changes whenever a balance, a position amount or an entry price may have changed. */
  long version() {
    return version;
  }

  int leverage(String symbol) {
    return leverage.getOrDefault(symbol, defaultLeverage);
  }

  void setLeverage(String symbol, int value) {
    leverage.put(symbol, value);
  }

  /** The margin type reported on the symbol's positions (cross until set). */
  MarginType marginType(String symbol) {
    return marginTypes.getOrDefault(symbol, MarginType.CROSS);
  }

  void setMarginType(String symbol, MarginType type) {
    marginTypes.put(symbol, type);
  }

  /** Whether a leg of {@code symbol} is open. */
  boolean hasOpenPosition(String symbol) {
    return legs.stream().anyMatch(l -> l.symbol.equals(symbol) && l.amount.signum() != 0);
  }

  Leg leg(String symbol, PositionSide side, String asset) {
    @Nullable Leg[] bySide =
        legsBySymbol.computeIfAbsent(symbol, k -> new Leg[PositionSide.values().length]);
    Leg leg = bySide[side.ordinal()];
    if (leg == null) {
      leg = new Leg(symbol, side, asset);
      legs.add(leg);
      bySide[side.ordinal()] = leg;
    }
    return leg;
  }

  /** The signed amount of a leg, zero when it never traded. */
  BigDecimal amount(String symbol, PositionSide side) {
    @Nullable Leg[] bySide = legsBySymbol.get(symbol);
    Leg leg = bySide == null ? null : bySide[side.ordinal()];
    return leg == null ? BigDecimal.ZERO : leg.amount;
  }

  boolean hasOpenPosition() {
    return legs.stream().anyMatch(l -> l.amount.signum() != 0);
  }

  /**
   * Books one fill: moves the position and its entry price, realises PnL on the part that reduces
   * it, and charges {@code fee}. Returns the realised PnL, plain (no trailing zeros, scale >= 0).
   */
  BigDecimal applyFill(
      Leg leg,
      Side side,
      BigDecimal price,
      BigDecimal qty,
      BigDecimal fee,
      long time,
      String tranId) {
    version++;
    BigDecimal signed = side == Side.BUY ? qty : qty.negate();
    BigDecimal amount = leg.amount;
    BigDecimal realized = BigDecimal.ZERO;
    if (amount.signum() == 0 || amount.signum() == signed.signum()) {
      BigDecimal total = amount.add(signed);
      leg.entry = entryAfter(amount, leg.entry, qty, price, total);
      leg.amount = total;
    } else {
      BigDecimal closed = qty.min(amount.abs());
      realized = closed.multiply(price.subtract(leg.entry));
      if (amount.signum() < 0) {
        realized = realized.negate();
      }
      realized = Amounts.plain(realized.setScale(8, RoundingMode.HALF_EVEN));
      BigDecimal total = amount.add(signed);
      if (total.signum() == 0) {
        leg.entry = BigDecimal.ZERO;
      } else if (total.signum() != amount.signum()) {
        leg.entry = Amounts.plain(price);
      }
      leg.amount = total;
    }
    leg.updateTime = time;
    credit(leg.asset, realized.subtract(fee));
    if (realized.signum() != 0) {
      income.add(new Income(leg.symbol, REALIZED_PNL, realized, leg.asset, time, tranId));
    }
    if (fee.signum() != 0) {
      income.add(new Income(leg.symbol, COMMISSION, fee.negate(), leg.asset, time, tranId));
    }
    return realized;
  }

  /**
   * The average entry after adding {@code qty} at {@code price} to {@code amount} at {@code entry}:
   * {@code (|amount| * entry + qty * price) / |total|} to 34 digits, without trailing zeros. From
   * flat, or at the entry's own price, the quotient is exactly {@code price}: with at most 34
   * digits it is returned without the division (the same value, stripped the same way).
   */
  private static BigDecimal entryAfter(
      BigDecimal amount, BigDecimal entry, BigDecimal qty, BigDecimal price, BigDecimal total) {
    if ((amount.signum() == 0 || entry.compareTo(price) == 0)
        && price.precision() <= MathContext.DECIMAL128.getPrecision()) {
      return Amounts.plain(price);
    }
    return Amounts.plain(
        amount
            .abs()
            .multiply(entry)
            .add(qty.multiply(price))
            .divide(total.abs(), MathContext.DECIMAL128));
  }

  /** Pays or receives funding on every open leg of {@code symbol}; returns the legs paid. */
  List<Leg> applyFunding(
      String symbol, BigDecimal mark, BigDecimal rate, long time, String tranId) {
    List<Leg> paid = new ArrayList<>();
    for (Leg leg : legs) {
      if (leg.symbol.equals(symbol) && leg.amount.signum() != 0) {
        BigDecimal payment = leg.amount.multiply(mark).multiply(rate).negate();
        credit(leg.asset, payment);
        income.add(new Income(symbol, FUNDING_FEE, payment, leg.asset, time, tranId));
        leg.updateTime = time;
        paid.add(leg);
      }
    }
    return paid;
  }

  private void credit(String asset, BigDecimal amount) {
    version++;
    wallet.merge(asset, amount, BigDecimal::add);
  }

  /** Unrealised PnL of every leg margined in {@code asset} at the marks given. */
  BigDecimal unrealized(String asset, Function<String, @Nullable BigDecimal> marks) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0, n = legs.size(); i < n; i++) {
      Leg leg = legs.get(i);
      if (leg.asset.equals(asset) && leg.amount.signum() != 0) {
        sum = sum.add(unrealized(leg, marks.apply(leg.symbol)));
      }
    }
    return sum;
  }

  /** Unrealised PnL of one leg at {@code mark}, to 8 decimals as Binance reports it. */
  static BigDecimal unrealized(Leg leg, @Nullable BigDecimal mark) {
    return mark == null
        ? BigDecimal.ZERO
        : Amounts.plain(
            leg.amount.multiply(mark.subtract(leg.entry)).setScale(8, RoundingMode.HALF_EVEN));
  }

  /** Initial margin of the open legs in {@code asset}: {@code |amount| * mark / leverage}. */
  BigDecimal positionMargin(String asset, Function<String, @Nullable BigDecimal> marks) {
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0, n = legs.size(); i < n; i++) {
      Leg leg = legs.get(i);
      if (leg.asset.equals(asset) && leg.amount.signum() != 0) {
        BigDecimal mark = marks.apply(leg.symbol);
        BigDecimal price = mark == null ? leg.entry : mark;
        sum = sum.add(Margin.perLeverage(leg.amount.abs().multiply(price), leverage(leg.symbol)));
      }
    }
    return sum;
  }

  Position toPosition(Leg leg, @Nullable BigDecimal mark) {
    return new Position(
        leg.symbol,
        leg.side,
        leg.amount,
        leg.entry,
        mark,
        unrealized(leg, mark),
        leverage(leg.symbol),
        marginType(leg.symbol),
        leg.updateTime);
  }

  /** Every leg that ever traded, open or flat, in the order they first traded (read only). */
  List<Leg> legs() {
    return legs;
  }

  /** Assets with a wallet entry or a leg, sorted. */
  List<String> assets() {
    TreeMap<String, Boolean> names = new TreeMap<>();
    wallet.keySet().forEach(a -> names.put(a, true));
    legs.forEach(l -> names.put(l.asset, true));
    return new ArrayList<>(names.keySet());
  }

  Balance balance(
      String asset, BigDecimal available, Function<String, @Nullable BigDecimal> marks) {
    return new Balance(
        asset,
        wallet(asset),
        Amounts.plain(available.setScale(8, RoundingMode.DOWN)),
        unrealized(asset, marks));
  }

  List<Income> income() {
    return income;
  }
}
