package dev.tradekit.backtest.report;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.RoundTrip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a {@link BacktestResult} as one self-contained HTML page (no scripts, no network, inline
 * SVG): per account the metrics table and five charts — price with the account's fills marked,
 * equity, drawdown, inventory (signed position notional), each against UTC time, and the
 * distribution of round-trip returns.
 *
 * <p>Every figure is written for a reader, with its unit (percent, quote currency, duration); the
 * exact value {@link JsonReport} writes stays in the cell's {@code data-value} attribute.
 * Annualised figures (annualised return, Sharpe, Sortino, Calmar) are shown only when the run
 * covers at least {@link #ANNUALISED_MIN_DAYS} days: a shorter run says so instead of extrapolating
 * a minute to a year.
 *
 * <pre>{@code
 * HtmlReport.write(backtest.run(), Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
  /** Bins of the round-trip return histogram. */
  static final int BINS = 30;

  /** The shortest run, in days, whose annualised figures the report shows. */
  public static final int ANNUALISED_MIN_DAYS = 30;

  private static final Set<String> ANNUALISED =
      Set.of("annualisedReturn", "sharpe", "sortino", "calmar");

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("totalReturn", "Total return"),
          Map.entry("annualisedReturn", "Annualised return"),
          Map.entry("maxDrawdown", "Max drawdown"),
          Map.entry("maxDrawdownDurationMillis", "Longest drawdown"),
          Map.entry("sharpe", "Sharpe (annualised)"),
          Map.entry("sortino", "Sortino (annualised)"),
          Map.entry("calmar", "Calmar"),
          Map.entry("profitFactor", "Profit factor"),
          Map.entry("winRate", "Win rate"),
          Map.entry("expectancy", "Expectancy per trip"),
          Map.entry("averageWin", "Average win"),
          Map.entry("averageLoss", "Average loss"),
          Map.entry("turnover", "Turnover (× mean equity)"),
          Map.entry("feesShare", "Fees share of gross PnL"),
          Map.entry("roundTrips", "Round trips"),
          Map.entry("days", "Daily returns used"),
          Map.entry("fees", "Fees"),
          Map.entry("funding", "Funding"),
          Map.entry("tradedNotional", "Traded notional"),
          Map.entry("exposure", "Mean exposure (of equity)"),
          Map.entry("ordersSent", "Orders sent"));

  private HtmlReport() {}

  /** Writes {@link #toHtml(BacktestResult)} to {@code file} in UTF-8. */
  public static void write(BacktestResult result, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.writeString(file, toHtml(result), StandardCharsets.UTF_8);
  }

  /** Whether a run from {@code start} to {@code end} (epoch ms) is long enough to annualise. */
  public static boolean annualises(long start, long end) {
    return end - start >= ANNUALISED_MIN_DAYS * 86_400_000L;
  }

  /** The whole report as one HTML document. */
  public static String toHtml(BacktestResult result) {
    Objects.requireNonNull(result, "result");
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>Backtest report</title>\n<style>\n");
    sb.append("body{font-family:sans-serif;margin:2em;color:#222}");
    sb.append("table{border-collapse:collapse;margin-bottom:1em}");
    sb.append("td,th{border:1px solid #ddd;padding:2px 8px}td.num{text-align:right}");
    sb.append("td.note{color:#666;font-size:0.9em}");
    sb.append(
        "svg{display:block;margin:1em 0;font-family:sans-serif;max-width:100%;height:auto}\n");
    sb.append("</style>\n</head>\n<body>\n<h1>Backtest report</h1>\n<p>");
    long span = result.endTime() - result.startTime();
    sb.append(ReportText.time(result.startTime())).append(" to ");
    sb.append(ReportText.time(result.endTime())).append(" (");
    sb.append(ReportText.duration(span)).append("), ");
    sb.append(String.format(Locale.ROOT, "%,d", result.events())).append(" market events.");
    boolean annualise = annualises(result.startTime(), result.endTime());
    if (!annualise) {
      sb.append(" Annualised figures are not shown: the run is shorter than ");
      sb.append(ANNUALISED_MIN_DAYS).append(" days.");
    }
    sb.append(" Money is in the account's quote currency.</p>\n");
    for (AccountResult a : result.accounts()) {
      account(sb, a, annualise, span);
    }
    return sb.append("</body>\n</html>\n").toString();
  }

  private static void account(StringBuilder sb, AccountResult a, boolean annualise, long span) {
    sb.append("<section>\n<h2>");
    escape(sb, a.name());
    sb.append("</h2>\n<table class=\"metrics\">\n<tr><th>metric</th><th>value</th>");
    sb.append("<th>note</th></tr>\n");
    for (Map.Entry<String, Double> m : a.metrics().asMap().entrySet()) {
      String key = m.getKey();
      double v = m.getValue();
      if (ANNUALISED.contains(key) && !annualise) {
        row(
            sb,
            key,
            v,
            "not shown",
            "run of " + ReportText.duration(span) + " < " + ANNUALISED_MIN_DAYS + " days");
      } else {
        row(sb, key, v, readable(key, v), "");
      }
    }
    row(sb, "fees", a.fees(), ReportText.money(a.fees()), "");
    row(sb, "funding", a.funding(), ReportText.money(a.funding()), "received if positive");
    row(sb, "tradedNotional", a.tradedNotional(), ReportText.money(a.tradedNotional()), "");
    row(sb, "exposure", a.exposure(), ReportText.percent(a.exposure()), "");
    row(sb, "ordersSent", a.ordersSent(), String.format(Locale.ROOT, "%,d", a.ordersSent()), "");
    sb.append("</table>\n");
    EquityCurve c = a.equity();
    long[] t = c.times();
    double[] e = c.equities();
    double[] dd = new double[e.length];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < e.length; i++) {
      peak = Math.max(peak, e[i]);
      dd[i] = peak > 0 ? e[i] / peak - 1 : 0;
    }
    PriceSeries.chart(sb, a.name() + ": price and fills (quote per unit)", c, a.fills());
    SvgChart.line(sb, a.name() + ": equity (quote)", t, e, "#1f6fb4", false, SvgChart.Unit.MONEY);
    SvgChart.line(
        sb,
        a.name() + ": drawdown (of peak equity)",
        t,
        dd,
        "#c0392b",
        true,
        SvgChart.Unit.PERCENT);
    SvgChart.line(
        sb,
        a.name() + ": inventory (signed position notional, quote)",
        t,
        c.notionals(),
        "#8e44ad",
        true,
        SvgChart.Unit.MONEY);
    List<RoundTrip> trips = a.roundTrips();
    double[] returns = new double[trips.size()];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = trips.get(i).returnOnEquity();
    }
    SvgChart.histogram(
        sb,
        a.name() + ": round-trip return on equity (" + returns.length + " trips)",
        returns,
        BINS,
        "#27ae60");
    sb.append("</section>\n");
  }

  /**
   * One metrics row: the label, the readable value (its cell carries the metric's name and its
   * exact value, as JSON writes it, in data attributes) and a note.
   */
  private static void row(
      StringBuilder sb, String name, double value, String readable, String note) {
    sb.append("<tr><td>");
    escape(sb, LABELS.getOrDefault(name, name));
    sb.append("</td><td class=\"num\" data-metric=\"");
    escape(sb, name);
    sb.append("\" data-value=\"");
    sb.append(Double.isFinite(value) ? Double.toString(value) : "n/a");
    sb.append("\">");
    escape(sb, readable);
    sb.append("</td><td class=\"note\">");
    escape(sb, note);
    sb.append("</td></tr>\n");
  }

  private static String readable(String name, double v) {
    if (!Double.isFinite(v)) {
      return ReportText.number(v);
    }
    return switch (name) {
      case "totalReturn", "annualisedReturn", "maxDrawdown", "winRate", "feesShare" ->
          ReportText.percent(v);
      case "maxDrawdownDurationMillis" -> ReportText.duration((long) v);
      case "roundTrips", "days" -> String.format(Locale.ROOT, "%,d", (long) v);
      case "expectancy", "averageWin", "averageLoss" -> ReportText.money(v);
      case "turnover" -> ReportText.number(v) + " ×";
      default -> ReportText.number(v);
    };
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
