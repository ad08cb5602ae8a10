package dev.tradekit.marketmaker;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.util.List;

/** Instruments, markets and contexts for strategy, risk and sync tests. */
final class Fixtures {
  private Fixtures() {}

  /** BTCUSDT as in 2024: tick 0.1, step 0.001. */
  static final Instrument BTC =
      Instrument.builder()
          .symbol("BTCUSDT")
          .baseAsset("BTC")
          .quoteAsset("USDT")
          .tickSize(bd("0.1"))
          .minPrice(bd("0.1"))
          .maxPrice(bd("1000000"))
          .stepSize(bd("0.001"))
          .minQty(bd("0.001"))
          .maxQty(bd("1000"))
          .minNotional(bd("5"))
          .build();

  /** A cents-tick instrument for hand-computed quotes around 100. */
  static final Instrument CENTS =
      Instrument.builder()
          .symbol("TESTUSDT")
          .baseAsset("TEST")
          .quoteAsset("USDT")
          .tickSize(bd("0.01"))
          .minPrice(bd("0.01"))
          .maxPrice(bd("100000"))
          .stepSize(bd("0.001"))
          .minQty(bd("0.001"))
          .maxQty(bd("10000"))
          .build();

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  static MarketState market(Instrument i, String bid, String ask) {
    return new MarketState(i, bd(bid), bd(ask), null, 0);
  }

  static Inventory inventory(String position, String entry, String equity) {
    return new Inventory(bd(position), bd(entry), bd(equity), bd(equity));
  }

  static QuoteContext ctx(MarketState m, Inventory inv, QuoteParameters p, long now) {
    return new QuoteContext(m, inv, List.of(), now, p);
  }

  static QuoteContext ctx(MarketState m, QuoteParameters p) {
    return ctx(m, inventory("0", "0", "1000"), p, 0);
  }

  static Order openOrder(String clientId, Side side, String price, String qty) {
    return Order.builder()
        .symbol("BTCUSDT")
        .orderId("v-" + clientId)
        .clientOrderId(clientId)
        .side(side)
        .type(OrderType.LIMIT)
        .price(bd(price))
        .quantity(bd(qty))
        .status(OrderStatus.NEW)
        .build();
  }

  static TargetOrder buy(String price, String qty) {
    return TargetOrder.limit(Side.BUY, bd(price), bd(qty));
  }

  static TargetOrder sell(String price, String qty) {
    return TargetOrder.limit(Side.SELL, bd(price), bd(qty));
  }
}
