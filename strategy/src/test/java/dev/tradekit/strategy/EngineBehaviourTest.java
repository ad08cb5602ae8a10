package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The engine's execution rules in a Backtest on hand-made one-minute bars: restarts, exit rules,
 * flips, the stale-bar guard. Fills come at the open of the bar after the deciding one.
 */
class EngineBehaviourTest {
  static final BigDecimal SIZE = new BigDecimal("0.01");
  final List<TradingEvent> events = new ArrayList<>();

  /** A strategy that wishes what {@code decide} says on each bar. */
  static BarStrategy scripted(Consumer<BarContext> decide) {
    return (bar, ctx) -> decide.accept(ctx);
  }

  /** {@code n} flat bars at {@code ticks}. */
  static WalkBars flat(int n, long ticks) {
    long[] p = new long[n];
    Arrays.fill(p, ticks);
    return new WalkBars(p.clone(), p.clone(), p.clone(), p.clone());
  }

  StrategyEngine engine(Exchange ex, Scheduler s, BarStrategy strategy, double stop, double tp) {
    return StrategyEngine.builder()
        .name("t")
        .exchange(ex)
        .scheduler(s)
        .symbol("BTCUSDT")
        .strategy(strategy)
        .sizing(Sizing.quantity(SIZE))
        .stopLoss(stop)
        .takeProfit(tp)
        .venueStops(false) // the engine rules; VenueStopsBacktestTest covers the venue orders
        .listener(events::add)
        .build();
  }

  /** Runs a backtest whose bot is made by {@code bot}; returns the account's fills. */
  static List<Fill> run(WalkBars bars, BiFunction<Exchange, Scheduler, Bot> bot) {
    return run(bars, WalkBars.instrument(), bot);
  }

  static List<Fill> run(
      WalkBars bars, Instrument instrument, BiFunction<Exchange, Scheduler, Bot> bot) {
    return Backtest.builder()
        .data(bars::source)
        .instrument(instrument)
        .start(Instant.ofEpochMilli(WalkBars.T0 - WalkBars.MINUTE))
        .bot("a", AccountSetup.usdt(new BigDecimal("100000")), bot::apply)
        .build()
        .run()
        .account("a")
        .fills();
  }

  static int bar(Fill f) {
    return (int) ((f.time() - WalkBars.T0) / WalkBars.MINUTE);
  }

  @Test
  void aRestartedEngineFindsItsPositionOnTheVenueAndSendsNoSecondOrder() {
    StrategyEngine[] second = new StrategyEngine[1];
    List<Fill> fills =
        run(
            flat(60, 1_000_000),
            (ex, s) -> {
              StrategyEngine first = engine(ex, s, scripted(BarContext::goLong), 0, 0);
              second[0] = engine(ex, s, scripted(BarContext::goLong), 0, 0);
              return BacktestParityTest.bot(
                  first,
                  () -> {
                    s.schedule(
                        () -> {
                          first.stop();
                          second[0].start();
                        },
                        30,
                        TimeUnit.MINUTES);
                  });
            });

    assertThat(fills).hasSize(1);
    assertThat(fills.get(0).side()).isEqualTo(Side.BUY);
    assertThat(fills.get(0).quantity()).isEqualByComparingTo(SIZE);
    assertThat(bar(fills.get(0))).isEqualTo(1);
    assertThat(second[0].ordersSent()).isZero();
  }

  @Test
  void aStopLossClosesThePositionAndTheEngineWaitsForANewWish() {
    WalkBars bars = flat(12, 1_000_000);
    // bar 5 dips 2.5 % below the entry (open of bar 1) and closes lower, where the rest stay
    dip(bars, 5, 975_000, 978_000, 978_000);
    List<Fill> fills = enterOnFirstBar(bars, 0.02, 0);

    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(1, 6);
    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(events)
        .filteredOn(e -> e instanceof TradingEvent.TargetReached)
        .singleElement()
        .extracting(e -> ((TradingEvent.TargetReached) e).description())
        .asString()
        .startsWith("STOP_LOSS");
  }

