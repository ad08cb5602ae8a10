package dev.tradekit.strategy;

import dev.tradekit.strategy.indicators.BarIndicator;
import dev.tradekit.strategy.indicators.Rsi;
import dev.tradekit.strategy.indicators.Sma;
import java.util.List;

/**
 * Ready-made bar strategies, written on the public API as a user would write their own.
 *
 * <pre>{@code
 * BarStrategy golden = Strategies.smaCross(50, 200);
 * BarStrategy meanReversion = Strategies.rsi(14, 30, 70);
 * }</pre>
 */
public final class Strategies {
  private Strategies() {}

  /**
   * Long when the SMA of {@code fast} closes crosses above the SMA of {@code slow} closes, flat
   * when it crosses below. A cross is a change of the sign of {@code fast − slow} against the last
   * bar where they differed (ta4j's {@code CrossedUpIndicatorRule} / {@code
   * CrossedDownIndicatorRule}); the averages count from the first bar, over the bars so far while
   * fewer than the period exist (as ta4j's {@code SMAIndicator}).
   *
   * @throws IllegalArgumentException unless {@code 1 <= fast < slow}
   */
  public static BarStrategy smaCross(int fast, int slow) {
    if (fast < 1 || fast >= slow) {
      throw new IllegalArgumentException(
          "need 1 <= fast < slow, was fast " + fast + ", slow " + slow);
    }
    return new SmaCross(fast, slow);
  }

  /**
   * Long when the RSI of {@code period} crosses below {@code lower}, flat when it crosses above
   * {@code upper} (crossings as ta4j's {@code CrossedDown/UpIndicatorRule} against a constant).
   *
   * @throws IllegalArgumentException unless {@code period >= 1} and {@code 0 < lower < upper < 100}
   */
  public static BarStrategy rsi(int period, double lower, double upper) {
    if (period < 1 || !(lower > 0 && lower < upper && upper < 100)) {
      throw new IllegalArgumentException(
          "need period >= 1 and 0 < lower < upper < 100, was "
              + period
              + ", "
              + lower
              + ", "
              + upper);
    }
    return new RsiReversion(period, lower, upper);
  }

  /** The SMA crossover. */
  private static final class SmaCross implements BarStrategy {
    private final Sma fast;
    private final Sma slow;
    private int lastSign;

    SmaCross(int fast, int slow) {
      this.fast = new Sma(fast);
      this.slow = new Sma(slow);
    }

    @Override
    public List<BarIndicator> indicators() {
      return List.of(fast, slow);
    }

    @Override
    public void onBar(Bar bar, BarContext ctx) {
      double f = fast.value();
      double s = slow.value();
      int sign = f > s ? 1 : f < s ? -1 : 0;
      if (sign > 0 && lastSign < 0) {
        ctx.goLong();
      } else if (sign < 0 && lastSign > 0) {
        ctx.goFlat();
      }
      if (sign != 0) {
        lastSign = sign;
      }
    }

    @Override
    public String toString() {
      return "smaCross(" + fast.period() + ", " + slow.period() + ")";
    }
  }

  /** RSI mean reversion. */
  private static final class RsiReversion implements BarStrategy {
    private final Rsi rsi;
    private final double lower;
    private final double upper;
    private int lastLowerSide;
    private int lastUpperSide;

    RsiReversion(int period, double lower, double upper) {
      this.rsi = new Rsi(period);
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public List<BarIndicator> indicators() {
      return List.of(rsi);
    }

    @Override
    public void onBar(Bar bar, BarContext ctx) {
      double r = rsi.value();
      int lowerSide = Double.compare(r, lower);
      int upperSide = Double.compare(r, upper);
      if (lowerSide < 0 && lastLowerSide > 0) {
        ctx.goLong();
      } else if (upperSide > 0 && lastUpperSide < 0) {
        ctx.goFlat();
      }
      if (lowerSide != 0) {
        lastLowerSide = lowerSide;
      }
      if (upperSide != 0) {
        lastUpperSide = upperSide;
      }
    }

    @Override
    public String toString() {
      return "rsi(" + lower + ", " + upper + ")";
    }
  }
}
