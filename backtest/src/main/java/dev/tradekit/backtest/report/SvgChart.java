package dev.tradekit.backtest.report;

import java.util.Locale;

/** Draws simple inline SVG charts (line, area around zero, histogram) with no scripts or fonts. */
final class SvgChart {
  static final int WIDTH = 860;
  static final int HEIGHT = 220;
  private static final int LEFT = 70;
  private static final int RIGHT = 10;
  private static final int TOP = 28;
  private static final int BOTTOM = 24;

  /** Beyond this many points a line keeps each bucket's minimum and maximum. */
  static final int MAX_POINTS = 2000;

  private SvgChart() {}

  /**
   * A line chart of {@code y} against {@code x}; {@code zeroLine} draws y = 0 when it is in range.
   */
  static void line(
      StringBuilder sb, String title, long[] x, double[] y, String color, boolean zeroLine) {
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
    long x0 = n > 0 ? x[0] : 0;
    long x1 = n > 0 ? x[n - 1] : 1;
    double xs = x1 > x0 ? (WIDTH - LEFT - RIGHT) / (double) (x1 - x0) : 0;
    double ys = (HEIGHT - TOP - BOTTOM) / (hi - lo);
    open(sb, title);
    axes(sb, lo, hi);
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
    axes(sb, 0, max);
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
    label(sb, LEFT, HEIGHT - 6, "start", pct(lo));
    label(sb, WIDTH - RIGHT, HEIGHT - 6, "end", pct(hi));
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

  private static void axes(StringBuilder sb, double lo, double hi) {
    sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"");
    sb.append(WIDTH - LEFT - RIGHT).append("\" height=\"").append(HEIGHT - TOP - BOTTOM);
    sb.append("\" fill=\"none\" stroke=\"#ccc\"/>\n");
    label(sb, LEFT - 4, TOP + 10, "end", num(hi));
    label(sb, LEFT - 4, HEIGHT - BOTTOM, "end", num(lo));
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
    sb.append(fmt(x)).append(',').append(fmt(y)).append(' ');
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.3f%%", 100 * v);
  }
}
