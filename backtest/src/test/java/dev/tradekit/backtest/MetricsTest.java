package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
  static final long DAY = Metrics.DAY_MILLIS;
  static final long[] TIMES = {0, DAY, 2 * DAY, 3 * DAY};
  static final double[] EQUITY = {100, 110, 99, 118.8};
  static final double[] TRIPS = {10, -5, 20, -5};

  final Metrics m = Metrics.compute(TIMES, EQUITY, 4, TRIPS, 4, 2, 500);

  @Test
  void returnsMatchTheHandComputedSeries() {
    assertThat(m.totalReturn()).isCloseTo(0.188, within(1e-12));
    // (1.188)^(365/3) - 1
    assertThat(m.annualisedReturn() / 1266680091.65862).isCloseTo(1, within(1e-9));
    assertThat(m.days()).isEqualTo(3);
  }

  @Test
  void sharpeAndSortinoUseSampleSigmaOnA365DayYear() {
    // returns 0.1, -0.1, 0.2: mean 1/15, sample sd sqrt(0.02333…)
    assertThat(m.sharpe()).isCloseTo(8.338093878327918, within(1e-9));
    // downside deviation sqrt(0.01 / 2)
    assertThat(m.sortino()).isCloseTo(18.012341448141726, within(1e-9));
  }

  @Test
  void drawdownIsTheDeepestFallFromAPeakAndItsDurationUntilRegained() {
    assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
    assertThat(m.maxDrawdownDurationMillis()).isEqualTo(2 * DAY);
    assertThat(m.calmar()).isCloseTo(m.annualisedReturn() / 0.1, within(1e-3));
    long[] t = {0, 1, 2, 3};
    assertThat(Metrics.maxDrawdownDuration(t, new double[] {5, 4, 3, 2}, 4)).isEqualTo(3);
    assertThat(Metrics.maxDrawdown(new double[] {5, 4, 3, 2}, 4)).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void tradeStatisticsComeFromRoundTripNetPnl() {
    assertThat(m.profitFactor()).isCloseTo(3, within(1e-12));
    assertThat(m.winRate()).isCloseTo(0.5, within(1e-12));
    assertThat(m.expectancy()).isCloseTo(5, within(1e-12));
    assertThat(m.averageWin()).isCloseTo(15, within(1e-12));
    assertThat(m.averageLoss()).isCloseTo(-5, within(1e-12));
    assertThat(m.roundTrips()).isEqualTo(4);
  }

  @Test
  void turnoverAndFeesShare() {
    assertThat(m.turnover()).isCloseTo(500 / 106.95, within(1e-12));
    assertThat(m.feesShare()).isCloseTo(2 / 20.8, within(1e-12));
  }

  @Test
  void dailyReturnsTakeTheLastSampleAtOrBeforeEachDayBoundary() {
    long h = DAY / 24;
    long[] t = {0, 12 * h, DAY, 30 * h, 2 * DAY + 1};
    double[] e = {100, 150, 120, 60, 90};
    double[] daily = Metrics.dailyReturns(t, e, 5);
    assertThat(daily).hasSize(2);
    assertThat(daily[0]).isCloseTo(0.2, within(1e-12));
    assertThat(daily[1]).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void undefinedValuesAreNaN() {
    Metrics flat = Metrics.compute(new long[] {0}, new double[] {100}, 1, new double[0], 0, 0, 0);
    assertThat(flat.sharpe()).isNaN();
    assertThat(flat.profitFactor()).isNaN();
    assertThat(flat.totalReturn()).isZero();
    assertThat(flat.value("winRate")).isNaN();
  }
}
