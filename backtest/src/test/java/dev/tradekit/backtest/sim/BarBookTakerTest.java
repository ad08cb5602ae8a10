package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.T0;
import static dev.tradekit.backtest.sim.SimKit.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import org.junit.jupiter.api.Test;

/**
 * Takers match a waiting one-level bar book without setting it: every read and every take gives
 * what the set book gives, and the book set afterwards holds what the takes left.
 */
class BarBookTakerTest {

  /** The market's taker view of both sides, as numbers. */
  private static String view(SymbolMarket m) {
    StringBuilder out = new StringBuilder();
    for (Side side : Side.values()) {
      out.append(side).append(' ').append(m.bestTicks(side)).append(':');
      for (int i = 0; i < m.depth(side); i++) {
        out.append(' ').append(m.levelTicks(side, i)).append('x').append(m.levelQuantity(side, i));
      }
      out.append("; ");
    }
    return out.toString() + "mark " + m.mark();
  }

  private static String levels(OrderBook b) {
    StringBuilder out = new StringBuilder();
    for (Side side : Side.values()) {
      out.append(side).append(':');
      for (int i = 0; i < b.depth(side); i++) {
        out.append(' ').append(b.priceTicks(side, i)).append('x').append(b.quantity(side, i));
      }
      out.append("; ");
    }
    return out.append(b.timestamp()).append(' ').append(b.lastUpdateId()).toString();
  }

  @Test
  void takesFromAWaitingBarBookLeaveItWaitingAndEqualTakesFromTheSetBook() {
    SymbolMarket waiting = new SymbolMarket(SimKit.instrument());
    SymbolMarket set = new SymbolMarket(SimKit.instrument());
    long price = ticks("60000.0");
    waiting.barBook(price, 2.5, T0);
    set.barBook(price, 2.5, T0);
    set.book();
    assertThat(view(waiting)).isEqualTo(view(set));

    long ask = set.levelTicks(Side.SELL, 0);
    waiting.take(Side.SELL, ask, 1000); // 1.0 of 2.5 on a 0.001 lot
    set.take(Side.SELL, ask, 1000);

    assertThat(waiting.barBookPending()).isTrue();
    assertThat(view(waiting)).isEqualTo(view(set));
    assertThat(waiting.levelQuantity(Side.SELL, 0)).isEqualTo(1.5);

    waiting.take(Side.SELL, ask, 1500); // the rest: the level goes
    set.take(Side.SELL, ask, 1500);
    assertThat(waiting.depth(Side.SELL)).isZero();
    assertThat(waiting.bestTicks(Side.SELL)).isEqualTo(SymbolMarket.NO_PRICE);
    assertThat(view(waiting)).isEqualTo(view(set));

    // the book set when something reads it holds what the takes left
    assertThat(levels(waiting.book())).isEqualTo(levels(set.book()));
    assertThat(waiting.barBookPending()).isFalse();
  }

  @Test
  void clearingDustOfAWaitingBarBookEqualsClearingItOnTheSetBook() {
    SymbolMarket waiting = new SymbolMarket(SimKit.instrument());
    SymbolMarket set = new SymbolMarket(SimKit.instrument());
    long price = ticks("100.0");
    waiting.barBook(price, 0.0004, T0);
    set.barBook(price, 0.0004, T0);
    set.book();

    long bid = set.levelTicks(Side.BUY, 0);
    waiting.clearLevel(Side.BUY, bid);
    set.clearLevel(Side.BUY, bid);

    assertThat(view(waiting)).isEqualTo(view(set));
    assertThat(levels(waiting.book())).isEqualTo(levels(set.book()));
  }

  @Test
  void theNextBarRestoresBothSidesOfAWaitingBook() {
    SymbolMarket market = new SymbolMarket(SimKit.instrument());
    market.barBook(ticks("60000.0"), 1, T0);
    market.take(Side.BUY, market.levelTicks(Side.BUY, 0), 1000);
    assertThat(market.depth(Side.BUY)).isZero();

    market.barBook(ticks("60010.0"), 3, T0 + 60_000);

    assertThat(market.depth(Side.BUY)).isEqualTo(1);
    assertThat(market.levelQuantity(Side.BUY, 0)).isEqualTo(3.0);
    assertThat(market.book().quantityAt(Side.BUY, ticks("60009.9"))).isEqualTo(3.0);
  }
}
