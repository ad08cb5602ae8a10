package dev.tradekit.backtest.report;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.RoundTrip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link BacktestResult} as one self-contained HTML page (no scripts, no network, inline
 * SVG): per account the metrics table and four charts — equity, drawdown, inventory (signed
 * position notional) and the distribution of round-trip returns. The metric values are printed
 * exactly as {@link JsonReport} writes them ({@code n/a} where JSON has {@code null}), with a
 * readable rendering beside them.
 *
 * <pre>{@code
 * HtmlReport.write(backtest.run(), Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  /** Bins of the round-trip return histogram. */
  static final int BINS = 30;

  private HtmlReport() {}

  /** Writes {@link #toHtml(BacktestResult)} to {@code file} in UTF-8. */
  public static void write(BacktestResult result, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.writeString(file, toHtml(result), StandardCharsets.UTF_8);
  }

  /** The whole report as one HTML document. */
  public static String toHtml(BacktestResult result) {
    Objects.requireNonNull(result, "result");
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<title>Backtest report</title>\n<style>\n");
    sb.append("body{font-family:sans-serif;margin:2em;color:#222}");
    sb.append("table{border-collapse:collapse;margin-bottom:1em}");
    sb.append("td,th{border:1px solid #ddd;padding:2px 8px}td.num{text-align:right}");
    sb.append("svg{display:block;margin:1em 0;font-family:sans-serif}\n");
    sb.append("</style>\n</head>\n<body>\n<h1>Backtest report</h1>\n<p>");
    sb.append(Instant.ofEpochMilli(result.startTime())).append(" to ");
    sb.append(Instant.ofEpochMilli(result.endTime())).append(", ");
    sb.append(result.events()).append(" market events</p>\n");
    for (AccountResult a : result.accounts()) {
      account(sb, a);
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void account(StringBuilder sb, AccountResult a) {
    sb.append("<section>\n<h2>");
    escape(sb, a.name());
    sb.append("</h2>\n<table class=\"metrics\">\n<tr><th>metric</th><th>value</th>");
    sb.append("<th>readable</th></tr>\n");
    for (Map.Entry<String, Double> m : a.metrics().asMap().entrySet()) {
      row(sb, m.getKey(), m.getValue(), readable(m.getKey(), m.getValue()));
    }
    row(sb, "fees", a.fees(), money(a.fees()));
    row(sb, "funding", a.funding(), money(a.funding()));
    row(sb, "tradedNotional", a.tradedNotional(), money(a.tradedNotional()));
    row(sb, "exposure", a.exposure(), percent(a.exposure()));
    sb.append("<tr><td>ordersSent</td><td class=\"num\" data-metric=\"ordersSent\">");
    sb.append(a.ordersSent()).append("</td><td></td></tr>\n</table>\n");
    EquityCurve c = a.equity();
    long[] t = c.times();
    double[] e = c.equities();
    double[] dd = new double[e.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < e.length; i++) {
      peak = Math.max(peak, e[i]);
      dd[i] = peak > 0 ? e[i] / peak - 1 : 0;
    }
    SvgChart.line(sb, a.name() + ": equity", t, e, "#1f6fb4", false);
    SvgChart.line(sb, a.name() + ": drawdown (fraction of peak)", t, dd, "#c0392b", true);
    SvgChart.line(
        sb, a.name() + ": inventory (signed position notional)", t, c.notionals(), "#8e44ad", true);
    List<RoundTrip> trips = a.roundTrips();
    double[] returns = new double[trips.size()];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = trips.get(i).returnOnEquity();
    }
    SvgChart.histogram(
        sb,
        a.name() + ": round-trip return distribution (" + returns.length + " trips)",
        returns,
        BINS,
        "#27ae60");
    sb.append("</section>\n");
  }

  private static void row(StringBuilder sb, String name, double value, String readable) {
    sb.append("<tr><td>");
    escape(sb, name);
    sb.append("</td><td class=\"num\" data-metric=\"");
    escape(sb, name);
    sb.append("\">").append(Double.isFinite(value) ? Double.toString(value) : "n/a");
    sb.append("</td><td class=\"num\">");
    escape(sb, readable);
    sb.append("</td></tr>\n");
  }

  private static String readable(String name, double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "n/a" : v > 0 ? "∞" : "−∞";
    }
    return switch (name) {
      case "totalReturn", "annualisedReturn", "maxDrawdown", "winRate", "feesShare" -> percent(v);
      case "maxDrawdownDurationMillis" -> duration((long) v);
      case "roundTrips", "days" -> Long.toString((long) v);
      case "expectancy", "averageWin", "averageLoss" -> money(v);
      default -> String.format(Locale.ROOT, "%.3f", v);
    };
  }

  private static String percent(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f %%", 100 * v) : "n/a";
  }

  private static String money(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
  }

  private static String duration(long ms) {
    long minutes = ms / 60_000;
    return String.format(
        Locale.ROOT, "%dd %02dh %02dm", minutes / 1440, minutes / 60 % 24, minutes % 60);
  }

  /** Appends {@code s} with the five HTML special characters escaped. */
  static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
  }

  /** {@code s} with the HTML special characters escaped. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    escape(sb, s);
    return sb.toString();
  }
}
