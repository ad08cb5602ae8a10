package dev.tradekit.backtest;

/** A small deterministic backtest for report and optimiser tests in other packages. */
public final class ReportFixture {
  private ReportFixture() {}

  /** Three days of random-walk bars traded by an SMA(5)/SMA(20) bot. */
  public static Backtest backtest() {
    return backtest(7);
  }

  /** One day of random-walk bars of {@code seed} traded by the SMA bot. */
  public static Backtest backtest(long seed) {
    return BacktestTest.sma(TestBars.randomWalk(seed, seed == 7 ? 3 * 1440 : 1440));
  }
}
