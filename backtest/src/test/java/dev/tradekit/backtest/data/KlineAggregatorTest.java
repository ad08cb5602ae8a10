package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bars built from trades and from finer bars by Binance's rules. */
class KlineAggregatorTest {
  private static final long T = 1_700_000_000_000L - 1_700_000_000_000L % 3_600_000L;
  private final List<Kline> closed = new ArrayList<>();
  private final List<Kline> updates = new ArrayList<>();

  private KlineAggregator aggregator(KlineInterval interval) {
    return new KlineAggregator(
        "BTCUSDT",
        interval,
        ticks -> BigDecimal.valueOf(ticks, 1),
        (k, isClosed) -> (isClosed ? closed : updates).add(k));
  }

  @Test
  void buildsOneMinuteBarsFromTradesAndClosesOnTheFirstTradeAfterTheCloseTime() {
    KlineAggregator a = aggregator(KlineInterval.M1);
    a.onTrade(T + 5_000, 1000, 1.0, false);
    a.onTrade(T + 20_000, 1010, 2.0, true);
    a.onTrade(T + 59_999, 995, 0.5, false);
    assertThat(closed).isEmpty();
    a.onTrade(T + 60_000, 1001, 1.0, false);

    assertThat(closed).hasSize(1);
    Kline k = closed.get(0);
    assertThat(k.openTime()).isEqualTo(T);
    assertThat(k.closeTime()).isEqualTo(T + 59_999);
    assertThat(k.open()).isEqualByComparingTo("100.0");
    assertThat(k.high()).isEqualByComparingTo("101.0");
    assertThat(k.low()).isEqualByComparingTo("99.5");
    assertThat(k.close()).isEqualByComparingTo("99.5");
    assertThat(k.volume()).isEqualByComparingTo("3.5");
    assertThat(k.takerBuyBaseVolume()).isEqualByComparingTo("1.5");
    assertThat(k.trades()).isEqualTo(3);
    assertThat(updates).hasSize(4);
    assertThat(updates.get(3).openTime()).isEqualTo(T + 60_000);
  }

  @Test
  void aTickSinkGetsEveryBarAsNumbersWithTheKlinesValues() {
    KlineAggregator klines = aggregator(KlineInterval.M1);
    List<long[]> ticks = new ArrayList<>();
    List<double[]> volumes = new ArrayList<>();
    KlineAggregator numbers =
        new KlineAggregator(
            "BTCUSDT",
            KlineInterval.M1,
            t -> t / 10.0,
            (open, close, o, h, l, c, v, qv, n, tb, isClosed) -> {
              ticks.add(new long[] {open, close, o, h, l, c, n, isClosed ? 1 : 0});
              volumes.add(new double[] {v, qv, tb});
            });
    long[][] trades = {{5_000, 1000}, {20_000, 1010}, {59_999, 995}, {60_000, 1001}};
    for (long[] t : trades) {
      klines.onTrade(T + t[0], t[1], 1.5, t[1] < 1000);
      numbers.onTrade(T + t[0], t[1], 1.5, t[1] < 1000);
    }
    numbers.advanceTo(T + 120_000);
    klines.advanceTo(T + 120_000);

    List<Kline> all = new ArrayList<>(updates);
    all.add(3, closed.get(0));
    all.add(closed.get(1));
    assertThat(ticks).hasSize(all.size()).hasSize(6);
    for (int i = 0; i < all.size(); i++) {
      Kline k = all.get(i);
      long[] t = ticks.get(i);
      assertThat(t[0]).isEqualTo(k.openTime());
      assertThat(t[1]).isEqualTo(k.closeTime());
      assertThat(BigDecimal.valueOf(t[2], 1)).isEqualByComparingTo(k.open());
      assertThat(BigDecimal.valueOf(t[5], 1)).isEqualByComparingTo(k.close());
      assertThat(t[6]).isEqualTo(k.trades());
      assertThat(KlineAggregator.decimal(volumes.get(i)[0])).isEqualByComparingTo(k.volume());
      assertThat(KlineAggregator.decimal(volumes.get(i)[1])).isEqualByComparingTo(k.quoteVolume());
    }
    assertThat(ticks.get(3)[7]).isEqualTo(1);
    assertThat(ticks.get(2)[7]).isZero();
  }

