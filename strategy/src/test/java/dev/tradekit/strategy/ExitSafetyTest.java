package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A stop's exit order that the venue rejects or never answers, in the product's {@code Backtest}:
 * the engine sends the next one at once (after a rejection) or after {@code exitTimeout} on the
 * simulated clock (when unanswered and not on the venue), one at a time, at most {@code
 * exitAttempts}, reports each failure as an {@link ExitFailedException}, and keeps handing every
 * later bar to the strategy.
 */
class ExitSafetyTest {
  static final int BARS = 20;
  static final int STOP_BAR = 5;

  final List<TradingEvent> events = new ArrayList<>();
  int barsSeen;
  @Nullable FaultyExchange faulty;

  FaultyExchange venue() {
    return Objects.requireNonNull(faulty, "not run");
  }

  /** Long from bar 0 with a 2 % engine stop-loss hit at bar 5; every exit order meets a fault. */
  List<Fill> run(Function<OrderRequest, FaultyExchange.Fault> exitFaults) {
    return run(
        r -> r.side() == Side.SELL ? exitFaults.apply(r) : FaultyExchange.Fault.NONE,
        false,
        (v, s) -> {});
  }

  /**
   * Long from bar 0 with a 2 % stop-loss (an engine rule hit at bar 5, or a venue stop), orders
   * meeting {@code faults}; {@code onStart} runs when the bot starts.
   */
  List<Fill> run(
      Function<OrderRequest, FaultyExchange.Fault> faults,
      boolean venueStops,
      BiConsumer<FaultyExchange, Scheduler> onStart) {
    WalkBars bars = EngineBehaviourTest.flat(BARS, 1_000_000);
    EngineBehaviourTest.dip(bars, STOP_BAR, 975_000, 978_000, 978_000);
    return EngineBehaviourTest.run(
        bars,
        (ex, s) -> {
          FaultyExchange venue = new FaultyExchange(ex, faults, s::currentTimeMillis);
          faulty = venue;
          StrategyEngine engine =
              StrategyEngine.builder()
                  .name("x")
                  .exchange(venue)
                  .scheduler(s)
                  .symbol("BTCUSDT")
                  .strategy(
                      (bar, ctx) -> {
                        barsSeen++;
                        if (ctx.index() == 0) {
                          ctx.goLong();
                        }
                      })
                  .sizing(Sizing.quantity(EngineBehaviourTest.SIZE))
                  .stopLoss(0.02)
                  .venueStops(venueStops)
                  .listener(events::add)
                  .build();
          return BacktestParityTest.bot(engine, () -> onStart.accept(venue, s));
        });
  }

  /** How many closed bars the strategy sees in the same run with no fault. */
  static int barsWithoutFaults() {
    ExitSafetyTest clean = new ExitSafetyTest();
    clean.run(r -> FaultyExchange.Fault.NONE);
    assertThat(clean.exitFailures()).isEmpty();
    assertThat(clean.barsSeen).as("all but the last, unclosed bar").isEqualTo(BARS - 1);
    return clean.barsSeen;
  }

