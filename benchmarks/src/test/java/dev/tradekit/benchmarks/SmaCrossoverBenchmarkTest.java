package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;

/** Both sides of the SMA crossover benchmark make the same trades on the same bars. */
class SmaCrossoverBenchmarkTest {

  @Test
  void primitiveLoopAndTa4jMakeTheSameTradesAndNetReturn() {
    SmaBars bars = SmaBars.generate(20_000);
    PrimitiveSmaCross ours =
        new PrimitiveSmaCross(
            SmaCrossoverBenchmark.FAST,
            SmaCrossoverBenchmark.SLOW,
            SmaCrossoverBenchmark.TAKER_FEE);
    long trades = ours.run(bars.open, bars.close);
    TradingRecord record =
        Ta4jSmaCross.run(
            bars.toSeries(),
            SmaCrossoverBenchmark.FAST,
            SmaCrossoverBenchmark.SLOW,
            SmaCrossoverBenchmark.TAKER_FEE);
    assertThat(trades).isGreaterThan(10).isEqualTo(record.getPositionCount());
    assertThat(ours.trades).isEqualTo(trades);
    double theirs = Ta4jSmaCross.netReturn(record);
    assertThat(ours.netReturn).isCloseTo(theirs, within(1e-9 * Math.max(1, Math.abs(theirs))));
    assertThat(ours.netReturn).isNotEqualTo(0.0);
  }

  @Test
  void feesLowerTheNetReturnByTheCostOfEveryRoundTrip() {
    SmaBars bars = SmaBars.generate(20_000);
    PrimitiveSmaCross free = new PrimitiveSmaCross(50, 200, 0);
    PrimitiveSmaCross paid = new PrimitiveSmaCross(50, 200, 0.0004);
    free.run(bars.open, bars.close);
    paid.run(bars.open, bars.close);
    double perTrip = (1 - 0.0004) / (1 + 0.0004);
    assertThat(1 + paid.netReturn)
        .isCloseTo((1 + free.netReturn) * Math.pow(perTrip, paid.trades), within(1e-12));
  }

  @Test
  void ta4jEntriesAreAtTheNextBarsOpenWithTheFeeInTheNetPrice() {
    SmaBars bars = SmaBars.generate(20_000);
    TradingRecord record = Ta4jSmaCross.run(bars.toSeries(), 50, 200, 0.0004);
    Position first = record.getPositions().get(0);
    int i = first.getEntry().getIndex();
    assertThat(first.getEntry().getPricePerAsset().doubleValue()).isEqualTo(bars.open[i]);
    assertThat(first.getEntry().getNetPrice().doubleValue())
        .isCloseTo(bars.open[i] * 1.0004, within(1e-9));
  }
}