  @Test
  void aStopLossInABacktestExitsAtTheNextBarsOpenEvenWhenItGapsThroughTheStop() {
    WalkBars bars = flat(10, 1_000_000);
    // entry at bar 1's open (10,000.00); the stop is 9,800.00; bar 4 reaches it, bar 5 gaps lower
    dip(bars, 4, 979_000, 985_000, 970_000);
    List<Fill> fills = enterOnFirstBar(bars, 0.02, 0);

    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(1, 5);
    // the replayed bar's book is one tick either side of each price: a buy takes open + 0.01
    assertThat(fills.get(0).price()).isEqualByComparingTo("10000.01");
    // documented: the exit is a market order at the close of the bar that reached the stop, so it
    // fills at the next bar's open (less the tick), here well below the stop price of 9,800.00
    assertThat(fills.get(1).price()).isEqualByComparingTo("9699.99");
    assertThat(fills.get(1).quantity()).isEqualByComparingTo(SIZE);
  }

  /**
   * Bar {@code i} dips to {@code low} and closes at {@code close}; every later bar is {@code
   * after}.
   */
  static void dip(WalkBars bars, int i, long low, long close, long after) {
    bars.low[i] = low;
    bars.close[i] = close;
    for (int j = i + 1; j < bars.size(); j++) {
      bars.open[j] = bars.high[j] = bars.low[j] = bars.close[j] = after;
    }
  }

  /** A backtest of a strategy that goes long on the first bar, with these exit rules. */
  private List<Fill> enterOnFirstBar(WalkBars bars, double stopLoss, double takeProfit) {
    return run(
        bars,
        (ex, s) ->
            BacktestParityTest.bot(
                engine(ex, s, scripted(c -> enterOnFirstBar(c)), stopLoss, takeProfit), () -> {}));
  }

  private static void enterOnFirstBar(BarContext c) {
    if (c.index() == 0) {
      c.goLong();
    }
  }

  @Test
  void aTakeProfitClosesWhenABarsHighReachesTheTarget() {
    WalkBars bars = flat(10, 1_000_000);
    bars.high[3] = 1_019_000; // +1.9 %: not yet
    bars.high[4] = 1_021_000; // +2.1 %
    List<Fill> fills = enterOnFirstBar(bars, 0, 0.02);

    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(1, 5);
  }

  @Test
  void anOrderTheSharedRiskManagerRefusesIsNeverSent() {
    // 0.001 BTC at 10,000 is 10 USDT, below this market's 100 USDT minimum notional
    Instrument strict =
        Instrument.builder()
            .symbol("BTCUSDT")
            .baseAsset("BTC")
            .quoteAsset("USDT")
            .tickSize(new BigDecimal("0.01"))
            .stepSize(new BigDecimal("0.001"))
            .minNotional(new BigDecimal("100"))
            .build();
    StrategyEngine[] engine = new StrategyEngine[1];
    int[] wishes = new int[1];
    List<Fill> fills =
        run(
            flat(10, 1_000_000),
            strict,
            (ex, s) -> {
              engine[0] =
                  StrategyEngine.builder()
                      .name("t")
                      .exchange(ex)
                      .scheduler(s)
                      .symbol("BTCUSDT")
                      .strategy(
                          scripted(
                              c -> {
                                if (c.target() == 0) {
                                  wishes[0]++; // the refused wish is reset: the strategy may wish
                                  // again
                                }
                                c.goLong();
                              }))
                      .sizing(Sizing.quantity(new BigDecimal("0.001")))
                      .build();
              return BacktestParityTest.bot(engine[0], () -> {});
            });

    assertThat(fills).isEmpty();
    assertThat(engine[0].ordersSent()).isZero();
    assertThat(wishes[0]).isGreaterThanOrEqualTo(9); // one fresh wish per closed bar
  }

