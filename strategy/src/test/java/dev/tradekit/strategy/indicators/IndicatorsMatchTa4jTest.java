package dev.tradekit.strategy.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * Each native indicator gives ta4j 0.17's value on every one of the ~345 one-second bars of the
 * real BTCUSDT recording (relative error below 1e-9), from the first bar on.
 */
class IndicatorsMatchTa4jTest {
  static RecordedBars bars;
  static BarSeries series;
  static ClosePriceIndicator close;

  @BeforeAll
  static void load() {
    bars = RecordedBars.btcusdt();
    series = bars.toSeries();
    close = new ClosePriceIndicator(series);
  }

  private static void assertSame(String what, IntToDoubleFunction ours, Indicator<Num> theirs) {
    assertThat(bars.size()).as("bars in the recording").isGreaterThan(300);
    for (int i = 0; i < bars.size(); i++) {
      double expected = theirs.getValue(i).doubleValue();
      double actual = ours.applyAsDouble(i);
      assertThat(actual)
          .as("%s at bar %d", what, i)
          .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }

  /** Runs {@code update} on every bar first and records {@code value} after each. */
  private static double[] run(BarIndicator indicator, java.util.function.DoubleSupplier value) {
    double[] out = new double[bars.size()];
    for (int i = 0; i < bars.size(); i++) {
      indicator.onBar(bars.open[i], bars.high[i], bars.low[i], bars.close[i], bars.volume[i]);
      out[i] = value.getAsDouble();
    }
    return out;
  }

  @Test
  void smaEqualsTa4jSmaIncludingTheFirstShortWindows() {
    for (int period : new int[] {1, 5, 50}) {
      Sma sma = new Sma(period);
      double[] v = run(sma, sma::value);
      assertSame("SMA(" + period + ")", i -> v[i], new SMAIndicator(close, period));
    }
  }

  @Test
  void emaEqualsTa4jEma() {
    for (int period : new int[] {3, 20}) {
      Ema ema = new Ema(period);
      double[] v = run(ema, ema::value);
      assertSame("EMA(" + period + ")", i -> v[i], new EMAIndicator(close, period));
    }
  }

  @Test
  void rsiEqualsTa4jRsi() {
    Rsi rsi = new Rsi(14);
    double[] v = run(rsi, rsi::value);
    assertSame("RSI(14)", i -> v[i], new RSIIndicator(close, 14));
    assertThat(java.util.Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    assertThat(java.util.Arrays.stream(v).max().orElseThrow()).isLessThanOrEqualTo(100.0);
  }

  @Test
  void atrEqualsTa4jAtr() {
    Atr atr = new Atr(14);
    double[] v = run(atr, atr::value);
    assertSame("ATR(14)", i -> v[i], new ATRIndicator(series, 14));
    assertThat(v[bars.size() - 1]).isPositive();
  }

  @Test
  void bollingerBandsEqualTa4jBands() {
    Bollinger bb = new Bollinger(20, 2.0);
    int n = bars.size();
    double[] mid = new double[n];
    double[] up = new double[n];
    double[] lo = new double[n];
    for (int i = 0; i < n; i++) {
      bb.update(bars.close[i]);
      mid[i] = bb.middle();
      up[i] = bb.upper();
      lo[i] = bb.lower();
    }
    BollingerBandsMiddleIndicator middle =
        new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
    StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
    Num k = series.numOf(2);
    assertSame("middle", i -> mid[i], middle);
    assertSame("upper", i -> up[i], new BollingerBandsUpperIndicator(middle, sd, k));
    assertSame("lower", i -> lo[i], new BollingerBandsLowerIndicator(middle, sd, k));
  }

  @Test
  void macdAndItsSignalEqualTa4j() {
    Macd macd = new Macd(12, 26, 9);
    int n = bars.size();
    double[] line = new double[n];
    double[] signal = new double[n];
    for (int i = 0; i < n; i++) {
      macd.update(bars.close[i]);
      line[i] = macd.value();
      signal[i] = macd.signal();
    }
    MACDIndicator theirs = new MACDIndicator(close, 12, 26);
    assertSame("MACD", i -> line[i], theirs);
    assertSame("signal", i -> signal[i], new EMAIndicator(theirs, 9));
  }
}
