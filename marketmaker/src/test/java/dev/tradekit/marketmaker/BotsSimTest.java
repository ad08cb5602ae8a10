package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.SimMarket.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Grid and DCA bots run by the engine on the simulated venue. */
class BotsSimTest {
  private static final SyncSettings SYNC =
      SyncSettings.builder()
          .minRequoteInterval(Duration.ofMillis(100))
          .refreshInterval(Duration.ofSeconds(1))
          .build();
  private final SimMarket m = new SimMarket();

  private static BigDecimal plain(Order o) {
    BigDecimal s = SimMarket.price(o).stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  @Test
  void dcaBotBuysAtMarketThenRestsSafetyOrdersAndTakeProfit() {
    Strategy dca =
        Strategies.dca()
            .baseOrder(bd("0.002"))
            .safetyOrder(bd("0.002"))
            .priceDeviation(bd("0.01"))
            .maxSafetyOrders(2)
            .takeProfit(bd("0.005"))
            .build();
    m.book("60000.0", "60000.2");
    MarketMaker mm =
        MarketMaker.builder()
            .name("dca")
            .exchange(m.exchange)
            .symbol(SimMarket.SYMBOL)
            .strategy(dca)
            .scheduler(m.clock)
            .sync(SYNC)
            .listener(m.events::add)
            .build();
    m.await(mm.start());
    m.advance(1_000);
    assertThat(mm.status().position()).isEqualByComparingTo("0.002");
    assertThat(mm.status().entryPrice()).isEqualByComparingTo("60000.2");
    // TP 60000.2 * 1.005 = 60300.201 -> 60300.3; SOs 59400.198 -> 59400.1, 58800.196 -> 58800.1
    assertThat(m.venueOrders())
        .extracting(Order::side, BotsSimTest::plain, Order::reduceOnly)
        .containsExactly(
            tuple(Side.BUY, bd("59400.1"), false),
            tuple(Side.BUY, bd("58800.1"), false),
            tuple(Side.SELL, bd("60300.3"), true));
  }

  @Test
  void gridStopLossClosesThePositionAndStopsTheBot() {
    Strategy grid =
        Strategies.grid()
            .range(bd("59000"), bd("61000"))
            .count(5)
            .amountPerGrid(bd("0.001"))
            .stopLoss(bd("58000"))
            .build();
    m.book("60000.0", "60000.2");
    MarketMaker mm =
        MarketMaker.builder()
            .name("grid")
            .exchange(m.exchange)
            .symbol(SimMarket.SYMBOL)
            .strategy(grid)
            .scheduler(m.clock)
            .sync(SYNC)
            .listener(m.events::add)
            .build();
    m.await(mm.start());
    m.advance(500);
    assertThat(m.venueOrders())
        .extracting(Order::side, BotsSimTest::plain)
        .containsExactly(
            tuple(Side.BUY, bd("59500")),
            tuple(Side.BUY, bd("59000")),
            tuple(Side.SELL, bd("60500")),
            tuple(Side.SELL, bd("61000")));
    m.book("57900.0", "57900.2"); // falls through both buys and the stop-loss
    m.advance(4_000); // close, then flat for a second, then the next cycle stops
    assertThat(mm.status().state()).isEqualTo("STOPPED");
    assertThat(mm.status().position()).isEqualByComparingTo("0");
    assertThat(m.venueOrders()).isEmpty();
    assertThat(m.count(TradingEvent.TargetReached.class)).isEqualTo(1);
    assertThat(m.count(TradingEvent.OrderFilled.class)).isEqualTo(3); // two buys, one close
  }
}
