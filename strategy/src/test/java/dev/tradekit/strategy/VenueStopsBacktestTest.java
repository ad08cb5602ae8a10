package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.RoundTrip;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The engine's stop-loss, take-profit and trailing stop in the product's {@code Backtest}: on the
 * simulator (which supports all three conditional types) they rest as venue orders, fire at the bar
 * whose low reaches the trigger (the simulator's documented rule) and fill inside that bar, earlier
 * than the engine rules (which act at the bar's close), and a position closed by one is not closed
 * again.
 */
class VenueStopsBacktestTest {
  static final WalkBars BARS = new WalkBars(3_000, 7);

  /** A run: its round trips and the engine's events. */
  record Run(List<RoundTrip> trips, List<TradingEvent> events) {
    long venueExits(String rule) {
      return events.stream()
          .filter(
              e ->
                  e instanceof TradingEvent.TargetReached t
                      && t.description().startsWith(rule + " by the venue order"))
          .count();
    }

    long engineExits() {
      return events.stream()
          .filter(
              e ->
                  e instanceof TradingEvent.TargetReached t
                      && t.description().contains("on the bar opened at"))
          .count();
    }
  }

  static Run run(UnaryOperator<StrategyEngine.Builder> settings) {
    List<TradingEvent> events = new ArrayList<>();
    List<RoundTrip> trips =
        Backtest.builder()
            .data(BARS::source)
            .instrument(WalkBars.instrument())
            .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
            .start(Instant.ofEpochMilli(WalkBars.T0 - WalkBars.MINUTE))
            .bot(
                "bars",
                AccountSetup.usdt(new BigDecimal("1000000")),
                (exchange, scheduler) ->
                    BacktestParityTest.bot(
                        settings
                            .apply(
                                StrategyEngine.builder()
                                    .name("bt")
                                    .exchange(exchange)
                                    .scheduler(scheduler)
                                    .symbol("BTCUSDT")
                                    .strategy(Strategies.smaCross(5, 20))
                                    .sizing(Sizing.quantity(new BigDecimal("0.01")))
                                    .listener(events::add))
                            .build(),
                        () -> {}))
            .build()
            .run()
            .account("bars")
            .roundTrips();
    return new Run(trips, events);
  }

  /** The first bar from {@code from} whose low reaches {@code trigger}, or -1. */
  static int firstLowAtOrBelow(int from, double trigger) {
    for (int i = from; i < BARS.size(); i++) {
      if (BARS.low[i] / 100.0 <= trigger) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aVenueStopLossFiresAtTheBarWhoseLowReachesItsTriggerAndFillsInsideThatBar() {
    Run venue = run(b -> b.stopLoss(0.002));

    assertThat(venue.venueExits("STOP_LOSS")).as("stops fired on the venue").isGreaterThan(5);
    assertThat(venue.engineExits()).as("no engine rule ran").isZero();
    int stopped = 0;
    for (RoundTrip t : venue.trips()) {
      int entryBar = BacktestParityTest.index(t.openTime());
      int exitBar = BacktestParityTest.index(t.closeTime());
      // a SELL stop's trigger rounds up onto the tick grid; it rests from the entry fill
      double trigger = Math.ceil(t.entryPrice() * (1 - 0.002) * 100 - 1e-6) / 100;
      int hit = firstLowAtOrBelow(entryBar, trigger);
      boolean byStrategy = Math.abs(t.exitPrice() - (BARS.open(exitBar) - 0.01)) < 1e-6;
      if (byStrategy) {
        // the strategy's exit fills at the bar's open, before its low: no earlier bar hit
        assertThat(hit < 0 || hit >= exitBar)
            .as("trip %d..%d, stop bar %d", entryBar, exitBar, hit)
            .isTrue();
      } else {
        assertThat(exitBar).as("trip entered at bar %d", entryBar).isEqualTo(hit);
        assertThat(t.exitPrice())
            .as("filled inside the bar it fired in (at the bid of its path)")
            .isBetween(BARS.low[hit] / 100.0 - 0.011, BARS.high[hit] / 100.0);
        stopped++;
      }
    }
    assertThat(stopped).as("trips closed by the stop").isEqualTo(venue.venueExits("STOP_LOSS"));
  }

  @Test
  void withVenueStopsOffTheEngineRulesExitAtTheBarCloseNeverBeforeTheVenueOrders() {
    Run venue = run(b -> b.stopLoss(0.002).takeProfit(0.003));
    Run engine = run(b -> b.stopLoss(0.002).takeProfit(0.003).venueStops(false));

    assertThat(venue.venueExits("STOP_LOSS")).isGreaterThan(5);
    assertThat(venue.venueExits("TAKE_PROFIT")).isGreaterThan(5);
    assertThat(venue.engineExits()).isZero();
    assertThat(engine.engineExits()).isGreaterThan(10);
    assertThat(engine.venueExits("STOP_LOSS") + engine.venueExits("TAKE_PROFIT")).isZero();
    Map<Long, RoundTrip> byEntry = new HashMap<>();
    engine.trips().forEach(t -> byEntry.put(t.openTime(), t));
    int compared = 0;
    for (RoundTrip v : venue.trips()) {
      RoundTrip e = byEntry.get(v.openTime());
      if (e != null) {
        // the venue order fires inside the bar; the engine rule at its close, filled at the next
        assertThat(v.closeTime()).isLessThanOrEqualTo(e.closeTime());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void aTrailingStopRestsOnTheVenueAndAPositionItClosesIsNotClosedTwice() {
    Run venue = run(b -> b.trailingStop(0.002).takeProfit(0.01));

    assertThat(venue.venueExits("TRAILING_STOP")).isGreaterThan(5);
    assertThat(venue.engineExits()).isZero();
    for (RoundTrip t : venue.trips()) {
      assertThat(t.quantity()).as("every trip is the sized 0.01, never doubled").isEqualTo(0.01);
    }
  }
}
