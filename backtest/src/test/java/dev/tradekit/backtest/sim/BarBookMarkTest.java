package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.T0;
import static dev.tradekit.backtest.sim.SimKit.d;
import static dev.tradekit.backtest.sim.SimKit.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Side;
import org.junit.jupiter.api.Test;

class BarBookMarkTest {

  @Test
  void theMarkOfAWaitingBarBookIsTheBarPriceAndLeavesTheBookWaiting() {
    SymbolMarket market = new SymbolMarket(SimKit.instrument());
    market.barBook(ticks("60000.0"), 2.5, T0);

    assertThat(market.mark()).isEqualByComparingTo(d("60000.0"));
    assertThat(market.barBookPending()).isTrue();

    // the book set when read is the one the mark was taken from
    assertThat(market.book().bestBidTicks()).isEqualTo(ticks("59999.9"));
    assertThat(market.book().bestAskTicks()).isEqualTo(ticks("60000.1"));
    assertThat(market.book().quantityAt(Side.BUY, ticks("59999.9"))).isEqualTo(2.5);
    assertThat(market.barBookPending()).isFalse();
  }

  @Test
  void theMarkReadBeforeTheBarBookIsSetEqualsTheOneReadAfterValueAndScale() {
    SymbolMarket waiting = new SymbolMarket(SimKit.instrument());
    SymbolMarket set = new SymbolMarket(SimKit.instrument());
    for (String price : new String[] {"60000.0", "59990.3", "0.2", "0.1"}) {
      waiting.barBook(ticks(price), 1, T0);
      set.barBook(ticks(price), 1, T0);
      set.book();

      assertThat(waiting.mark()).isEqualTo(set.mark());
    }
    // at one tick the bid would be 0: the last price is the mark either way
    assertThat(waiting.mark()).isEqualTo(d("0.1"));
  }

  @Test
  void aTakerReadingTheBookAfterTheMarkSeesTheLatestBar() {
    SymbolMarket market = new SymbolMarket(SimKit.instrument());
    market.barBook(ticks("60000.0"), 1, T0);
    assertThat(market.mark()).isEqualByComparingTo(d("60000.0"));
    market.barBook(ticks("60100.0"), 3, T0 + 60_000);

    assertThat(market.mark()).isEqualByComparingTo(d("60100.0"));
    assertThat(market.book().bestAskTicks()).isEqualTo(ticks("60100.1"));
    assertThat(market.book().quantityAt(Side.SELL, ticks("60100.1"))).isEqualTo(3.0);
  }

  @Test
  void theMarkIsTheMidInPlainFormWhetherItFallsOnATickOrBetweenTwo() {
    SimKit kit = new SimKit();
    kit.account("a", "1000");

    kit.snapshot("99.0", "5", "|", "100.1", "5");
    assertThat(kit.venue.markPrice(SimKit.SYMBOL)).isEqualTo(d("99.55"));
    kit.snapshot("99.0", "5", "|", "100.0", "5");
    assertThat(kit.venue.markPrice(SimKit.SYMBOL)).isEqualTo(d("99.5"));
    kit.snapshot("99.0", "5", "|", "101.0", "5");
    assertThat(kit.venue.markPrice(SimKit.SYMBOL)).isEqualTo(d("100")); // scale 0, no exponent
  }
}