  @Test
  void goingFromLongToShortIsOneOrderOfTwiceTheSize() {
    List<Fill> fills =
        run(
            flat(30, 1_000_000),
            (ex, s) ->
                BacktestParityTest.bot(
                    engine(
                        ex,
                        s,
                        scripted(
                            c -> {
                              if (c.index() == 2) {
                                c.goLong();
                              } else if (c.index() == 10) {
                                c.goShort();
                              } else if (c.index() == 20) {
                                c.goFlat();
                              }
                            }),
                        0,
                        0),
                    () -> {}));

    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(3, 11, 21);
    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL, Side.BUY);
    assertThat(fills)
        .extracting(Fill::quantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(SIZE, SIZE.add(SIZE), SIZE);
  }

  @Test
  void anOrderWhoseReplyIsLostIsLookedUpByItsClientIdAndNeverSentTwice() {
    FaultyExchange[] lossy = new FaultyExchange[1];
    List<Fill> fills =
        run(
            flat(20, 1_000_000),
            (ex, s) -> {
              lossy[0] = new FaultyExchange(ex);
              return BacktestParityTest.bot(
                  engine(lossy[0], s, scripted(BarContext::goLong), 0, 0), () -> {});
            });

    assertThat(fills).hasSize(1);
    assertThat(fills.get(0).clientOrderId()).isEqualTo("t-" + Long.toString(WalkBars.T0, 36));
    assertThat(lossy[0].placeCalls).isEqualTo(1);
    assertThat(lossy[0].lookups).as("first-bar check, then the lost reply").isEqualTo(2);
    assertThat(events)
        .filteredOn(e -> e instanceof TradingEvent.ExchangeError)
        .singleElement()
        .extracting(e -> ((TradingEvent.ExchangeError) e).error().getMessage())
        .asString()
        .contains("read timed out");
  }

  @Test
  void aBreachedLossLimitClosesThePositionAndIgnoresLaterWishes() {
    WalkBars bars = flat(12, 1_000_000);
    // from bar 4 the price is 10 % lower: 0.01 BTC loses 10 USDT, the limit is 5
    for (int i = 4; i < 12; i++) {
      bars.open[i] = bars.high[i] = bars.low[i] = bars.close[i] = 900_000;
    }
    List<Fill> fills =
        run(
            bars,
            (ex, s) ->
                BacktestParityTest.bot(
                    StrategyEngine.builder()
                        .name("t")
                        .exchange(ex)
                        .scheduler(s)
                        .symbol("BTCUSDT")
                        .strategy(scripted(BarContext::goLong))
                        .sizing(Sizing.quantity(SIZE))
                        .maxLoss(new BigDecimal("5"))
                        .listener(events::add)
                        .build(),
                    () -> {}));

    // bought at bar 1; the check after bar 3 (run at bar 4's open, 10 % lower) sees the loss;
    // the position is closed at bar 4's decision, filled at bar 5's open; no re-entry after
    assertThat(fills).extracting(EngineBehaviourTest::bar).containsExactly(1, 5);
    assertThat(fills).extracting(Fill::side).containsExactly(Side.BUY, Side.SELL);
    assertThat(events)
        .filteredOn(e -> e instanceof TradingEvent.TargetReached)
        .singleElement()
        .extracting(e -> ((TradingEvent.TargetReached) e).description())
        .asString()
        .startsWith("MAX_LOSS: USDT margin balance");
  }

  @Test
  void aBarOlderThanMaxBarAgeWhenItArrivesSendsNoOrder() {
    List<Fill> fills =
        run(
            flat(10, 1_000_000),
            (ex, s) ->
                BacktestParityTest.bot(
                    StrategyEngine.builder()
                        .name("t")
                        .exchange(ex)
                        .scheduler(s)
                        .symbol("BTCUSDT")
                        .strategy(scripted(BarContext::goLong))
                        .sizing(Sizing.quantity(SIZE))
                        .maxBarAge(Duration.ZERO)
                        .build(),
                    () -> {}));

    assertThat(fills).isEmpty();
  }
}
