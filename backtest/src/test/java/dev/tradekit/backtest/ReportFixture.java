package dev.tradekit.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** A small deterministic backtest for report and optimiser tests in other packages. */
public final class ReportFixture {
  /** The open time of the first bar. */
  public static final Instant T0 = Instant.ofEpochMilli(TestBars.T0);

  private static final long[][] THREE_DAYS = TestBars.randomWalk(7, 3 * 1440);

  private ReportFixture() {}

  /** Three days of random-walk bars traded by an SMA(5)/SMA(20) bot. */
  public static Backtest backtest() {
    return backtest(7);
  }

  /** One day of random-walk bars of {@code seed} traded by the SMA bot. */
  public static Backtest backtest(long seed) {
    return BacktestTest.sma(TestBars.randomWalk(seed, seed == 7 ? 3 * 1440 : 1440));
  }

  /**
   * The three days of {@link #backtest()} from {@code from} to {@code to}, traded by an
   * SMA(fast)/SMA(slow) bot in account {@code sma}.
   */
  public static Backtest sma(int fast, int slow, Instant from, Instant to) {
    return Backtest.builder()
        .data(() -> new TestBars(THREE_DAYS, 50))
        .instrument(TestBars.instrument())
        .fees(new BigDecimal("0.0002"), new BigDecimal("0.0004"))
        .start(from)
        .end(to)
        .bot(
            "sma",
            BacktestTest.TEN_K,
            (ex, clock) -> new SmaCrossBot(ex, fast, slow, new BigDecimal("0.01")))
        .build();
  }
}