  @Test
  void fillsMinutesWithoutTradesWithFlatBarsAtThePreviousClose() {
    KlineAggregator a = aggregator(KlineInterval.M1);
    a.onTrade(T + 1_000, 1000, 1.0, false);
    a.advanceTo(T + 3 * 60_000 + 1);

    assertThat(closed).extracting(Kline::openTime).containsExactly(T, T + 60_000, T + 120_000);
    assertThat(closed.get(2).open()).isEqualByComparingTo("100.0");
    assertThat(closed.get(2).high()).isEqualByComparingTo("100.0");
    assertThat(closed.get(2).volume()).isEqualByComparingTo("0");
    assertThat(closed.get(2).trades()).isZero();
  }

  @Test
  void opensWeeklyBarsOnMondayMidnightUtc() {
    KlineAggregator a = aggregator(KlineInterval.W1);
    // 2023-11-14T22:13:20Z is a Tuesday; its week opened on Monday 2023-11-13T00:00Z
    assertThat(a.openTimeOf(1_700_000_000_000L)).isEqualTo(1_699_833_600_000L);
  }

  @Test
  void mergesClosedFinerBarsAndClosesWithTheLastOne() {
    KlineAggregator a = aggregator(KlineInterval.M5);
    for (int i = 0; i < 5; i++) {
      long open = T + i * 60_000L;
      a.onBar(open, open + 59_999, 1000 + i, 1010 + i, 990 - i, 1001 + i, 1.0, 100.0, true);
    }

    assertThat(closed).hasSize(1);
    Kline k = closed.get(0);
    assertThat(k.openTime()).isEqualTo(T);
    assertThat(k.closeTime()).isEqualTo(T + 299_999);
    assertThat(k.open()).isEqualByComparingTo("100.0");
    assertThat(k.high()).isEqualByComparingTo("101.4");
    assertThat(k.low()).isEqualByComparingTo("98.6");
    assertThat(k.close()).isEqualByComparingTo("100.5");
    assertThat(k.volume()).isEqualByComparingTo("5");
    assertThat(updates).hasSize(4);
  }

  @Test
  void passesBarsOfTheSameIntervalThrough() {
    KlineAggregator a = aggregator(KlineInterval.M1);
    a.onBar(T, T + 59_999, 1000, 1010, 990, 1005, 2.0, 200.0, true);
    a.onBar(T + 60_000, T + 119_999, 1005, 1006, 1004, 1006, 1.0, 100.0, true);

    assertThat(closed).extracting(Kline::openTime).containsExactly(T, T + 60_000);
    assertThat(closed.get(0).close()).isEqualByComparingTo("100.5");
  }

  @Test
  void thePassThroughOfClosedBarsGivesWhatTheGeneralPathGivesOnRandomSequences() {
    Random random = new Random(21);
    for (KlineInterval interval : new KlineInterval[] {KlineInterval.M1, KlineInterval.M5}) {
      long len = interval.millis();
      for (int run = 0; run < 200; run++) {
        List<String> fast = new ArrayList<>();
        List<String> general = new ArrayList<>();
        KlineAggregator a = recording(interval, fast);
        KlineAggregator b = recording(interval, general);
        long time = T + random.nextInt(3) * len;
        long price = 1000;
        for (int step = 0; step < 60; step++) {
          int kind = random.nextInt(10);
          long open = price;
          price += random.nextInt(21) - 10;
          long high = Math.max(open, price) + random.nextInt(3);
          long low = Math.min(open, price) - random.nextInt(3);
          double volume = random.nextInt(100) / 8.0;
          if (kind < 5) { // a bar of the interval: aligned, unaligned, after a gap, or open
            long barOpen = time;
            if (kind == 1) {
              barOpen += len * (1 + random.nextInt(3)); // a gap
            } else if (kind == 2) {
              barOpen += random.nextInt(1000); // not aligned
            }
            boolean closed = kind != 3;
            a.onBar(
                barOpen, barOpen + len - 1, open, high, low, price, volume, volume * 10, closed);
            b.build(
                barOpen, barOpen + len - 1, open, high, low, price, volume, volume * 10, closed);
            time = barOpen - barOpen % len + (closed ? len : 0);
          } else if (kind < 8) { // a finer bar
            long sub = len / 5;
            long barOpen = time + sub * random.nextInt(5);
            boolean closed = kind != 7;
            a.onBar(barOpen, barOpen + sub - 1, open, high, low, price, volume, volume, closed);
            b.build(barOpen, barOpen + sub - 1, open, high, low, price, volume, volume, closed);
            time = barOpen - barOpen % len;
          } else if (kind == 8) { // a trade
            long at = time + random.nextInt((int) len);
            boolean buyerMaker = random.nextBoolean();
            a.onTrade(at, price, volume, buyerMaker);
            b.onTrade(at, price, volume, buyerMaker);
            time = at - at % len;
          } else { // time passing
            long at = time + random.nextInt((int) (2 * len));
            a.advanceTo(at);
            b.advanceTo(at);
          }
          assertThat(fast).as("run %d step %d", run, step).isEqualTo(general);
          assertThat(a.building()).isEqualTo(b.building());
          assertThat(a.lastCloseTicks()).isEqualTo(b.lastCloseTicks());
        }
        assertThat(fast).as("bars handed on in run %d", run).hasSizeGreaterThan(10);
      }
    }
  }

