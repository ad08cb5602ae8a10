package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarginModes;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimMarginModesTest {
  private final SimKit kit = new SimKit();
  private final Exchange ex = kit.account("a", "100000");
  private final MarginModes modes = ex.marginModes().orElseThrow();

  @BeforeEach
  void book() {
    kit.snapshot("99.0", "3", "98.0", "10", "|", "100.0", "3", "101.0", "10");
  }

  private int refusal(MarginType type) {
    Throwable t = kit.failure(modes.setMarginType(SYMBOL, type));
    assertThat(t).isInstanceOf(ExchangeException.class);
    return ((ExchangeException) t).code();
  }

  @Test
  void isolatedTypeIsReportedOnTheSymbolsPositionsAndTheSameTypeAgainSucceeds() {
    kit.await(modes.setMarginType(SYMBOL, MarginType.ISOLATED));
    kit.await(modes.setMarginType(SYMBOL, MarginType.ISOLATED));
    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("1"))));
    assertThat(kit.await(ex.account().positions()))
        .singleElement()
        .satisfies(p -> assertThat(p.marginType()).isEqualTo(MarginType.ISOLATED));
  }

  @Test
  void aChangeIsRefusedWithAnOpenPositionOrOpenOrders() {
    kit.await(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("90.0"))));
    assertThat(refusal(MarginType.ISOLATED)).isEqualTo(-4047);
    kit.await(ex.trading().cancelAll(SYMBOL));
    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("1"))));
    assertThat(refusal(MarginType.ISOLATED)).isEqualTo(-4048);
    assertThat(kit.await(ex.account().positions()))
        .singleElement()
        .satisfies(p -> assertThat(p.marginType()).isEqualTo(MarginType.CROSS));
  }
}
