package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link Backtest.Builder#barMode}: bars matched as one event each give a kline bot the same bars
 * and the same market fills as the four-point replay, and resting orders fill when the bar's range
 * trades through them.
 */
class BarModeTest {
  private static final AccountSetup TEN_K = AccountSetup.usdt(new BigDecimal("10000"));
  private static final BigDecimal QTY = new BigDecimal("0.01");

  /** A bot that hands every closed one-minute bar to {@code onClosed} with its exchange. */
  private static BacktestResult run(
      long[][] ohlc, boolean barMode, List<Kline> closed, BiConsumer<Exchange, Kline> onClosed) {
    return run(() -> new TestBars(ohlc, 50), null, barMode, closed, onClosed);
  }

  /** The same on any source of the bars, from {@code start} (null: the first bar's close). */
  private static BacktestResult run(
      Supplier<MarketDataSource> data,
      @Nullable Instant start,
      boolean barMode,
      List<Kline> closed,
      BiConsumer<Exchange, Kline> onClosed) {
    Backtest.Builder b = Backtest.builder();
    if (start != null) {
      b.start(start);
    }
    return b.data(data)
        .instrument(TestBars.instrument())
        .barMode(barMode)
        .bot(
            "bars",
            TEN_K,
            (ex, clock) ->
                new Bot() {
                  @Override
                  public void start() {
                    KlineListener l =
                        (k, isClosed) -> {
                          if (isClosed) {
                            closed.add(k);
                            onClosed.accept(ex, k);
                          }
                        };
                    ex.streams().klines(TestBars.SYMBOL, KlineInterval.M1, l);
                  }

                  @Override
                  public void stop() {}
                })
        .build()
        .run();
  }

  /** Buys on every third closed bar and sells on the bar after: market orders on bar closes. */
  private static void flipEveryThirdBar(Exchange ex, Kline k) {
    long i = (k.openTime() - TestBars.T0) / TestBars.MINUTE;
    if (i % 3 == 0) {
      ex.trading().place(OrderRequest.market(TestBars.SYMBOL, Side.BUY, QTY));
    } else if (i % 3 == 1) {
      ex.trading().place(OrderRequest.market(TestBars.SYMBOL, Side.SELL, QTY));
    }
  }

  private static List<String> described(List<Fill> fills) {
    List<String> out = new ArrayList<>();
    for (Fill f : fills) {
      long bar = (f.time() - TestBars.T0) / TestBars.MINUTE;
      out.add(bar + " " + f.side() + " " + f.quantity().toPlainString() + " @ " + f.price());
    }
    return out;
  }

  private static List<String> ohlcv(List<Kline> bars) {
    List<String> out = new ArrayList<>();
    for (Kline k : bars) {
      out.add(
          List.of(k.openTime(), k.closeTime(), k.open(), k.high(), k.low(), k.close(), k.volume())
              .toString());
    }
    return out;
  }

