package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conditional orders through the real Binance adapter and the Algo Order API of {@link
 * FakeBinance}: placed, listed, cancelled, fired by the venue's own price and filled, with the
 * lifecycle on the user stream ({@code ALGO_UPDATE}) across a dropped connection.
 */
class ConditionalOrdersIT {
  private static final String SYMBOL = "BTCUSDT";
  private FakeBinance fake;
  private Exchange ex;
  private final List<Order> updates = new CopyOnWriteArrayList<>();
  private final List<Fill> fills = new CopyOnWriteArrayList<>();
  private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    fake =
        FakeBinance.builder()
            .account("stops", "s-stops", AccountSetup.usdt(new BigDecimal("10000")))
            .start();
    ex = fake.adapter("stops").build();
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onOrderUpdate(Order order) {
                updates.add(order);
              }

              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }

              @Override
              public void onConnectionState(ConnectionState state) {
                states.add(state);
              }
            });
  }

  @AfterEach
  void stop() {
    ex.close();
    fake.close();
  }

  private static <T> T join(CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** A trade at {@code price} on the venue: its own last price moves there. */
  private void tradeAt(BigDecimal price, Instrument i) {
    long now = fake.serverTime();
    fake.onVenueThread(
        () -> {
          ConditionalContract.trade(fake.venue(), now, i, price);
          return null;
        });
  }

  @Test
  void stopMarketFiresOnTheVenuePriceFillsAndAnotherIsCancelledAcrossAReconnect() throws Exception {
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    await("user stream connected", () -> states.contains(ConnectionState.CONNECTED));
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.010"))));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));

    Order stop = placeStopAtHalf(mark);
    Order spare =
        join(
            ex.trading()
                .place(
                    OrderRequest.stopMarket(
                            SYMBOL,
                            Side.SELL,
                            new BigDecimal("0.010"),
                            mark.multiply(new BigDecimal("0.4")))
                        .withReduceOnly()
                        .withClientOrderId("spare-stop")));
    assertThat(stop.type()).isEqualTo(OrderType.STOP_MARKET);
    assertThat(stop.status()).isEqualTo(OrderStatus.NEW);
    assertThat(stop.orderId()).startsWith("algo-");
    assertThat(stop.triggerPrice())
        .isEqualByComparingTo(
            i.roundTriggerPrice(
                mark.multiply(new BigDecimal("0.5")), Side.SELL, OrderType.STOP_MARKET));
    assertThat(join(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .containsExactlyInAnyOrder(stop.orderId(), spare.orderId());

    Order cancelled = join(ex.trading().cancel(OrderRef.byClientId(SYMBOL, "spare-stop")));
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(cancelled.orderId()).isEqualTo(spare.orderId());
    assertThat(join(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .containsExactly(stop.orderId());

    fake.faults().dropWebSockets();
    await("user stream reconnected", () -> states.contains(ConnectionState.RECONNECTED));
    assertThat(join(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .containsExactly(stop.orderId());

    tradeAt(mark.multiply(new BigDecimal("0.3")), i); // below both stops: only the live one fires
    await(
        "the stop reported TRIGGERED",
        () ->
            updates.stream()
                .anyMatch(
                    o ->
                        o.orderId().equals(stop.orderId()) && o.status() == OrderStatus.TRIGGERED));
    Order fired =
        updates.stream()
            .filter(o -> o.orderId().equals(stop.orderId()) && o.status() == OrderStatus.TRIGGERED)
            .findFirst()
            .orElseThrow();
    String marketOrderId = fired.triggeredOrderId();
    assertThat(marketOrderId).isNotNull();
    await(
        "the fill of the market order",
        () -> fills.stream().anyMatch(f -> f.orderId().equals(marketOrderId)));
    assertThat(fills.stream().filter(f -> f.orderId().equals(marketOrderId)))
        .allSatisfy(f -> assertThat(f.side()).isEqualTo(Side.SELL));
    await(
        "the position is closed",
        () -> {
          try {
            return join(ex.account().positions()).stream()
                .filter(p -> p.symbol().equals(SYMBOL))
                .map(Position::amount)
                .allMatch(a -> a.signum() == 0);
          } catch (Exception e) {
            return false;
          }
        });
    assertThat(updates)
        .noneMatch(o -> o.orderId().equals(spare.orderId()) && o.status() == OrderStatus.TRIGGERED);
    assertThat(join(ex.trading().order(OrderRef.byId(SYMBOL, stop.orderId()))))
        .hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.TRIGGERED));
    assertThat(join(ex.trading().openOrders(SYMBOL))).isEmpty();
  }

  @Test
  void aStopThatFiresWhileTheUserStreamIsSilentIsReportedTriggeredAfterTheReconnect()
      throws Exception {
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    await("user stream connected", () -> states.contains(ConnectionState.CONNECTED));
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.010"))));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));
    Order stop = placeStopAtHalf(mark);
    await(
        "the stop's NEW on the user stream",
        () -> updates.stream().anyMatch(o -> o.orderId().equals(stop.orderId())));

    // the connection goes silent; the stop fires and fills; its ALGO_UPDATE never arrives
    fake.faults().freezeWebSockets(true);
    fireThenReconnectAndAwaitTriggered(stop, mark, i);
    assertThat(updates)
        .filteredOn(o -> o.orderId().equals(stop.orderId()))
        .extracting(Order::status)
        .containsExactly(OrderStatus.NEW, OrderStatus.TRIGGERED);
  }

  @Test
  void aStopPlacedAndFiredWhileTheUserStreamIsSilentIsReportedTriggeredAfterTheReconnect()
      throws Exception {
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    await("user stream connected", () -> states.contains(ConnectionState.CONNECTED));
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, new BigDecimal("0.010"))));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));

    // the connection goes silent; a stop is placed, fires and fills: the stream never shows it
    fake.faults().freezeWebSockets(true);
    Order stop = placeStopAtHalf(mark);
    fireThenReconnectAndAwaitTriggered(stop, mark, i);
    assertThat(updates)
        .filteredOn(o -> o.orderId().equals(stop.orderId()))
        .extracting(Order::status)
        .as("only its end, once (the NEW was never on the stream)")
        .containsExactly(OrderStatus.TRIGGERED);
  }

  /** A reduce-only stop-market sell of 0.010 with its trigger at half the mark price. */
  private Order placeStopAtHalf(BigDecimal mark) throws Exception {
    return join(
        ex.trading()
            .place(
                OrderRequest.stopMarket(
                        SYMBOL,
                        Side.SELL,
                        new BigDecimal("0.010"),
                        mark.multiply(new BigDecimal("0.5")))
                    .withReduceOnly()));
  }

  /**
   * While the user stream is frozen, trades through {@code stop}'s trigger until it leaves the open
   * orders; then drops and thaws the socket and waits for the recovered TRIGGERED of the stop.
   */
  private void fireThenReconnectAndAwaitTriggered(Order stop, BigDecimal mark, Instrument i)
      throws Exception {
    tradeAt(mark.multiply(new BigDecimal("0.3")), i);
    await("the stop left the open orders", () -> openOrders().isEmpty());
    fake.faults().dropWebSockets();
    fake.faults().freezeWebSockets(false);
    await("user stream reconnected", () -> states.contains(ConnectionState.RECONNECTED));

    await(
        "the recovered TRIGGERED of the stop",
        () ->
            updates.stream()
                .anyMatch(
                    o ->
                        o.orderId().equals(stop.orderId())
                            && o.status() == OrderStatus.TRIGGERED
                            && o.triggeredOrderId() != null));
  }

  private List<Order> openOrders() {
    try {
      return join(ex.trading().openOrders(SYMBOL));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
