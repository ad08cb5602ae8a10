package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stop, take-profit and trailing stop orders fire on the price path and fill at the next price. */
class ConditionalOrdersTest {
  private final SimKit kit = new SimKit();
  private final Exchange ex = kit.account("a", "100000");
  private final List<Fill> fills = new ArrayList<>();
  private final List<Order> updates = new ArrayList<>();

  ConditionalOrdersTest() {
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }

              @Override
              public void onOrderUpdate(Order order) {
                updates.add(order);
              }
            });
  }

  private Order place(OrderRequest r) {
    return kit.await(ex.trading().place(r));
  }

  private void longOne() {
    kit.snapshot("99.9", "10", "|", "100.0", "10");
    place(OrderRequest.market(SYMBOL, Side.BUY, d("1")));
    kit.clock.runPending();
    fills.clear();
  }

  @Test
  void stopMarketFiresWhenTheTradePriceFallsToItAndFillsAtTheNextPrice() {
    longOne();
    Order stop =
        place(OrderRequest.stopMarket(SYMBOL, Side.SELL, d("1"), d("95")).withReduceOnly());
    assertThat(stop.status()).isEqualTo(OrderStatus.NEW);
    assertThat(stop.type()).isEqualTo(OrderType.STOP_MARKET);
    assertThat(stop.triggerPrice()).isEqualByComparingTo("95");
    assertThat(kit.await(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .containsExactly(stop.orderId());

    kit.trade("96.0", 1, true);
    kit.clock.runPending();
    assertThat(fills).isEmpty();

    kit.trade("95.0", 1, true); // reaches the trigger: fires, places nothing yet
    kit.clock.runPending();
    assertThat(fills).isEmpty();

    kit.snapshot("94.0", "10", "|", "94.5", "10"); // the next price: the market order sells here
    kit.clock.runPending();
    assertThat(fills).hasSize(1);
    assertThat(fills.get(0).price()).isEqualByComparingTo("94.0");
    assertThat(fills.get(0).side()).isEqualTo(Side.SELL);
    Order fired =
        kit.await(ex.trading().order(OrderRef.byId(SYMBOL, stop.orderId()))).orElseThrow();
    assertThat(fired.status()).isEqualTo(OrderStatus.TRIGGERED);
    assertThat(fired.triggeredOrderId()).isEqualTo(fills.get(0).orderId());
    assertThat(updates).anySatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.TRIGGERED));
    assertThat(kit.await(ex.account().positions()))
        .allSatisfy(p -> assertThat(p.amount()).isZero());
    assertThat(kit.await(ex.trading().openOrders(SYMBOL))).isEmpty();
  }

  @Test
  void takeProfitFiresOnABarHighAndACancelledStopNeverFires() {
    longOne();
    Order tp = place(OrderRequest.takeProfitMarket(SYMBOL, Side.SELL, d("1"), d("105")));
    Order stop = place(OrderRequest.stopMarket(SYMBOL, Side.SELL, d("1"), d("99.8")));
    Order cancelled = kit.await(ex.trading().cancel(OrderRef.byId(SYMBOL, stop.orderId())));
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);

    kit.trade("99.0", 1, true); // below the cancelled stop: nothing
    kit.clock.runPending();
    kit.trade("105.0", 1, false);
    kit.snapshot("104.0", "10", "|", "104.5", "10");
    kit.clock.runPending();
    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("104.0"));
    assertThat(
            kit.await(ex.trading().order(OrderRef.byId(SYMBOL, tp.orderId())))
                .orElseThrow()
                .status())
        .isEqualTo(OrderStatus.TRIGGERED);
  }

  @Test
  void trailingStopFollowsTheBestPriceAndFiresOnTheRetrace() {
    longOne();
    place(OrderRequest.trailingStopMarket(SYMBOL, Side.SELL, d("1"), d("2")));
    for (String p : new String[] {"101", "104", "110", "108.0"}) {
      kit.trade(p, 1, false);
      kit.clock.runPending();
    }
    assertThat(fills).isEmpty(); // 108 > 110 * 0.98 = 107.8
    kit.trade("107.8", 1, true);
    kit.snapshot("107.0", "10", "|", "107.5", "10");
    kit.clock.runPending();
    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("107.0"));
  }

  @Test
  void closePositionSellsWhatIsHeldAndDuplicateClientIdsAreRefused() {
    longOne();
    OrderRequest close =
        OrderRequest.stopMarket(SYMBOL, Side.SELL, d("0.001"), d("95"))
            .withTrigger(Trigger.at(d("95")).closingPosition())
            .withClientOrderId("stop-1");
    place(close);
    assertThatThrownBy(() -> kit.await(ex.trading().place(close)))
        .hasCauseInstanceOf(DuplicateClientOrderIdException.class);
    kit.trade("94.0", 1, true);
    kit.snapshot("93.0", "10", "|", "93.5", "10");
    kit.clock.runPending();
    assertThat(fills)
        .singleElement()
        .satisfies(f -> assertThat(f.quantity()).isEqualByComparingTo("1"));
  }
}
