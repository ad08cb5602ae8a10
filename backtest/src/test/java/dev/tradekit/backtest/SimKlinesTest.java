package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's kline stream in a Backtest fed with one-minute bars. */
class SimKlinesTest {
  private static final AccountSetup TEN_K = AccountSetup.usdt(new BigDecimal("10000"));

  private static List<Kline> closedBars(long[][] ohlc, KlineInterval interval) {
    List<Kline> closed = new ArrayList<>();
    run(
        ohlc,
        interval,
        (k, isClosed) -> {
          if (isClosed) {
            closed.add(k);
          }
        });
    return closed;
  }

  /** A Backtest over {@code ohlc} whose one bot subscribes {@code listener} to the klines. */
  private static void run(long[][] ohlc, KlineInterval interval, KlineListener listener) {
    Backtest.builder()
        .data(() -> new TestBars(ohlc, 50))
        .instrument(TestBars.instrument())
        .bot(
            "bars",
            TEN_K,
            (ex, clock) ->
                new Bot() {
                  @Override
                  public void start() {
                    ex.streams().klines(TestBars.SYMBOL, interval, listener);
                  }

                  @Override
                  public void stop() {}
                })
        .build()
        .run();
  }

  @Test
  void aNumericListenerGetsTheSameClosedBarsAsNumbersAndNoUpdatesWhenItWantsNone() {
    long[][] ohlc = TestBars.randomWalk(7, 30);
    List<Kline> expected = closedBars(ohlc, KlineInterval.M1);
    List<double[]> numbers = new ArrayList<>();
    int[] klineCalls = new int[1];
    run(
        ohlc,
        KlineInterval.M1,
        new KlineListener.Numeric() {
          @Override
          public void onKline(Kline k, boolean closed) {
            klineCalls[0]++;
          }

          @Override
          public boolean wantsUpdates() {
            return false;
          }

          @Override
          public void onBar(
              long openTime,
              long closeTime,
              double open,
              double high,
              double low,
              double close,
              double volume,
              boolean closed) {
            numbers.add(
                new double[] {openTime, closeTime, open, high, low, close, volume, closed ? 1 : 0});
          }
        });

    assertThat(klineCalls[0]).isZero();
    assertThat(numbers).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Kline k = expected.get(i);
      assertThat(numbers.get(i))
          .containsExactly(
              k.openTime(),
              k.closeTime(),
              k.open().doubleValue(),
              k.high().doubleValue(),
              k.low().doubleValue(),
              k.close().doubleValue(),
              k.volume().doubleValue(),
              1);
    }
  }

  @Test
  void closedOneMinuteBarsAreTheDataBarsInOrderEachOnce() {
    long[][] ohlc = TestBars.randomWalk(7, 30);
    List<Kline> closed = closedBars(ohlc, KlineInterval.M1);

    // the last bar closes only when time passes its close time, which no later data does
    assertThat(closed).hasSize(29);
    for (int i = 0; i < closed.size(); i++) {
      Kline k = closed.get(i);
      assertThat(k.openTime()).isEqualTo(TestBars.T0 + i * TestBars.MINUTE);
      assertThat(k.closeTime()).isEqualTo(TestBars.T0 + (i + 1) * TestBars.MINUTE - 1);
      assertThat(k.open()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[i][0]));
      assertThat(k.high()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[i][1]));
      assertThat(k.low()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[i][2]));
      assertThat(k.close()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[i][3]));
      assertThat(k.volume()).isEqualByComparingTo("50");
    }
  }

  @Test
  void fiveMinuteBarsAggregateTheMinutesOnFiveMinuteBoundaries() {
    long[][] ohlc = TestBars.randomWalk(11, 31);
    List<Kline> closed = closedBars(ohlc, KlineInterval.M5);

    long five = 5 * TestBars.MINUTE;
    // the data starts 3 minutes into a 5-minute bar: that first bar holds 2 minutes
    assertThat(TestBars.T0 % five).isEqualTo(3 * TestBars.MINUTE);
    assertThat(closed).hasSize(6);
    int first = 0;
    for (Kline k : closed) {
      int last = (int) ((k.closeTime() + 1 - TestBars.T0) / TestBars.MINUTE) - 1;
      long high = Long.MIN_VALUE;
      long low = Long.MAX_VALUE;
      for (int i = first; i <= last; i++) {
        high = Math.max(high, ohlc[i][1]);
        low = Math.min(low, ohlc[i][2]);
      }
      assertThat(k.openTime() % five).isZero();
      assertThat(k.open()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[first][0]));
      assertThat(k.high()).isEqualByComparingTo(TestBars.SCALE.toPrice(high));
      assertThat(k.low()).isEqualByComparingTo(TestBars.SCALE.toPrice(low));
      assertThat(k.close()).isEqualByComparingTo(TestBars.SCALE.toPrice(ohlc[last][3]));
      assertThat(k.volume()).isEqualByComparingTo(BigDecimal.valueOf(50L * (last - first + 1)));
      first = last + 1;
    }
    assertThat(first).isEqualTo(27);
  }
}