  List<ExitFailedException> exitFailures() {
    List<ExitFailedException> out = new ArrayList<>();
    for (TradingEvent e : events) {
      if (e instanceof TradingEvent.ExchangeError x && x.error() instanceof ExitFailedException f) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void aRejectedStopExitIsSentAgainAtOnceAndTheTradeEndsFlatWithOneSell() {
    int[] rejected = {0};
    List<Fill> fills =
        run(r -> rejected[0]++ < 2 ? FaultyExchange.Fault.REJECTED : FaultyExchange.Fault.NONE);

    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(1, STOP_BAR + 1);
    assertThat(fills.get(1).clientOrderId())
        .as("the third exit order of the stop's bar")
        .isEqualTo("x-" + Long.toString(WalkBars.T0 + STOP_BAR * WalkBars.MINUTE, 36) + ".2");
    assertThat(exitFailures()).extracting(ExitFailedException::attempt).containsExactly(1, 2);
    assertThat(exitFailures()).noneMatch(ExitFailedException::gaveUp);
    assertThat(exitFailures().get(0).getMessage()).contains("rejected");
    assertThat(venue().placedAt).as("entry, two rejected exits, the filled one").hasSize(4);
    assertThat(barsSeen).as("every bar reached the strategy").isEqualTo(barsWithoutFaults());
  }

  @Test
  void anUnansweredStopExitIsLookedUpAfterTheTimeoutResentOneAtATimeThenReportedAsGivenUp() {
    List<Fill> fills = run(r -> FaultyExchange.Fault.UNANSWERED);

    assertThat(fills)
        .extracting(Fill::side)
        .as("the position stays open")
        .containsExactly(Side.BUY);
    List<ExitFailedException> failures = exitFailures();
    assertThat(failures).extracting(ExitFailedException::attempt).containsExactly(1, 2, 3);
    assertThat(failures)
        .extracting(ExitFailedException::gaveUp)
        .containsExactly(false, false, true);
    assertThat(failures.get(0).getMessage()).contains("not on the venue");
    // entry, then three exits each sent only once the one before was found not on the venue,
    // exitTimeout (30 s of simulated time) apart; nothing after giving up, bars later
    assertThat(venue().placedAt).hasSize(4);
    List<Long> at = venue().placedAt;
    for (int k = 2; k < 4; k++) {
      assertThat(at.get(k) - at.get(k - 1))
          .as("exit %d after exit %d (the simulated venue answers in 1 ms)", k, k - 1)
          .isBetween(30_000L, 30_010L);
    }
    assertThat(venue().lookups).as("first-bar check and one look-up per deadline").isEqualTo(4);
    assertThat(barsSeen).as("every bar reached the strategy").isEqualTo(barsWithoutFaults());
  }

  @Test
  void lateLookUpAnswersOfOneExitCountOnceEvenWhenSeveralDeadlinesAskedAboutIt() {
    // every look-up answered 100 s late: each unanswered exit is asked about at 30, 60 and 90 s,
    // and all three answers say "not on the venue"; only the first may end it
    List<Fill> fills =
        run(
            r ->
                r.side() == Side.SELL ? FaultyExchange.Fault.UNANSWERED : FaultyExchange.Fault.NONE,
            false,
            (v, s) -> v.delayLookups(s, 100_000));

    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY);
    List<ExitFailedException> failures = exitFailures();
    assertThat(failures).extracting(ExitFailedException::attempt).containsExactly(1, 2, 3);
    assertThat(failures)
        .extracting(ExitFailedException::gaveUp)
        .containsExactly(false, false, true);
    assertThat(failures)
        .extracting(f -> String.valueOf(f.getMessage()).replaceAll(".* exit order (\\S+) .*", "$1"))
        .as("each failure names another exit order")
        .doesNotHaveDuplicates();
    assertThat(venue().placedAt).as("entry and three exits").hasSize(4);
  }

  /**
   * A venue whose stop fires but whose market order {@code market} then meets {@code end} (null:
   * nothing is heard of it again): the stop is held back by the test, which plays its updates in
   * the middle of bar 2.
   */
  List<Fill> venueStopWhoseMarketOrder(@Nullable OrderStatus end) {
    return run(
        r ->
            r.type() == OrderType.STOP_MARKET
                ? FaultyExchange.Fault.HELD
                : FaultyExchange.Fault.NONE,
        true,
        (v, s) ->
            s.schedule(
                () -> {
                  Order stop = v.held.get(0);
                  Order fired =
                      Order.builder()
                          .symbol(stop.symbol())
                          .orderId(stop.orderId())
                          .clientOrderId(stop.clientOrderId())
                          .side(stop.side())
                          .type(stop.type())
                          .quantity(stop.quantity())
                          .reduceOnly(true)
                          .status(OrderStatus.TRIGGERED)
                          .triggeredOrderId("m-1")
                          .build();
                  v.deliver(fired);
                  if (end != null) {
                    // a later event, as on the venue: once the engine has seen the stop fire
                    s.execute(
                        () ->
                            v.deliver(
                                Order.builder()
                                    .symbol(stop.symbol())
                                    .orderId("m-1")
                                    .side(stop.side())
                                    .type(OrderType.MARKET)
                                    .quantity(stop.quantity())
                                    .reduceOnly(true)
                                    .status(end)
                                    .build()));
                  }
                },
                3 * WalkBars.MINUTE + 30_000,
                TimeUnit.MILLISECONDS));
  }

  @Test
  void aFiredVenueStopWhoseMarketOrderExpiresIsTakenOverByOneEngineExit() {
    List<Fill> fills = venueStopWhoseMarketOrder(OrderStatus.EXPIRED);

    assertThat(events)
        .filteredOn(e -> e instanceof TradingEvent.TargetReached)
        .extracting(e -> ((TradingEvent.TargetReached) e).description())
        .singleElement()
        .asString()
        .startsWith("STOP_LOSS by the venue order x-sl_");
    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(exitFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.attempt()).isEqualTo(1);
              assertThat(f.getMessage()).contains("venue stop x-sl_").contains("m-1 ended EXPIRED");
            });
    assertThat(barsSeen).isEqualTo(barsWithoutFaults());
  }

  @Test
  void aFiredVenueStopNeverHeardOfAgainIsLookedUpAfterTheTimeoutAndTakenOverOnce() {
    List<Fill> fills = venueStopWhoseMarketOrder(null);

    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(fills.get(1).time())
        .as("the engine waited exitTimeout (30 s) after the stop fired")
        .isGreaterThanOrEqualTo(WalkBars.T0 + 3 * WalkBars.MINUTE);
    assertThat(exitFailures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getMessage()).contains("m-1 is not on the venue");
            });
    assertThat(venue().lookups).as("first-bar check, then the market order by id").isEqualTo(2);
    assertThat(barsSeen).isEqualTo(barsWithoutFaults());
  }
}
