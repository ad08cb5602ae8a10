package dev.tradekit.testkit;

import static dev.tradekit.testkit.ExchangeContract.SYMBOL;
import static dev.tradekit.testkit.ExchangeContract.await;
import static dev.tradekit.testkit.ExchangeContract.d;
import static dev.tradekit.testkit.ExchangeContract.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The conditional-order cases of {@link ExchangeContract}, for the types the venue holds ({@code
 * capabilities().supports}): reduce-only stop-market and take-profit-market rest on the venue with
 * their trigger on the tick grid and are listed; a price move fires the stop once (its fills come
 * under {@link Order#triggeredOrderId()} and close the position) while the take-profit stays and is
 * cancelled; a reduce-only stop with nothing to close fires without opening a position.
 */
final class ConditionalContract {
  private final ExchangeContract.Venue venue;

  ConditionalContract(ExchangeContract.Venue venue) {
    this.venue = venue;
  }

  /** A trade at {@code price} on the venue: its own last price moves there. */
  private void tradeAt(Instrument i, BigDecimal price) {
    long now = venue.serverTime();
    venue.onVenueThread(() -> trade(venue.sim(), now, i, price));
  }

  /**
   * A trade of {@code i} at {@code price} (rounded down to the tick) at {@code now} on {@code sim};
   * call it on the venue's thread.
   */
  static void trade(SimVenue sim, long now, Instrument i, BigDecimal price) {
    TickScale scale = TickScale.of(i.tickSize());
    MarketEvent e =
        new MarketEvent().reset(MarketEvent.Type.TRADE, i.symbol(), now, now * 1_000_000L);
    e.trade(1, scale.toTicks(i.roundPrice(price, RoundingMode.DOWN)), 0.001, true);
    sim.onMarketEvent(e);
  }

  /** The user events of one account, recorded. */
  private static final class Recorder implements UserEventListener {
    final List<Order> orders = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();

    @Override
    public void onOrderUpdate(Order o) {
      orders.add(o);
    }

    @Override
    public void onFill(Fill f) {
      fills.add(f);
    }

    @Override
    public void onConnectionState(ConnectionState s) {
      states.add(s);
    }

    Optional<Order> ended(String clientOrderId) {
      return orders.stream()
          .filter(o -> clientOrderId.equals(o.clientOrderId()) && o.status().isTerminal())
          .findFirst();
    }
  }

  private static boolean supportsStops(Exchange ex) {
    return ex.capabilities().supports(OrderType.STOP_MARKET)
        && ex.capabilities().supports(OrderType.TAKE_PROFIT_MARKET);
  }

  private static List<Order> conditional(Exchange ex) throws Exception {
    return join(ex.trading().openOrders(SYMBOL)).stream()
        .filter(o -> o.type().isConditional())
        .toList();
  }

  private static BigDecimal position(Exchange ex) throws Exception {
    return join(ex.account().positions()).stream()
        .filter(p -> p.symbol().equals(SYMBOL))
        .map(p -> p.amount())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static boolean positionIs(Exchange ex, String amount) {
    try {
      return position(ex).compareTo(d(amount)) == 0;
    } catch (Exception e) {
      return false;
    }
  }

  void stopsRestAreListedFireOnceOnAPriceMoveAndTheOtherIsCancelled(Exchange ex) throws Exception {
    if (!supportsStops(ex)) {
      return;
    }
    Recorder events = new Recorder();
    Subscription sub = ex.streams().userEvents(events);
    await("user stream", () -> events.states.contains(ConnectionState.CONNECTED));
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("0.004"))));
    await("long 0.004", () -> positionIs(ex, "0.004"));
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));
    BigDecimal stopAt = mark.multiply(d("0.5")).add(d("0.03"));
    BigDecimal tpAt = mark.multiply(d("1.5")).add(d("0.03"));

    Order stop =
        join(
            ex.trading()
                .place(
                    OrderRequest.stopMarket(SYMBOL, Side.SELL, d("0.004"), stopAt)
                        .withReduceOnly()
                        .withClientOrderId("contract-sl")));
    Order tp =
        join(
            ex.trading()
                .place(
                    OrderRequest.takeProfitMarket(SYMBOL, Side.SELL, d("0.004"), tpAt)
                        .withReduceOnly()
                        .withClientOrderId("contract-tp")));
    assertThat(stop.status()).isEqualTo(OrderStatus.NEW);
    assertThat(stop.triggerPrice())
        .isEqualByComparingTo(i.roundTriggerPrice(stopAt, Side.SELL, OrderType.STOP_MARKET));
    assertThat(tp.triggerPrice())
        .isEqualByComparingTo(i.roundTriggerPrice(tpAt, Side.SELL, OrderType.TAKE_PROFIT_MARKET));
    List<Order> listed = conditional(ex);
    assertThat(listed)
        .extracting(Order::clientOrderId, Order::type, Order::reduceOnly, Order::side)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "contract-sl", OrderType.STOP_MARKET, true, Side.SELL),
            org.assertj.core.groups.Tuple.tuple(
                "contract-tp", OrderType.TAKE_PROFIT_MARKET, true, Side.SELL));
    assertThat(listed)
        .filteredOn(o -> "contract-sl".equals(o.clientOrderId()))
        .extracting(Order::triggerPrice)
        .containsExactly(stop.triggerPrice());

    tradeAt(i, mark.multiply(d("0.4")));

    await("the stop fired", () -> events.ended("contract-sl").isPresent());
    Order fired = events.ended("contract-sl").orElseThrow();
    assertThat(fired.status()).isIn(OrderStatus.TRIGGERED, OrderStatus.FILLED);
    String market = Objects.requireNonNull(fired.triggeredOrderId(), "the order it placed");
    await("flat", () -> positionIs(ex, "0"));
    await(
        "the exit's fills",
        () ->
            events.fills.stream()
                    .filter(f -> f.orderId().equals(market))
                    .map(Fill::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .compareTo(d("0.004"))
                == 0);
    assertThat(conditional(ex)).extracting(Order::clientOrderId).containsExactly("contract-tp");
    assertThat(join(ex.trading().cancel(OrderRef.byClientId(SYMBOL, "contract-tp"))).status())
        .isEqualTo(OrderStatus.CANCELED);
    assertThat(conditional(ex)).isEmpty();
    assertThat(venue.sim().fills("stops")).as("the entry and one exit").hasSize(2);
    assertThat(position(ex)).isEqualByComparingTo("0");
    sub.close();
  }

  void aReduceOnlyStopWithNothingToCloseFiresWithoutOpeningAPosition(Exchange ex) throws Exception {
    if (!supportsStops(ex)) {
      return;
    }
    Recorder events = new Recorder();
    Subscription sub = ex.streams().userEvents(events);
    await("user stream", () -> events.states.contains(ConnectionState.CONNECTED));
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));
    join(
        ex.trading()
            .place(
                OrderRequest.stopMarket(SYMBOL, Side.SELL, d("0.004"), mark.multiply(d("0.5")))
                    .withReduceOnly()
                    .withClientOrderId("contract-empty")));
    assertThat(conditional(ex)).hasSize(1);

    tradeAt(i, mark.multiply(d("0.4")));

    await("the stop ended", () -> events.ended("contract-empty").isPresent());
    assertThat(events.ended("contract-empty").orElseThrow().status())
        .as("nothing to reduce: it places nothing")
        .isIn(OrderStatus.EXPIRED, OrderStatus.CANCELED);
    assertThat(conditional(ex)).isEmpty();
    assertThat(venue.sim().fills("stops-empty")).isEmpty();
    assertThat(position(ex)).isEqualByComparingTo("0");
    sub.close();
  }
}