  @Test
  void aKlineBotGetsTheSameBarsAndMarketFillsInBarModeAsInTheFourPointReplay() {
    long[][] ohlc = TestBars.randomWalk(3, 120);
    List<Kline> fourPointBars = new ArrayList<>();
    List<Kline> barModeBars = new ArrayList<>();

    BacktestResult fourPoint = run(ohlc, false, fourPointBars, BarModeTest::flipEveryThirdBar);
    BacktestResult barMode = run(ohlc, true, barModeBars, BarModeTest::flipEveryThirdBar);

    // the same bars (a bar replayed as trades counts 4 trades and its own quote volume)
    assertThat(ohlcv(barModeBars)).hasSize(119).isEqualTo(ohlcv(fourPointBars));
    List<Fill> fills = barMode.account("bars").fills();
    assertThat(described(fills))
        .hasSize(80) // 40 buys, 40 sells: the 119 bars seen close before the last bar's open
        .isEqualTo(described(fourPoint.account("bars").fills()));
    // an order sent on bar i's close fills at bar i + 1's open, one tick worse
    Fill first = fills.get(0);
    assertThat(first.time())
        .isBetween(TestBars.T0 + TestBars.MINUTE, TestBars.T0 + 2 * TestBars.MINUTE - 1);
    assertThat(first.price()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[1][0] + 1));
    assertThat(fills.get(1).price()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[2][0] - 1));
    assertThat(barMode.events()).isEqualTo(120);
    assertThat(fourPoint.events()).isEqualTo(8 * 120);
  }

  @Test
  void aRestingBuyFillsAtItsPriceAtTheCloseOfTheFirstBarWhoseLowTradesThroughIt() {
    long[][] ohlc = TestBars.randomWalk(5, 60);
    long limit = ohlc[0][3] - 400; // 40.0 below the first close
    int through = -1;
    for (int i = 1; i < ohlc.length && through < 0; i++) {
      if (ohlc[i][2] < limit) {
        through = i;
      }
    }
    assertThat(through).as("a later bar trades through the limit").isGreaterThan(0);

    BacktestResult r =
        run(
            ohlc,
            true,
            new ArrayList<>(),
            (ex, k) -> {
              if (k.openTime() == TestBars.T0) {
                ex.trading()
                    .place(
                        OrderRequest.limit(
                            TestBars.SYMBOL, Side.BUY, QTY, TestBars.SCALE.toPrice(limit)));
              }
            });

    List<Fill> fills = r.account("bars").fills();
    assertThat(fills).hasSize(1);
    assertThat(fills.get(0).maker()).isTrue();
    assertThat(fills.get(0).price()).isEqualByComparingTo(TestBars.SCALE.toPrice(limit));
    assertThat(fills.get(0).time()).isEqualTo(TestBars.T0 + (through + 1) * TestBars.MINUTE - 1);
  }

  @Test
  void barsReadAsColumnsGiveTheSameBarsFillsAndEquityAsBarEventsOneByOne() {
    long[][] ohlc = TestBars.randomWalk(11, 300);
    // market orders on two bars of three, and a limit buy resting below the market from bar 0
    BiConsumer<Exchange, Kline> bot =
        (ex, k) -> {
          flipEveryThirdBar(ex, k);
          if (k.openTime() == TestBars.T0) {
            ex.trading()
                .place(
                    OrderRequest.limit(
                        TestBars.SYMBOL, Side.BUY, QTY, TestBars.SCALE.toPrice(ohlc[0][3] - 300)));
          }
        };
    // from the first bar's open equity samples fall on bar opens; from its close (no start) they
    // fall on bar closes, where they must see the open's book as with two stops
    for (Instant start : new Instant[] {Instant.ofEpochMilli(TestBars.T0), null}) {
      List<Kline> eventBars = new ArrayList<>();
      List<Kline> columnBars = new ArrayList<>();
      BacktestResult events = run(() -> new TestBars(ohlc, 50), start, true, eventBars, bot);
      // blocks of 7 bars, so that bars at block edges are covered too
      BacktestResult columns =
          run(() -> TestBars.columnar(ohlc, 50, 7), start, true, columnBars, bot);

      assertThat(ohlcv(columnBars)).hasSize(299).isEqualTo(ohlcv(eventBars));
      List<Fill> fills = columns.account("bars").fills();
      assertThat(fills.stream().filter(Fill::maker)).as("the resting buy filled").hasSize(1);
      assertThat(described(fills))
          .hasSize(201)
          .isEqualTo(described(events.account("bars").fills()));
      assertThat(columns.events()).isEqualTo(events.events()).isEqualTo(300);
      EquityCurve a = columns.account("bars").equity();
      EquityCurve b = events.account("bars").equity();
      assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(290);
      for (int i = 0; i < a.size(); i++) {
        assertThat(a.time(i)).isEqualTo(b.time(i));
        assertThat(a.equity(i)).as("equity sample %d from %s", i, start).isEqualTo(b.equity(i));
        assertThat(a.notional(i)).isEqualTo(b.notional(i));
      }
    }
  }

  @Test
  void inBarModeAccountsSeeNoTradesMadeFromBars() {
    long[][] ohlc = TestBars.randomWalk(9, 20);
    int[] trades = new int[1];
    Backtest.builder()
        .data(() -> new TestBars(ohlc, 50))
        .instrument(TestBars.instrument())
        .barMode(true)
        .bot(
            "bars",
            TEN_K,
            (ex, clock) ->
                new Bot() {
                  @Override
                  public void start() {
                    ex.streams().trades(TestBars.SYMBOL, t -> trades[0]++);
                  }

                  @Override
                  public void stop() {}
                })
        .build()
        .run();

    assertThat(trades[0]).isZero();
  }

  @Test
  void barsLentInBlocksGiveTheRunOfBarEventsAndStayUnchangedForTheNextRun() {
    long[][] ohlc = TestBars.randomWalk(13, 200);
    List<BarColumns> blocks = TestBars.blocks(ohlc, 50, 7);
    String before = rows(blocks);
    // from inside the second block (its first rows are cut from a copy), and from the first close
    Instant inside = Instant.ofEpochMilli(TestBars.T0 + 10 * TestBars.MINUTE + 5);
    for (Instant start : new Instant[] {inside, null}) {
      List<Kline> eventBars = new ArrayList<>();
      List<Kline> lentBars = new ArrayList<>();
      List<Kline> againBars = new ArrayList<>();
      BacktestResult events =
          run(() -> new TestBars(ohlc, 50), start, true, eventBars, BarModeTest::flipEveryThirdBar);
      BacktestResult lent =
          run(
              () -> BarSource.ofBlocks(blocks),
              start,
              true,
              lentBars,
              BarModeTest::flipEveryThirdBar);
      BacktestResult again =
          run(
              () -> BarSource.ofBlocks(blocks),
              start,
              true,
              againBars,
              BarModeTest::flipEveryThirdBar);

      assertThat(ohlcv(lentBars))
          .hasSize(start == null ? 199 : 189)
          .isEqualTo(ohlcv(eventBars))
          .isEqualTo(ohlcv(againBars));
      assertThat(described(lent.account("bars").fills()))
          .isNotEmpty()
          .isEqualTo(described(events.account("bars").fills()))
          .isEqualTo(described(again.account("bars").fills()));
      assertThat(lent.events()).isEqualTo(events.events());
      assertThat(rows(blocks)).as("the lent blocks are read, never changed").isEqualTo(before);
    }
  }

  /** Every row and cursor of {@code blocks}, as text. */
  private static String rows(List<BarColumns> blocks) {
    StringBuilder sb = new StringBuilder();
    for (BarColumns b : blocks) {
      sb.append(b.symbol()).append(' ').append(b.position()).append('/').append(b.size());
      for (int i = 0; i < b.size(); i++) {
        sb.append(' ')
            .append(b.openTime(i))
            .append(',')
            .append(b.closeTime(i))
            .append(',')
            .append(b.openTicks(i))
            .append(',')
            .append(b.highTicks(i))
            .append(',')
            .append(b.lowTicks(i))
            .append(',')
            .append(b.closeTicks(i))
            .append(',')
            .append(b.volume(i))
            .append(',')
            .append(b.quoteVolume(i));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