  @Test
  void takesAsIsOnlyAClosedBarOfTheIntervalWhileNoneIsBuildingAndRecordsItsClose() {
    KlineAggregator a = aggregator(KlineInterval.M5);
    long len = KlineInterval.M5.millis();
    assertThat(a.takesAsIs(T, T + len - 1, 1005, false)).isFalse(); // not closed
    assertThat(a.takesAsIs(T, T + 59_999, 1005, true)).isFalse(); // a finer bar
    assertThat(a.lastCloseTicks()).isEqualTo(Long.MIN_VALUE);

    assertThat(a.takesAsIs(T, T + len - 1, 1005, true)).isTrue();
    assertThat(a.lastCloseTicks()).isEqualTo(1005);
    assertThat(closed).isEmpty(); // the caller delivers it: nothing went through the sink

    a.onBar(T + len, T + len + 59_999, 1005, 1010, 1000, 1007, 1.0, 10.0, true); // now building
    assertThat(a.building()).isTrue();
    assertThat(a.takesAsIs(T + 2 * len, T + 3 * len - 1, 1001, true)).isFalse();
    assertThat(a.lastCloseTicks()).isEqualTo(1005);
  }

  @Test
  void aCallerDeliveringWhatItTakesAsIsGetsWhatTheSinkGetsOnRandomSequences() {
    Random random = new Random(7);
    for (KlineInterval interval : new KlineInterval[] {KlineInterval.M1, KlineInterval.M5}) {
      long len = interval.millis();
      for (int run = 0; run < 200; run++) {
        List<String> viaSink = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        KlineAggregator a = recording(interval, viaSink);
        KlineAggregator b = recording(interval, direct);
        long time = T;
        long price = 1000;
        int taken = 0;
        for (int step = 0; step < 40; step++) {
          long open = price;
          price += random.nextInt(21) - 10;
          long high = Math.max(open, price) + 1;
          long low = Math.min(open, price) - 1;
          boolean whole = random.nextInt(4) != 0;
          boolean closed = random.nextInt(5) != 0;
          long barOpen = whole ? time : time + len / 5 * random.nextInt(5);
          long barClose = barOpen + (whole ? len : len / 5) - 1;
          a.onBar(barOpen, barClose, open, high, low, price, 2.5, 25.0, closed);
          if (b.takesAsIs(barOpen, barClose, price, closed)) { // as KlineFeed does
            direct.add(line(barOpen, barClose, open, high, low, price, 2.5, 25.0, 0, 0, true));
            taken++;
          } else {
            b.onBar(barOpen, barClose, open, high, low, price, 2.5, 25.0, closed);
          }
          time = whole && closed ? time + len : time;
          assertThat(direct).as("run %d step %d", run, step).isEqualTo(viaSink);
          assertThat(b.building()).isEqualTo(a.building());
          assertThat(b.lastCloseTicks()).isEqualTo(a.lastCloseTicks());
        }
        assertThat(taken).as("bars taken as they are in run %d", run).isPositive();
      }
    }
  }

  private static String line(
      long open,
      long close,
      long o,
      long h,
      long l,
      long c,
      double v,
      double qv,
      long n,
      double tb,
      boolean isClosed) {
    return open + " " + close + " " + o + " " + h + " " + l + " " + c + " " + v + " " + qv + " " + n
        + " " + tb + " " + isClosed;
  }

  /** An aggregator whose sink writes every bar it gets, all its values, as a line. */
  private static KlineAggregator recording(KlineInterval interval, List<String> into) {
    return new KlineAggregator(
        "BTCUSDT",
        interval,
        t -> t / 10.0,
        (open, close, o, h, l, c, v, qv, n, tb, isClosed) ->
            into.add(line(open, close, o, h, l, c, v, qv, n, tb, isClosed)));
  }

  @Test
  void refusesBarsLongerThanTheIntervalAndCalendarMonths() {
    KlineAggregator a = aggregator(KlineInterval.M1);
    assertThatThrownBy(() -> a.onBar(T, T + 299_999, 1, 1, 1, 1, 0, 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("300000 ms cannot build 1m bars");
    assertThatThrownBy(() -> aggregator(KlineInterval.MN1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calendar-month");
  }
}
