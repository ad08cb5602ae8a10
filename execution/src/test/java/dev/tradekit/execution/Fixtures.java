package dev.tradekit.execution;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Instruments, books, targets and orders for the risk and sync tests. */
final class Fixtures {
  private Fixtures() {}

  /** BTCUSDT as in 2024: tick 0.1, step 0.001, min notional 5. */
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

  /** The top of a book and the mark, as the risk manager is given them. */
  record Book(Instrument instrument, BigDecimal bid, BigDecimal ask, @Nullable BigDecimal mark) {}

  static BigDecimal bd(String s) {
    return new BigDecimal(s);
  }

  static Book book(String bid, String ask) {
    return new Book(BTC, bd(bid), bd(ask), null);
  }

  static RiskManager.Outcome filter(
      RiskManager r, java.util.List<TargetOrder> targets, Book b, String position) {
    return r.filter(targets, b.instrument(), b.bid(), b.ask(), b.mark(), bd(position));
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
