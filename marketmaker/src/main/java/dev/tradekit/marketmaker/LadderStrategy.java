package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Quotes around the mid: {@code buy_i = mid·(1 − s_i)}, {@code sell_i = mid·(1 + s_i)}, either from
 * the engine's {@link QuoteParameters} (one level = the fixed-spread strategy) or from explicit
 * lists of spreads and amounts.
 */
final class LadderStrategy implements Strategy {
  private final @Nullable List<BigDecimal> spreads;
  private final @Nullable List<BigDecimal> amounts;

  /** A ladder shaped by the engine's parameters. */
  LadderStrategy() {
    this.spreads = null;
    this.amounts = null;
  }

  /** A ladder with its own levels: spread {@code spreads[i]} and amount {@code amounts[i]}. */
  LadderStrategy(List<BigDecimal> spreads, List<BigDecimal> amounts) {
    if (spreads.isEmpty() || spreads.size() != amounts.size()) {
      throw new IllegalArgumentException(
          "spreads and amounts must be non-empty lists of one size, were "
              + spreads.size()
              + " and "
              + amounts.size());
    }
    for (int i = 0; i < spreads.size(); i++) {
      BigDecimal s = spreads.get(i);
      BigDecimal a = amounts.get(i);
      if (s.signum() < 0 || s.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("spreads[" + i + "] must be in [0, 1), was " + s);
      }
      if (a.signum() <= 0) {
        throw new IllegalArgumentException("amounts[" + i + "] must be > 0, was " + a);
      }
    }
    this.spreads = List.copyOf(spreads);
    this.amounts = List.copyOf(amounts);
  }

  /** The ladder quotes from the book alone. */
  @Override
  public boolean wantsTrades() {
    return false;
  }

  @Override
  public List<TargetOrder> targets(QuoteContext ctx) {
    BigDecimal mid = ctx.market().mid();
    List<TargetOrder> buys = new ArrayList<>();
    List<TargetOrder> sells = new ArrayList<>();
    QuoteParameters p = ctx.parameters();
    int levels = spreads != null ? spreads.size() : p.levels();
    for (int i = 0; i < levels; i++) {
      BigDecimal bidSpread;
      BigDecimal askSpread;
      BigDecimal amount;
      if (spreads != null && amounts != null) {
        bidSpread = spreads.get(i);
        askSpread = bidSpread;
        amount = amounts.get(i);
      } else {
        BigDecimal extra = p.levelSpread().multiply(BigDecimal.valueOf(i));
        bidSpread = p.bidSpread().add(extra);
        askSpread = p.askSpread().add(extra);
        amount = p.amountAt(i);
      }
      add(buys, ctx, Side.BUY, mid.multiply(BigDecimal.ONE.subtract(bidSpread)), amount);
      add(sells, ctx, Side.SELL, mid.multiply(BigDecimal.ONE.add(askSpread)), amount);
    }
    buys.addAll(sells);
    return buys;
  }

  static void add(
      List<TargetOrder> out, QuoteContext ctx, Side side, BigDecimal rawPrice, BigDecimal amount) {
    BigDecimal price = ctx.round(side, rawPrice.round(MathContext.DECIMAL64));
    BigDecimal qty = ctx.roundQuantity(amount);
    if (price != null && qty.signum() > 0) {
      out.add(TargetOrder.limit(side, price, qty));
    }
  }
}
