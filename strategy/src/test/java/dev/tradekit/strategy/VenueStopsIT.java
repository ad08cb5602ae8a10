package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The strategy engine's stop-loss and take-profit through the real Binance adapter on FakeBinance:
 * they rest as reduce-only algo orders listed by {@code openOrders}, the stop fires on the venue
 * and closes the position once (the engine sends no exit of its own, the take-profit is cancelled),
 * and stopping the engine leaves no conditional order behind.
 */
class VenueStopsIT {
  static final long T0 = FakeVenue.T0;
  static final BigDecimal SIZE = new BigDecimal("0.01");

  FakeVenue venue;
  Exchange ex;
  final List<TradingEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    venue = new FakeVenue(Duration.ofMinutes(120));
    ex = venue.ex;
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  private StrategyEngine engine(double stopLoss, double takeProfit) {
    return StrategyEngine.builder()
        .name("live")
        .exchange(ex)
        .scheduler(venue.clock)
        .symbol("BTCUSDT")
        .strategy(EngineBehaviourTest.scripted(c -> enterOnce(c)))
        .sizing(Sizing.quantity(SIZE))
        .stopLoss(stopLoss)
        .takeProfit(takeProfit)
        .listener(events::add)
        .build();
  }

  private static void enterOnce(BarContext c) {
    if (c.index() == 0) {
      c.goLong();
    }
  }

  private void runUntil(BooleanSupplier done, String what) throws InterruptedException {
    venue.runUntil(done, what, () -> "events " + events);
  }

  private BigDecimal position() {
    return venue.position();
  }

  private List<Order> conditionalOrders() {
    return ex.trading().openOrders("BTCUSDT").join().stream()
        .filter(o -> o.type().isConditional())
        .toList();
  }

  @Test
  void theStopsRestOnTheVenueOneFiresThereAndClosesThePositionOnce() throws Exception {
    StrategyEngine engine = engine(0.02, 0.02);
    engine.start().get(30, TimeUnit.SECONDS);
    runUntil(() -> conditionalOrders().size() == 2, "long with two venue stops");

    assertThat(position()).isEqualByComparingTo(SIZE);
    Position held =
        ex.account().positions().join().stream()
            .filter(p -> p.symbol().equals("BTCUSDT") && p.amount().signum() != 0)
            .findFirst()
            .orElseThrow();
    Instrument btc = ex.marketData().instrument("BTCUSDT").join();
    Order stop =
        conditionalOrders().stream()
            .filter(o -> o.type() == OrderType.STOP_MARKET)
            .findFirst()
            .orElseThrow();
    assertThat(stop.clientOrderId()).startsWith("live-sl.");
    assertThat(stop.side()).isEqualTo(Side.SELL);
    assertThat(stop.reduceOnly()).isTrue();
    assertThat(stop.quantity()).isEqualByComparingTo(SIZE);
    BigDecimal expected =
        btc.roundTriggerPrice(
            BigDecimal.valueOf(held.entryPrice().doubleValue() * (1 - 0.02)),
            Side.SELL,
            OrderType.STOP_MARKET);
    assertThat(stop.triggerPrice()).isEqualByComparingTo(expected);
    assertThat(conditionalOrders())
        .extracting(Order::type)
        .containsExactlyInAnyOrder(OrderType.STOP_MARKET, OrderType.TAKE_PROFIT_MARKET);

    runUntil(
        () ->
            events.stream()
                .anyMatch(
                    e ->
                        e instanceof TradingEvent.TargetReached t
                            && t.description()
                                .matches(
                                    "(STOP_LOSS|TAKE_PROFIT) by the venue"
                                        + " order live-(sl|tp)\\..*")),
        "a venue stop fires");
    runUntil(
        () -> position().signum() == 0 && conditionalOrders().isEmpty(),
        "flat with the other stop cancelled");
    long stopBarTime = venue.now;
    runUntil(() -> venue.now >= stopBarTime + 5 * 60_000, "five more bars");

    assertThat(position()).as("closed once, not re-entered nor reversed").isEqualByComparingTo("0");
    assertThat(events)
        .filteredOn(e -> e instanceof TradingEvent.OrderPlaced)
        .as("the engine placed the entry only: the exit was the venue's")
        .hasSize(1);
    assertThat(conditionalOrders()).isEmpty();
    engine.stop().get(30, TimeUnit.SECONDS);
  }

  @Test
  void stoppingTheEngineCancelsItsVenueStopsAndKeepsThePosition() throws Exception {
    StrategyEngine engine = engine(0.1, 0.1);
    engine.start().get(30, TimeUnit.SECONDS);
    runUntil(() -> conditionalOrders().size() == 2, "long with two venue stops");

    engine.stop().get(30, TimeUnit.SECONDS);

    assertThat(conditionalOrders()).isEmpty();
    assertThat(position()).isEqualByComparingTo(SIZE);
  }
}
