package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Bar mode's hand-over of a quiet bar at its close step (the clock moved to its release when
 * nothing can come first): under fixed and drawn latencies, with equity sampled hourly (so that
 * most releases have nothing else due), bars read as columns — lent or copied — reach a kline bot
 * at the same times, with the same fills and equity, as the same bars replayed as events one by
 * one.
 */
class BarHandOverTest {
  private static final long[][] OHLC = TestBars.randomWalk(17, 400);

  /** Each closed kline as "open time, the clock when seen", then each fill, then equity samples. */
  private static List<String> run(Supplier<MarketDataSource> data, LatencyModel marketData) {
    List<String> seen = new ArrayList<>();
    BacktestResult r =
        Backtest.builder()
            .data(data)
            .instrument(TestBars.instrument())
            .barMode(true)
            .start(Instant.ofEpochMilli(TestBars.T0))
            .equityInterval(Duration.ofHours(1))
            .orderLatency(LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(3)))
            .marketDataLatency(marketData)
            .bot(
                "bars",
                AccountSetup.usdt(new BigDecimal("10000")),
                (ex, clock) ->
                    new Bot() {
                      @Override
                      public void start() {
                        KlineListener l =
                            (k, closed) -> {
                              long i = (k.openTime() - TestBars.T0) / TestBars.MINUTE;
                              seen.add(
                                  "bar "
                                      + i
                                      + " seen at +"
                                      + (clock.currentTimeMillis() - k.closeTime()));
                              if (i % 5 == 0 || i % 5 == 2) {
                                Side side = i % 5 == 0 ? Side.BUY : Side.SELL;
                                ex.trading()
                                    .place(
                                        OrderRequest.market(
                                            TestBars.SYMBOL, side, new BigDecimal("0.01")));
                              }
                            };
                        ex.streams().klines(TestBars.SYMBOL, KlineInterval.M1, l);
                      }

                      @Override
                      public void stop() {}
                    })
            .build()
            .run();
    for (Fill f : r.account("bars").fills()) {
      seen.add("fill " + f.time() + " " + f.side() + " " + f.price().toPlainString());
    }
    EquityCurve e = r.account("bars").equity();
    for (int i = 0; i < e.size(); i++) {
      seen.add("equity " + e.time(i) + " " + e.equity(i) + " " + e.notional(i));
    }
    return seen;
  }

  @Test
  void quietBarsHandedOverAtTheirCloseGiveTheRunOfBarEventsUnderFixedAndDrawnLatencies() {
    List<LatencyModel> latencies =
        List.of(
            LatencyModel.fixed(Duration.ofMillis(1)),
            LatencyModel.fixed(Duration.ofMillis(2)),
            LatencyModel.sampled(
                List.of(Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5))));
    for (LatencyModel marketData : latencies) {
      List<String> events = run(() -> new TestBars(OHLC, 50), marketData);
      List<String> copied = run(() -> TestBars.columnar(OHLC, 50, 64), marketData);
      List<String> lent =
          run(
              () -> dev.tradekit.backtest.data.BarSource.ofBlocks(TestBars.blocks(OHLC, 50, 64)),
              marketData);

      assertThat(events.get(0)).startsWith("bar 0 seen at +");
      assertThat(events).hasSizeGreaterThan(399 + 150);
      assertThat(copied).as("columns copied, %s", marketData).isEqualTo(events);
      assertThat(lent).as("columns lent, %s", marketData).isEqualTo(events);
    }
  }
}
