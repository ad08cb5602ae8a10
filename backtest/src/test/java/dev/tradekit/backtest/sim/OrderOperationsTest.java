package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderOperationsTest {
  private final SimKit kit = new SimKit();
  private final Exchange ex = kit.account("a", "100000");

  @BeforeEach
  void book() {
    kit.snapshot("99.0", "3", "98.0", "10", "|", "100.0", "3", "101.0", "10");
  }

  private Order place(String side, String qty, String price) {
    return kit.await(
        ex.trading().place(OrderRequest.limit(SYMBOL, Side.valueOf(side), d(qty), d(price))));
  }

  private List<Order> open() {
    return kit.await(ex.trading().openOrders(SYMBOL));
  }

  @Test
  void amendKeepsTheIdAndGoesToTheBackOfTheQueue() {
    Order bid = place("BUY", "1", "99.0");
    kit.trade("99.0", 2, true); // 3 ahead -> 1 ahead
    Order amended =
        kit.await(
            ex.amendment()
                .orElseThrow()
                .amend(
                    new AmendRequest(
                        OrderRef.byId(SYMBOL, bid.orderId()), Side.BUY, d("2"), d("99.0"))));
    assertThat(amended.orderId()).isEqualTo(bid.orderId());
    assertThat(amended.quantity()).isEqualByComparingTo("2");
    assertThat(amended.status()).isEqualTo(OrderStatus.NEW);
    // re-queued behind the 3 of the level again: a 2-lot trade no longer reaches it
    kit.trade("99.0", 2, true);
    assertThat(kit.resting(Side.BUY).get(0).executedLots).isZero();
    kit.trade("99.0", 2, true); // 1 ahead left, 1 fills
    assertThat(kit.resting(Side.BUY).get(0).toOrder().executedQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void amendToACrossingPriceTakesLiquidity() {
    Order bid = place("BUY", "1", "99.0");
    Order amended =
        kit.await(
            ex.amendment()
                .orElseThrow()
                .amend(
                    new AmendRequest(
                        OrderRef.byId(SYMBOL, bid.orderId()), Side.BUY, d("1"), d("100.0"))));
    assertThat(amended.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(amended.averagePrice()).isEqualByComparingTo("100.0");
  }

  @Test
  void batchPlaceAndCancelSucceedOrFailPerItem() {
    assertThat(ex.capabilities().maxBatchPlace()).isEqualTo(5);
    assertThat(ex.capabilities().maxBatchCancel()).isEqualTo(10);
    List<BatchResult<Order>> placed =
        kit.await(
            ex.trading()
                .placeBatch(
                    List.of(
                        OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("97.0")),
                        OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("97.05")), // off the tick
                        OrderRequest.limit(SYMBOL, Side.SELL, d("1"), d("102.0")))));
    assertThat(placed).extracting(BatchResult::isSuccess).containsExactly(true, false, true);
    assertThat(placed.get(1).error()).isInstanceOf(InvalidOrderException.class);

    List<BatchResult<Order>> cancelled =
        kit.await(
            ex.trading()
                .cancelBatch(
                    List.of(
                        OrderRef.byId(SYMBOL, placed.get(0).value().orderId()),
                        OrderRef.byId(SYMBOL, "999999"),
                        OrderRef.byId(SYMBOL, placed.get(2).value().orderId()))));
    assertThat(cancelled).extracting(BatchResult::isSuccess).containsExactly(true, false, true);
    assertThat(cancelled.get(0).value().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(cancelled.get(1).error()).isInstanceOf(OrderNotFoundException.class);
    assertThat(open()).isEmpty();
  }

  @Test
  void cancelAllCancelsEveryOpenOrderOfTheSymbol() {
    place("BUY", "1", "98.5");
    place("SELL", "1", "100.5");
    assertThat(open()).hasSize(2);
    kit.await(ex.trading().cancelAll(SYMBOL));
    assertThat(open()).isEmpty();
    assertThat(kit.resting(Side.BUY)).isEmpty();
    assertThat(kit.resting(Side.SELL)).isEmpty();
  }

  @Test
  void deadManSwitchCancelsAfterTheCountdownInVirtualTimeAndReArmingReplacesIt() {
    place("BUY", "1", "98.5");
    var dms = ex.deadManSwitch().orElseThrow();
    kit.await(dms.arm(SYMBOL, Duration.ofSeconds(10)));
    kit.clock.advanceBy(Duration.ofSeconds(6));
    kit.await(dms.arm(SYMBOL, Duration.ofSeconds(10))); // re-armed at +6 s: fires at +16 s
    kit.clock.advanceBy(Duration.ofMillis(9_999));
    assertThat(open()).hasSize(1);
    kit.clock.advanceBy(Duration.ofMillis(1));
    assertThat(open()).isEmpty();

    place("BUY", "1", "98.5");
    kit.await(dms.arm(SYMBOL, Duration.ofSeconds(5)));
    kit.await(dms.disarm(SYMBOL));
    kit.clock.advanceBy(Duration.ofSeconds(60));
    assertThat(open()).hasSize(1);
  }

  @Test
  void duplicateClientOrderIdAmongOpenOrdersIsRejectedWithMinus4116() {
    OrderRequest r =
        OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("98.5")).withClientOrderId("mm-1");
    kit.await(ex.trading().place(r));
    Throwable e = kit.failure(ex.trading().place(r));
    assertThat(e).isInstanceOf(DuplicateClientOrderIdException.class);
    assertThat(((DuplicateClientOrderIdException) e).code()).isEqualTo(-4116);
    // once the first is cancelled the id is free again
    kit.await(ex.trading().cancel(OrderRef.byClientId(SYMBOL, "mm-1")));
    assertThat(kit.await(ex.trading().place(r)).status()).isEqualTo(OrderStatus.NEW);
  }

  @Test
  void cancellingAnUnknownOrderFailsWithOrderNotFound() {
    Throwable e = kit.failure(ex.trading().cancel(OrderRef.byId(SYMBOL, "424242")));
    assertThat(e).isInstanceOf(OrderNotFoundException.class);
    assertThat(((OrderNotFoundException) e).code()).isEqualTo(-2013);
    assertThat(kit.await(ex.trading().order(OrderRef.byId(SYMBOL, "424242")))).isEmpty();
  }

  @Test
  void ordersBreakingTheInstrumentFiltersAreInvalid() {
    Throwable e =
        kit.failure(
            ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("0.0005"), d("98.5"))));
    assertThat(e).isInstanceOf(InvalidOrderException.class).hasMessageContaining("BTCUSDT");
  }

  @Test
  void userEventsCarryTheOrderLifeCycle() {
    List<OrderStatus> statuses = new java.util.ArrayList<>();
    ex.streams()
        .userEvents(
            new dev.tradekit.api.UserEventListener() {
              @Override
              public void onOrderUpdate(Order order) {
                statuses.add(order.status());
              }
            });
    kit.await(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("4"), d("100.0"))));
    kit.clock.runPending();
    assertThat(statuses).containsExactly(OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED);
  }
}
