package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real Binance adapter against the fake: what it reports equals the simulator's state. */
class AdapterAgainstFakeIT {
  static FakeBinance fake;
  static Exchange ex;

  @BeforeAll
  static void start() {
    fake =
        FakeBinance.builder()
            .account("key-a", "secret-a", AccountSetup.usdt(new BigDecimal("10000")))
            .account("key-b", "secret-b", AccountSetup.usdt(new BigDecimal("500")))
            .account("key-c", "secret-c", AccountSetup.usdt(new BigDecimal("10000")))
            .start();
    ex = adapter("key-a");
  }

  static Exchange adapter(String key) {
    return fake.adapter(key).build();
  }

  @AfterAll
  static void stop() {
    ex.close();
    fake.close();
  }

  static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void placedRestingOrderIsOnTheVenueAndCancelRemovesIt() throws Exception {
    Order placed =
        join(ex.trading().place(OrderRequest.limit("BTCUSDT", Side.BUY, d("0.010"), d("40000.0"))));
    assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
    assertThat(placed.price()).isEqualByComparingTo("40000");
    List<Order> onVenue = join(fake.venue().account("key-a").trading().openOrders("BTCUSDT"));
    assertThat(onVenue).extracting(Order::orderId).contains(placed.orderId());
    assertThat(join(ex.trading().openOrders("BTCUSDT")))
        .extracting(Order::orderId)
        .contains(placed.orderId());

    Order cancelled = join(ex.trading().cancel(OrderRef.byId("BTCUSDT", placed.orderId())));
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(join(fake.venue().account("key-a").trading().openOrders("BTCUSDT")))
        .extracting(Order::orderId)
        .doesNotContain(placed.orderId());
  }

  @Test
  void marketOrderFillsAndUserStreamDeliversTheFill() throws Exception {
    List<Fill> fills = new CopyOnWriteArrayList<>();
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    try (Exchange b = adapter("key-b")) {
      b.streams()
          .userEvents(
              new UserEventListener() {
                @Override
                public void onFill(Fill fill) {
                  fills.add(fill);
                }

                @Override
                public void onConnectionState(ConnectionState s) {
                  states.add(s);
                }
              });
      awaitTrue(() -> states.contains(ConnectionState.CONNECTED), 20_000);
      Order o = join(b.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, d("0.005"))));
      assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(o.executedQuantity()).isEqualByComparingTo("0.005");
      awaitTrue(() -> !fills.isEmpty(), 20_000);
      assertThat(fills.get(0).orderId()).isEqualTo(o.orderId());
      assertThat(fills.get(0).quantity()).isEqualByComparingTo("0.005");

      List<Position> adapterPositions = join(b.account().positions());
      List<Position> venuePositions = join(fake.venue().account("key-b").account().positions());
      assertThat(adapterPositions).hasSize(1);
      assertThat(adapterPositions.get(0).amount())
          .isEqualByComparingTo(venuePositions.get(0).amount());
      assertThat(adapterPositions.get(0).entryPrice())
          .isEqualByComparingTo(venuePositions.get(0).entryPrice());

      AccountSnapshot a = join(b.account().snapshot());
      AccountSnapshot v = join(fake.venue().account("key-b").account().snapshot());
      assertThat(a.balance("USDT").orElseThrow().walletBalance())
          .isEqualByComparingTo(v.balance("USDT").orElseThrow().walletBalance());
      assertThat(a.balance("USDT").orElseThrow().walletBalance()).isLessThan(d("500"));
    }
  }

  @Test
  void batchPlaceAmendAndBatchCancel() throws Exception {
    List<BatchResult<Order>> placed =
        join(
            ex.trading()
                .placeBatch(
                    List.of(
                        OrderRequest.limit("BTCUSDT", Side.BUY, d("0.002"), d("41000.0")),
                        OrderRequest.limit("BTCUSDT", Side.BUY, d("0.003"), d("41001.0")))));
    assertThat(placed).allMatch(BatchResult::isSuccess);
    Order first = placed.get(0).value();
    Order amended =
        join(
            ex.amendment()
                .orElseThrow()
                .amend(
                    new AmendRequest(
                        OrderRef.byId("BTCUSDT", first.orderId()),
                        Side.BUY,
                        d("0.002"),
                        d("41100.0"))));
    assertThat(amended.price()).isEqualByComparingTo("41100");
    Order onVenue =
        join(fake.venue()
                .account("key-a")
                .trading()
                .order(OrderRef.byId("BTCUSDT", first.orderId())))
            .orElseThrow();
    assertThat(onVenue.price()).isEqualByComparingTo("41100");

    List<BatchResult<Order>> cancelled =
        join(
            ex.trading()
                .cancelBatch(
                    List.of(
                        OrderRef.byId("BTCUSDT", first.orderId()),
                        OrderRef.byId("BTCUSDT", placed.get(1).value().orderId()))));
    assertThat(cancelled)
        .allMatch(r -> r.isSuccess() && r.value().status() == OrderStatus.CANCELED);
  }

  @Test
  void insufficientMarginIsBinanceMinus2019() throws Exception {
    Throwable t =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> join(ex.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, d("100")))));
    assertThat(t)
        .cause()
        .isInstanceOfSatisfying(
            dev.tradekit.api.error.ExchangeException.class,
            e -> assertThat(e.code()).isEqualTo(-2019));
  }

  @Test
  void marginTypeIsSetThroughTheAdapterAndRefusedWithAnOpenPosition() throws Exception {
    try (Exchange b = adapter("key-c")) {
      dev.tradekit.api.MarginModes modes = b.marginModes().orElseThrow();
      join(modes.setMarginType("BTCUSDT", dev.tradekit.api.model.MarginType.ISOLATED));
      join(modes.setMarginType("BTCUSDT", dev.tradekit.api.model.MarginType.ISOLATED)); // -4046
      join(b.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, d("0.001"))));
      assertThat(join(b.account().positions()))
          .filteredOn(p -> p.symbol().equals("BTCUSDT"))
          .isNotEmpty()
          .allSatisfy(
              p ->
                  assertThat(p.marginType()).isEqualTo(dev.tradekit.api.model.MarginType.ISOLATED));
      Throwable t =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> join(modes.setMarginType("BTCUSDT", dev.tradekit.api.model.MarginType.CROSS)));
      assertThat(t)
          .cause()
          .isInstanceOfSatisfying(
              dev.tradekit.api.error.ExchangeException.class,
              e -> assertThat(e.code()).isEqualTo(-4048));
      join(
          b.trading()
              .place(
                  OrderRequest.builder()
                      .symbol("BTCUSDT")
                      .side(Side.SELL)
                      .type(dev.tradekit.api.model.OrderType.MARKET)
                      .quantity(d("0.001"))
                      .reduceOnly(true)
                      .build()));
    }
  }

  static void awaitTrue(java.util.function.BooleanSupplier c, long millis) throws Exception {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!c.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertThat(c.getAsBoolean()).as("condition within " + millis + " ms").isTrue();
  }
}
