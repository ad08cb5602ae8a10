package dev.tradekit.backtest.report;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.EquityCurve;
import java.util.ArrayList;
import java.util.List;

/**
 * The price an account saw, for the report's price chart: the mark price at each equity sample
 * while the account held a position ({@code |notional| / |position|}, the position rebuilt from the
 * fills up to the sample) and the price of every fill; the fills are marked on it.
 */
final class PriceSeries {
  private static final double FLAT = 1e-12;

  private PriceSeries() {}

  static void chart(StringBuilder sb, String title, EquityCurve curve, List<Fill> fills) {
    List<Long> times = new ArrayList<>();
    List<Double> prices = new ArrayList<>();
    int next = 0;
    double position = 0;
    long[] t = curve.times();
    double[] notional = curve.notionals();
    for (int i = 0; i < t.length; i++) {
      while (next < fills.size() && fills.get(next).time() <= t[i]) {
        Fill f = fills.get(next);
        double q = f.quantity().doubleValue();
        position += f.side() == Side.BUY ? q : -q;
        times.add(f.time());
        prices.add(f.price().doubleValue());
        next++;
      }
      if (Math.abs(position) > FLAT && Math.abs(notional[i]) > 0) {
        times.add(t[i]);
        prices.add(Math.abs(notional[i] / position));
      }
    }
    for (; next < fills.size(); next++) {
      times.add(fills.get(next).time());
      prices.add(fills.get(next).price().doubleValue());
    }
    long[] x = new long[times.size()];
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = times.get(i);
      y[i] = prices.get(i);
    }
    long[] mx = new long[fills.size()];
    double[] my = new double[mx.length];
    boolean[] buy = new boolean[mx.length];
    for (int i = 0; i < mx.length; i++) {
      Fill f = fills.get(i);
      mx[i] = f.time();
      my[i] = f.price().doubleValue();
      buy[i] = f.side() == Side.BUY;
    }
    if (x.length == 0) {
      // no position and no fill: the chart says so rather than drawing an empty frame
      x = t.length == 0 ? new long[] {0, 1} : new long[] {t[0], t[t.length - 1]};
      y = new double[] {Double.NaN, Double.NaN};
      title = title + " (no fill)";
    }
    SvgChart.line(sb, title, x, y, "#444", false, SvgChart.Unit.PRICE, mx, my, buy);
  }
}
