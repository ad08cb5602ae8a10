package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
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
 * The strategy engine's stop-loss and take-profit through a real adapter on its fake venue (a
 * subclass per venue): they rest as reduce-only conditional orders listed by {@code openOrders},
 * the stop fires on the venue and closes the position once (the engine sends no exit of its own,
 * the take-profit is cancelled), and stopping the engine leaves no conditional order behind.
 *
 * <pre>{@code
 * class MyVenueStopsIT extends VenueStopsContract {
 *   protected Venue start(Scheduler clock, MarketDataSource source, AccountSetup account) { ... }
 * }
 * }</pre>
 */
abstract class VenueStopsContract {
  static final long T0 = 1_704_067_200_000L;
  static final BigDecimal SIZE = new BigDecimal("0.01");

  /** A fake venue in virtual time with one account, and the real adapter signed as it. */
  interface Venue extends AutoCloseable {
    /** The adapter of the account. */
    Exchange exchange();

    /** The venue's clock (epoch ms). */
    long serverTime();

    /** Replays the market up to {@code epochMillis}. */
    void runUntil(long epochMillis);

    @Override
    void close();
  }

  /** A {@link Venue} of these parts; closing it closes the adapter, then the fake. */
  static Venue venue(
      Exchange exchange,
      java.util.function.LongSupplier serverTime,
      java.util.function.LongConsumer runUntil,
      Runnable closeFake) {
    return new Venue() {
      @Override
      public Exchange exchange() {
        return exchange;
      }

      @Override
      public long serverTime() {
        return serverTime.getAsLong();
      }

      @Override
      public void runUntil(long epochMillis) {
        runUntil.accept(epochMillis);
      }

      @Override
      public void close() {
        exchange.close();
        closeFake.run();
      }
    };
  }

  /** Starts the venue on {@code clock} and {@code source} with one account of {@code setup}. */
  protected abstract Venue start(Scheduler clock, MarketDataSource source, AccountSetup setup);

  Venue fake;
  Exchange ex;
  VenueClock clock;
  long now = T0;
  final List<TradingEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    fake =
        start(
            new VirtualScheduler(T0),
            MarketDataSources.synthetic(
                SyntheticMarket.Config.builder()
                    .startTimeMillis(T0)
                    .duration(Duration.ofMinutes(120))
                    .dailyVolatility(0.5)
                    .seed(11)
                    .build()),
            AccountSetup.usdt(new BigDecimal("100000")));
    ex = fake.exchange();
    clock = new VenueClock(fake::serverTime);
  }

  @AfterEach
  void stop() {
    clock.close();
    fake.close();
  }

  private StrategyEngine engine(double stopLoss, double takeProfit) {
    return StrategyEngine.builder()
        .name("live")
        .exchange(ex)
        .scheduler(clock)
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

  /** Steps virtual time by a second until {@code done}, waiting up to 60 s of real time. */
  private void runUntil(BooleanSupplier done, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(() -> what + " within 60 s at +" + (now - T0) + " ms; events " + events)
          .isLessThan(deadline);
      if (now < T0 + Duration.ofMinutes(119).toMillis()) {
        now += 1000;
        fake.runUntil(now);
      }
      Thread.sleep(1);
    }
  }

  private BigDecimal position() {
    return ex.account().positions().join().stream()
        .filter(p -> p.symbol().equals("BTCUSDT"))
        .map(Position::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
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
    assertThat(stop.clientOrderId()).startsWith("live-sl_");
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
                                        + " order live-(sl|tp)_.*")),
        "a venue stop fires");
    runUntil(
        () -> position().signum() == 0 && conditionalOrders().isEmpty(),
        "flat with the other stop cancelled");
    long stopBarTime = now;
    runUntil(() -> now >= stopBarTime + 5 * 60_000, "five more bars");

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
