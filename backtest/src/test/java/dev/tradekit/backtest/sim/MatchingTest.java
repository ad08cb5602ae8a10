package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static dev.tradekit.backtest.sim.SimKit.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingTest {
  private final SimKit kit = new SimKit();
  private final Exchange ex = kit.account("a", "100000");
  private final List<Fill> fills = new ArrayList<>();

  MatchingTest() {
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }
            });
  }

  private Order place(OrderRequest r) {
    return kit.await(ex.trading().place(r));
  }

  private static OrderRequest limit(Side side, String qty, String price, TimeInForce tif) {
    return OrderRequest.builder()
        .symbol(SYMBOL)
        .side(side)
        .quantity(d(qty))
        .price(d(price))
        .timeInForce(tif)
        .build();
  }

  @Test
  void marketBuyWalksTheAsksWithSlippageAndPaysTakerFee() {
    kit.snapshot("99.5", "4", "|", "100.0", "1", "100.5", "2", "101.0", "5");

    Order o = place(OrderRequest.market(SYMBOL, Side.BUY, d("2.5")));
    kit.clock.runPending();

    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    // (100 * 1 + 100.5 * 1.5) / 2.5 = 250.75 / 2.5 = 100.3
    assertThat(o.averagePrice()).isEqualByComparingTo("100.3");
    assertThat(fills)
        .extracting(Fill::price)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("100.0"), d("100.5"));
    assertThat(fills)
        .extracting(Fill::quantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("1.000"), d("1.500"));
    assertThat(fills).allMatch(f -> !f.maker());
    BigDecimal fee = fills.stream().map(Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(fee).isEqualByComparingTo("0.125375"); // 250.75 * 0.0005, 0.13 to the cent
    // the quantity taken leaves the market book until the next depth update
    assertThat(kit.venue.book(SYMBOL).bestAskTicks()).isEqualTo(ticks("100.5"));
    assertThat(kit.venue.book(SYMBOL).bestAskQuantity())
        .isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void restingBidFillsOnlyAfterTheQuantityAheadHasTraded() {
    kit.snapshot("99.0", "3", "|", "99.5", "5");
    Order bid = place(OrderRequest.limit(SYMBOL, Side.BUY, d("2"), d("99.0")));
    assertThat(bid.status()).isEqualTo(OrderStatus.NEW);

    kit.trade("99.0", 2, true); // 3 ahead -> 1 ahead, nothing for us
    kit.clock.runPending();
    assertThat(fills).isEmpty();

    kit.trade("99.0", 2, true); // 1 more consumes the queue, 1 fills us
    kit.clock.runPending();
    assertThat(fills).hasSize(1);
    Fill f = fills.get(0);
    assertThat(f.quantity()).isEqualByComparingTo("1");
    assertThat(f.price()).isEqualByComparingTo("99.0");
    assertThat(f.maker()).isTrue();
    assertThat(f.commission()).isEqualByComparingTo("0.0198"); // 99 * 1 * 0.0002
    Order now =
        kit.await(ex.trading().order(dev.tradekit.api.model.OrderRef.byId(SYMBOL, bid.orderId())))
            .orElseThrow();
    assertThat(now.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(now.executedQuantity()).isEqualByComparingTo("1");
  }

  @Test
  void buyerAggressorTradesDoNotFillABid() {
    kit.snapshot("99.0", "0.5", "|", "99.5", "5");
    place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("99.0")));
    kit.trade("99.5", 3, false);
    kit.clock.runPending();
    assertThat(fills).isEmpty();
  }

  @Test
  void tradeThroughTheBidFillsTheWholeRemainderAtTheBid() {
    kit.snapshot("99.0", "50", "|", "99.5", "5");
    place(OrderRequest.limit(SYMBOL, Side.BUY, d("1.5"), d("99.0")));
    kit.trade("98.9", 0.1, true);
    kit.clock.runPending();
    assertThat(fills)
        .extracting(Fill::price)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("99.0"));
    assertThat(fills)
        .extracting(Fill::quantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("1.500"));
  }

  @Test
  void askReachingTheBidWithoutATradeFillsAtTheBidAsMaker() {
    kit.snapshot("99.0", "50", "|", "99.5", "5");
    place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("99.0")));
    kit.depth(Side.SELL, "99.5", "0", "98.9", "2");
    kit.clock.runPending();
    assertThat(fills).hasSize(1);
    assertThat(fills.get(0).price()).isEqualByComparingTo("99.0");
    assertThat(fills.get(0).maker()).isTrue();
  }

  @Test
  void postOnlyThatWouldCrossIsRejectedWithMinus5022AndOneThatRestsIsAccepted() {
    kit.snapshot("99.0", "1", "|", "99.5", "1");
    Throwable e =
        kit.failure(ex.trading().place(OrderRequest.postOnly(SYMBOL, Side.BUY, d("1"), d("99.5"))));
    assertThat(e).isInstanceOf(OrderRejectedException.class);
    assertThat(((OrderRejectedException) e).code()).isEqualTo(-5022);
    assertThat(place(OrderRequest.postOnly(SYMBOL, Side.BUY, d("1"), d("99.4"))).status())
        .isEqualTo(OrderStatus.NEW);
  }

  @Test
  void iocFillsWhatCrossesAndExpiresTheRest() {
    kit.snapshot("99.0", "1", "|", "100.0", "1", "100.5", "2");
    Order o = place(limit(Side.BUY, "2", "100.2", TimeInForce.IOC));
    assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(o.executedQuantity()).isEqualByComparingTo("1");
    assertThat(o.averagePrice()).isEqualByComparingTo("100.0");
  }

  @Test
  void fokIsAllOrNothing() {
    kit.snapshot("99.0", "1", "|", "100.0", "1", "100.5", "2");
    Order killed = place(limit(Side.BUY, "2", "100.2", TimeInForce.FOK));
    assertThat(killed.status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(killed.executedQuantity()).isEqualByComparingTo("0");
    assertThat(kit.venue.book(SYMBOL).bestAskQuantity()).isEqualTo(1.0);

    Order filled = place(limit(Side.BUY, "2", "100.5", TimeInForce.FOK));
    assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(filled.averagePrice()).isEqualByComparingTo("100.25");
  }

  @Test
  void crossingGtcLimitTakesThenRestsTheRemainder() {
    kit.snapshot("99.0", "1", "|", "100.0", "1", "100.5", "2");
    Order o = place(OrderRequest.limit(SYMBOL, Side.BUY, d("3"), d("100.0")));
    assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    assertThat(o.executedQuantity()).isEqualByComparingTo("1");
    assertThat(kit.resting(Side.BUY)).hasSize(1);
    // it now rests at 100.0 and fills when a seller comes
    kit.trade("100.0", 2, true);
    kit.clock.runPending();
    assertThat(fills).hasSize(2);
    assertThat(fills.get(1).maker()).isTrue();
    assertThat(fills.get(1).quantity()).isEqualByComparingTo("2");
  }

  @Test
  void proportionalQueueAdvancesOnCancellationsWhereConservativeDoesNot() {
    assertThat(fillAfterCancellations(QueueModel.CONSERVATIVE)).isEqualByComparingTo("0");
    assertThat(fillAfterCancellations(QueueModel.PROPORTIONAL)).isEqualByComparingTo("0.5");
  }

  /**
   * Diffs on a synced book only look at the orders at their own levels: a diff elsewhere leaves the
   * queue as it was but still ends the window in which trades explain a level's decrease. 4 ahead,
   * 1 trades (3 ahead), a diff at 98.5, then 99.0 drops 4 → 2: all 2 count as cancellations, 3 - 2
   * * 3 / 4 = 1.5 ahead; a 2.0 trade then fills 0.5.
   */
  @Test
  void diffsElsewhereKeepTheQueueAndEndTheTradeWindow() {
    SimKit k = new SimKit(b -> b.queueModel(QueueModel.PROPORTIONAL));
    Exchange a = k.account("q", "100000");
    k.snapshot("99.0", "4", "98.5", "10", "|", "99.5", "5");
    k.await(a.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("99.0"))));
    k.depth(Side.BUY, "98.5", "11");
    SimOrder o = k.resting(Side.BUY).get(0);
    assertThat(o.queueAhead).isEqualTo(4.0);
    k.trade("99.0", 1.0, true);
    assertThat(o.queueAhead).isEqualTo(3.0);
    k.depth(Side.BUY, "98.5", "12");
    assertThat(o.queueAhead).isEqualTo(3.0);
    k.depth(Side.BUY, "99.0", "2");
    assertThat(o.queueAhead).isEqualTo(1.5);
    k.trade("99.0", 2.0, true);
    assertThat(o.toOrder().executedQuantity()).isEqualByComparingTo("0.5");
  }

  /**
   * 4 ahead of us, 2 join behind (level 6), 3 cancel (level 3): conservative keeps min(4, 3) = 3
   * ahead, proportional 4 - 3 * 4 / 6 = 2; then 2.5 trade.
   */
  private static BigDecimal fillAfterCancellations(QueueModel model) {
    SimKit k = new SimKit(b -> b.queueModel(model));
    Exchange a = k.account("q", "100000");
    k.snapshot("99.0", "4", "|", "99.5", "5");
    k.await(a.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("99.0"))));
    k.depth(Side.BUY, "99.0", "6");
    k.depth(Side.BUY, "99.0", "3");
    k.trade("99.0", 2.5, true);
    return k.resting(Side.BUY).get(0).toOrder().executedQuantity();
  }
}
