package dev.tradekit.backtest.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Draws simple inline SVG charts (line, area around zero, histogram) with no scripts or fonts: time
 * (UTC) on the x axis of line charts, y labels in the chart's unit.
 */
final class SvgChart {
  static final int WIDTH = 860;
  static final int HEIGHT = 230;
  private static final int LEFT = 96;
  private static final int RIGHT = 14;
  private static final int TOP = 28;
  private static final int BOTTOM = 34;
  private static final int X_TICKS = 5;
  private static final int Y_TICKS = 5;

  /** How y values are written on the axis. */
  enum Unit {
    MONEY,
    PERCENT,
    PRICE
  }

  /** Beyond this many points a line keeps each bucket's minimum and maximum. */
  static final int MAX_POINTS = 2000;

  private SvgChart() {}

  /**
   * A line chart of {@code y} against {@code x}; {@code zeroLine} draws y = 0 when it is in range.
   */
  static void line(
      StringBuilder sb,
      String title,
      long[] x,
      double[] y,
      String color,
      boolean zeroLine,
      Unit unit) {
    line(sb, title, x, y, color, zeroLine, unit, new long[0], new double[0], new boolean[0]);
  }

  /**
   * A line chart with marks: at ({@code markX[i]}, {@code markY[i]}) a triangle pointing up with
   * "B" under it for a buy, pointing down with "S" over it for a sell (readable without colour).
   */
  static void line(
      StringBuilder sb,
      String title,
      long[] x,
      double[] y,
      String color,
      boolean zeroLine,
      Unit unit,
      long[] markX,
      double[] markY,
      boolean[] markBuy) {
    int n = y.length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    if (zeroLine) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    for (double v : markY) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    long x0 = n > 0 ? x[0] : 0;
    long x1 = n > 0 ? x[n - 1] : 1;
    double xs = x1 > x0 ? (WIDTH - LEFT - RIGHT) / (double) (x1 - x0) : 0;
    double ys = (HEIGHT - TOP - BOTTOM) / (hi - lo);
    open(sb, title);
    axes(sb, lo, hi, unit);
    timeAxis(sb, x0, x1);
    if (zeroLine) {
      double zy = HEIGHT - BOTTOM - (0 - lo) * ys;
      sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT);
      sb.append("\" y1=\"").append(fmt(zy)).append("\" y2=\"").append(fmt(zy));
      sb.append("\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n");
    }
    sb.append("<polyline fill=\"none\" stroke=\"").append(color);
    sb.append("\" stroke-width=\"1.2\" points=\"");
    int step = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
    for (int b = 0; b < n; b += step) {
      int end = Math.min(n, b + step);
      int iMin = b;
      int iMax = b;
      for (int i = b; i < end; i++) {
        if (y[i] < y[iMin]) {
          iMin = i;
        }
        if (y[i] > y[iMax]) {
          iMax = i;
        }
      }
      int first = Math.min(iMin, iMax);
      int second = Math.max(iMin, iMax);
      point(sb, LEFT + (x[first] - x0) * xs, HEIGHT - BOTTOM - (y[first] - lo) * ys);
      if (second != first) {
        point(sb, LEFT + (x[second] - x0) * xs, HEIGHT - BOTTOM - (y[second] - lo) * ys);
      }
    }
    sb.append("\"/>\n");
    for (int i = 0; i < markX.length; i++) {
      if (markX[i] < x0 || markX[i] > x1 || !Double.isFinite(markY[i])) {
        continue;
      }
      double mx = LEFT + (markX[i] - x0) * xs;
      double my = HEIGHT - BOTTOM - (markY[i] - lo) * ys;
      boolean buy = markBuy[i];
      String fill = buy ? "#1d7a3a" : "#b3261e";
      double tip = my;
      double base = buy ? my + 9 : my - 9;
      sb.append("<path class=\"fill-").append(buy ? "buy" : "sell").append("\" d=\"M");
      sb.append(fmt(mx)).append(',').append(fmt(tip)).append(" L").append(fmt(mx - 5));
      sb.append(',').append(fmt(base)).append(" L").append(fmt(mx + 5)).append(',');
      sb.append(fmt(base)).append(" Z\" fill=\"").append(fill).append("\"><title>");
      sb.append(buy ? "buy at " : "sell at ").append(price(markY[i])).append(", ");
      sb.append(ReportText.time(markX[i])).append("</title></path>\n");
      label(sb, mx, buy ? base + 10 : base - 2, "middle", buy ? "B" : "S");
    }
    close(sb);
  }

  /** A histogram of {@code values} in {@code bins} equal-width bins; the x labels are percents. */
  static void histogram(StringBuilder sb, String title, double[] values, int bins, String color) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 0;
    }
    double width = hi > lo ? (hi - lo) / bins : 1;
    int[] counts = new int[bins];
    for (double v : values) {
      if (Double.isFinite(v)) {
        counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
      }
    }
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    open(sb, title);
    axes(sb, 0, max, null);
    double bw = (WIDTH - LEFT - RIGHT) / (double) bins;
    double ys = (HEIGHT - TOP - BOTTOM) / (double) max;
    for (int b = 0; b < bins; b++) {
      double h = counts[b] * ys;
      sb.append("<rect x=\"").append(fmt(LEFT + b * bw + 1)).append("\" y=\"");
      sb.append(fmt(HEIGHT - BOTTOM - h)).append("\" width=\"").append(fmt(Math.max(1, bw - 2)));
      sb.append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(color).append("\">");
      sb.append("<title>").append(pct(lo + b * width)).append(" to ");
      sb.append(pct(lo + (b + 1) * width))
          .append(": ")
          .append(counts[b])
          .append("</title></rect>\n");
    }
    label(sb, LEFT, HEIGHT - 18, "start", pct(lo));
    label(sb, WIDTH - RIGHT, HEIGHT - 18, "end", pct(hi));
    label(sb, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 4, "middle", "return on equity per trip");
    close(sb);
  }

  private static void open(StringBuilder sb, String title) {
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(WIDTH);
    sb.append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH);
    sb.append(' ').append(HEIGHT).append("\">\n<title>");
    HtmlReport.escape(sb, title);
    sb.append("</title>\n");
    sb.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-weight=\"bold\">");
    HtmlReport.escape(sb, title);
    sb.append("</text>\n");
  }

  /** The frame and {@value #Y_TICKS} y labels in {@code unit} (counts when it is null). */
  private static void axes(StringBuilder sb, double lo, double hi, @Nullable Unit unit) {
    sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"");
    sb.append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM);
    sb.append("\" fill=\"none\" stroke=\"#ccc\"/>\n");
    double plot = HEIGHT - TOP - BOTTOM;
    for (int i = 0; i < Y_TICKS; i++) {
      double v = lo + (hi - lo) * i / (Y_TICKS - 1);
      double y = HEIGHT - BOTTOM - plot * i / (Y_TICKS - 1);
      if (i > 0 && i < Y_TICKS - 1) {
        sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT);
        sb.append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y));
        sb.append("\" stroke=\"#eee\"/>\n");
      }
      String text =
          unit == null
              ? String.format(Locale.ROOT, "%,d", Math.round(v))
              : switch (unit) {
                case PERCENT -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
                case MONEY -> money(v, hi - lo);
                case PRICE -> price(v);
              };
      label(sb, LEFT - 4, y + 4, "end", text);
    }
  }

  /** {@value #X_TICKS} time labels (UTC) under the plot and the axis caption. */
  private static void timeAxis(StringBuilder sb, long x0, long x1) {
    long span = Math.max(1, x1 - x0);
    for (int i = 0; i < X_TICKS; i++) {
      long t = x0 + span * i / (X_TICKS - 1);
      double x = LEFT + (WIDTH - LEFT - RIGHT) * (double) i / (X_TICKS - 1);
      String anchor = i == 0 ? "start" : i == X_TICKS - 1 ? "end" : "middle";
      sb.append("<text class=\"x-tick\" x=\"").append(fmt(x)).append("\" y=\"");
      sb.append(HEIGHT - BOTTOM + 14).append("\" text-anchor=\"").append(anchor);
      sb.append("\" font-size=\"11\">");
      HtmlReport.escape(sb, ReportText.tick(t, span));
      sb.append("</text>\n");
    }
    label(
        sb,
        (LEFT + WIDTH - RIGHT) / 2.0,
        HEIGHT - 4,
        "middle",
        "time (UTC), " + ReportText.time(x0) + " to " + ReportText.time(x1));
  }

  private static String money(double v, double range) {
    String f = range >= 100 ? "%,.0f" : range >= 1 ? "%,.2f" : "%,.4f";
    return String.format(Locale.ROOT, f, v).replace("-", "−");
  }

  static String price(double v) {
    double a = Math.abs(v);
    String f = a >= 1000 ? "%,.1f" : a >= 1 ? "%,.3f" : "%.6f";
    return String.format(Locale.ROOT, f, v);
  }

  private static void label(StringBuilder sb, double x, double y, String anchor, String text) {
    sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y));
    sb.append("\" text-anchor=\"").append(anchor).append("\" font-size=\"11\">");
    HtmlReport.escape(sb, text);
    sb.append("</text>\n");
  }

  private static void close(StringBuilder sb) {
    sb.append("</svg>\n");
  }

  private static void point(StringBuilder sb, double x, double y) {
    if (!Double.isFinite(y)) {
      return;
    }
    sb.append(fmt(x)).append(',').append(fmt(y)).append(' ');
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.3f %%", 100 * v);
  }
}
