package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {
  static final AccountSetup TEN_K = AccountSetup.usdt(new BigDecimal("10000"));

  static Backtest sma(long[][] bars) {
    return Backtest.builder()
        .data(() -> new TestBars(bars, 50))
        .instrument(TestBars.instrument())
        .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
        .bot("sma", TEN_K, (ex, clock) -> new SmaCrossBot(ex, 5, 20, new BigDecimal("0.01")))
        .build();
  }

  @Test
  void orderOnABarsCloseFillsAtTheNextBarsOpenNotAtTheClose() {
    long[][] bars = {
      {300_000, 301_000, 299_000, 300_500}, {310_000, 311_000, 309_000, 310_500},
    };
    Backtest bt =
        Backtest.builder()
            .data(() -> new TestBars(bars, 10))
            .instrument(TestBars.instrument())
            .bot(
                "peek",
                TEN_K,
                (ex, clock) ->
                    new Bot() {
                      boolean sent;

                      @Override
                      public void start() {
                        ex.streams()
                            .trades(
                                TestBars.SYMBOL,
                                t -> {
                                  if (!sent && t.time() == TestBars.T0 + TestBars.MINUTE - 1) {
                                    sent = true;
                                    ex.trading()
                                        .place(
                                            OrderRequest.market(
                                                TestBars.SYMBOL, Side.BUY, new BigDecimal("0.01")));
                                  }
                                });
                      }

                      @Override
                      public void stop() {}
                    })
            .build();
    List<Fill> fills = bt.run().account("peek").fills();
    assertThat(fills).hasSize(1);
    long nextOpen = TestBars.T0 + TestBars.MINUTE;
    assertThat(fills.get(0).time()).isGreaterThan(nextOpen);
    // the ask of the next bar's open (31000.0 + one tick), not of the close 30050.0
    assertThat(fills.get(0).price()).isEqualByComparingTo("31000.1");
  }

  @Test
  void twoRunsGiveIdenticalResults() {
    Backtest bt = sma(TestBars.randomWalk(7, 3 * 1440));
    BacktestResult a = bt.run();
    BacktestResult b = bt.run();
    assertThat(a.account("sma").fills()).isNotEmpty().isEqualTo(b.account("sma").fills());
    assertThat(a.account("sma").equity().equities())
        .isEqualTo(b.account("sma").equity().equities());
    assertThat(a.account("sma").metrics()).isEqualTo(b.account("sma").metrics());
  }

  @Test
  void samplesEquityOncePerIntervalAndAccountsForFees() {
    int n = 2 * 1440;
    BacktestResult r = sma(TestBars.randomWalk(3, n)).run();
    AccountResult a = r.account("sma");
    assertThat(r.startTime()).isEqualTo(TestBars.T0);
    assertThat(a.equity().size()).isEqualTo(n + 1);
    assertThat(a.equity().time(1) - a.equity().time(0)).isEqualTo(60_000);
    BigDecimal feeSum =
        a.fills().stream().map(Fill::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(a.fees()).isEqualTo(feeSum.doubleValue()).isPositive();
    assertThat(a.ordersSent()).isEqualTo(a.fills().stream().map(Fill::orderId).distinct().count());
    assertThat(a.roundTrips()).isNotEmpty();
    // taker fee 0.04 % of each fill's notional
    assertThat(a.fees())
        .isCloseTo(a.tradedNotional() * 0.0004, org.assertj.core.data.Offset.offset(1e-6));
    double last = a.equity().equity(a.equity().size() - 1);
    assertThat(a.metrics().totalReturn())
        .isCloseTo(last / 10_000 - 1, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void equityCurveMemoryGrowsWithSamplesNotEvents() {
    BacktestResult coarse =
        Backtest.builder()
            .data(() -> new TestBars(TestBars.randomWalk(3, 1440), 50))
            .instrument(TestBars.instrument())
            .equityInterval(Duration.ofHours(1))
            .bot("sma", TEN_K, (ex, clock) -> new SmaCrossBot(ex, 5, 20, new BigDecimal("0.01")))
            .build()
            .run();
    EquityCurve c = coarse.account("sma").equity();
    assertThat(coarse.events()).isEqualTo(1440 * 8);
    assertThat(c.size()).isEqualTo(25);
    assertThat(c.capacity()).isLessThanOrEqualTo(1024);
  }

  @Test
  void leaderFillsDriveTheLeaderAndACopierFollowsAtHalfSize(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("leader.csv");
    long t1 = TestBars.T0 + 90_000;
    long t2 = TestBars.T0 + 200_000;
    Files.writeString(
        csv,
        "time,symbol,side,price,qty\n"
            + t1
            + ",BTCUSDT,BUY,30000,0.2\n"
            + t2
            + ",BTCUSDT,SELL,30100,0.2\n");
    BacktestResult r =
        Backtest.builder()
            .data(() -> new TestBars(TestBars.randomWalk(1, 10), 50))
            .instrument(TestBars.instrument())
            .leaderFills(csv, TEN_K)
            .copier("half", TEN_K, (leader, follower, clock) -> new HalfCopier(leader, follower))
            .build()
            .run();
    assertThat(r.accounts()).extracting(AccountResult::name).containsExactly("leader", "half");
    assertThat(r.account("leader").fills())
        .extracting(Fill::quantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.2"), new BigDecimal("0.2"));
    assertThat(r.account("leader").fills().get(0).time()).isEqualTo(t1 + 1);
    assertThat(r.account("half").fills())
        .extracting(Fill::quantity)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("0.1"), new BigDecimal("0.1"));
    assertThat(r.account("half").roundTrips()).hasSize(1);
    assertThat(r.account("leader").roundTrips()).hasSize(1);
  }

  @Test
  void builderNamesWhatIsMissing() {
    assertThatThrownBy(() -> Backtest.builder().instrument(TestBars.instrument()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data source");
    assertThatThrownBy(
            () ->
                Backtest.builder()
                    .data(() -> new TestBars(new long[0][], 1))
                    .instrument(TestBars.instrument())
                    .copier("f", TEN_K, (l, f, c) -> new HalfCopier(l, f))
                    .build())
        .hasMessageContaining("leaderFills");
    assertThatThrownBy(
            () -> Backtest.builder().bot("leader", TEN_K, (e, c) -> new HalfCopier(e, e)))
        .hasMessageContaining("leader");
  }

  /** Copies each leader fill at half its quantity. */
  static final class HalfCopier implements Bot {
    private final dev.tradekit.api.Exchange leader;
    private final dev.tradekit.api.Exchange follower;

    HalfCopier(dev.tradekit.api.Exchange leader, dev.tradekit.api.Exchange follower) {
      this.leader = leader;
      this.follower = follower;
    }

    @Override
    public void start() {
      leader
          .streams()
          .userEvents(
              new dev.tradekit.api.UserEventListener() {
                @Override
                public void onFill(Fill f) {
                  follower
                      .trading()
                      .place(
                          OrderRequest.market(
                              f.symbol(), f.side(), f.quantity().divide(BigDecimal.valueOf(2))));
                }
              });
    }

    @Override
    public void stop() {}
  }
}
