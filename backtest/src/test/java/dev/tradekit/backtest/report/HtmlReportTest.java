package dev.tradekit.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.ReportFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  private static int count(String text, String needle) {
    return text.split(Pattern.quote(needle), -1).length - 1;
  }

  private static double jsonValue(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":(null|[-0-9.Ee+]+)").matcher(json);
    assertThat(m.find()).as("json has %s", key).isTrue();
    return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
  }

  private static double htmlValue(String html, String key) {
    Matcher m =
        Pattern.compile("data-metric=\"" + key + "\" data-value=\"([^\"]*)\">").matcher(html);
    assertThat(m.find()).as("html has %s", key).isTrue();
    return m.group(1).equals("n/a") ? Double.NaN : Double.parseDouble(m.group(1));
  }

  @Test
  void reportOfARealBacktestHasFourChartsAndTheJsonMetrics(@TempDir Path dir) throws Exception {
    BacktestResult r = ReportFixture.backtest().run();
    Path file = dir.resolve("report.html");
    HtmlReport.write(r, file);
    String html = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(html).isEqualTo(HtmlReport.toHtml(r));
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(count(html, "<svg")).isEqualTo(5);
    assertThat(count(html, "</svg>")).isEqualTo(5);
    assertThat(html)
        .contains("<title>sma: price and fills (quote per unit)</title>")
        .contains("<title>sma: equity (quote)</title>")
        .contains("<title>sma: drawdown (of peak equity)</title>")
        .contains("<title>sma: inventory (signed position notional, quote)</title>")
        .contains("sma: round-trip return on equity (")
        .doesNotContain("<script")
        .doesNotContain("http://www.w3.org/1999")
        .doesNotContain("https://");
    String json = JsonReport.toJson(r);
    for (String key : List.of("totalReturn", "maxDrawdown", "sharpe", "roundTrips", "sortino")) {
      assertThat(htmlValue(html, key)).as(key).isEqualTo(jsonValue(json, key));
    }
    var m = r.account("sma").metrics();
    assertThat(m.roundTrips()).isPositive();
    assertThat(htmlValue(html, "roundTrips")).isEqualTo(m.roundTrips());
    assertThat(htmlValue(html, "sharpe")).isEqualTo(m.sharpe());
  }

  @Test
  void histogramBarsCountEveryRoundTrip() {
    BacktestResult r = ReportFixture.backtest().run();
    String html = HtmlReport.toHtml(r);
    Matcher m = Pattern.compile(": (\\d+)</title></rect>").matcher(html);
    int total = 0;
    int bars = 0;
    while (m.find()) {
      total += Integer.parseInt(m.group(1));
      bars++;
    }
    assertThat(bars).isEqualTo(HtmlReport.BINS);
    assertThat(total).isEqualTo(r.account("sma").roundTrips().size());
  }

  @Test
  void escapesAccountNamesAndPrintsUndefinedMetricsAsNa() {
    EquityCurve c = EquityCurve.of(new long[] {0, 60_000}, new double[] {100, 90}, new double[2]);
    Metrics metrics = Metrics.of(c, List.of(), 0, 0);
    String name = "<b>a&b \"q\" 'x'</b>";
    AccountResult a = new AccountResult(name, c, List.of(), List.of(), 0, 0, 0, 0, 0, metrics);
    String html = HtmlReport.toHtml(new BacktestResult(0, 60_000, 2, List.of(a)));
    assertThat(html)
        .doesNotContain(name)
        .contains("<h2>&lt;b&gt;a&amp;b &quot;q&quot; &#39;x&#39;&lt;/b&gt;</h2>");
    assertThat(html).contains("data-metric=\"sharpe\" data-value=\"n/a\">");
    assertThat(htmlValue(html, "maxDrawdown")).isEqualTo(0.1);
    assertThat(htmlValue(html, "totalReturn")).isEqualTo(90.0 / 100 - 1);
  }

  private static final Pattern RAW_DOUBLE = Pattern.compile("\\d\\.\\d{9,}|\\dE-?\\d");

  /** The text a reader sees: the page without its tags and attribute values. */
  private static String visible(String html) {
    return html.replaceAll("<[^>]*>", " ");
  }

  private static List<Fill> fills(long t0) {
    return List.of(
        fill("1", Side.BUY, "95000", t0 + 10_000), fill("2", Side.SELL, "95010", t0 + 50_000));
  }

  private static Fill fill(String id, Side side, String price, long time) {
    return new Fill(
        "BTCUSDT",
        id,
        id,
        null,
        side,
        PositionSide.BOTH,
        new BigDecimal(price),
        new BigDecimal("0.001"),
        new BigDecimal("0.0001"),
        "USDT",
        BigDecimal.ZERO,
        false,
        time);
  }

  @Test
  void aOneMinuteRunShowsUnitsAndNoAnnualisedFigures() {
    long t0 = 1_764_547_200_000L; // 2025-12-01T00:00:00Z
    EquityCurve c =
        EquityCurve.of(
            new long[] {t0, t0 + 30_000, t0 + 60_000},
            new double[] {1000, 999.995, 999.99},
            new double[] {0, 95.0, 0});
    Metrics metrics = Metrics.of(c, List.of(), 0, 0);
    assertThat(metrics.annualisedReturn()).isLessThan(-0.8); // what a year of this minute gives
    AccountResult a =
        new AccountResult(
            "bot", c, fills(t0), List.of(), 2.5612898e-4, 0, 190.02, 2, 0.03, metrics);
    String html = HtmlReport.toHtml(new BacktestResult(t0, t0 + 60_000, 120, List.of(a)));
    String text = visible(html);
    assertThat(RAW_DOUBLE.matcher(text).find()).as("a raw double in: %s", text).isFalse();
    assertThat(text)
        .contains("2025-12-01 00:00:00 UTC to 2025-12-01 00:01:00 UTC (1m 00s)")
        .contains("Annualised figures are not shown: the run is shorter than 30 days")
        .contains("Total return", "−0.0010 %")
        .contains("0.0003 quote") // fees: four decimals below one unit
        .contains("190.02 quote")
        .contains("not shown", "run of 1m 00s &lt; 30 days")
        .doesNotContain("-100");
    assertThat(html)
        .contains("data-metric=\"annualisedReturn\" data-value=\"" + metrics.annualisedReturn())
        .contains(
            "data-metric=\"annualisedReturn\" data-value=\""
                + metrics.annualisedReturn()
                + "\">not shown<");
    // time on the x axes: UTC clock times (seconds on a run this short) and the caption
    assertThat(html)
        .contains("class=\"x-tick\"")
        .contains(">00:00:00</text>")
        .contains(">00:01:00</text>")
        .contains("time (UTC), 2025-12-01 00:00:00 UTC to 2025-12-01 00:01:00 UTC");
    // the fills are marked on the price: one buy (B) and one sell (S)
    assertThat(count(html, "class=\"fill-buy\"")).isEqualTo(1);
    assertThat(count(html, "class=\"fill-sell\"")).isEqualTo(1);
    assertThat(html).contains("<title>buy at 95,000.0, 2025-12-01 00:00:10 UTC</title>");
  }

  @Test
  void annualisedFiguresAppearOnceTheRunCoversThirtyDays() {
    long day = 86_400_000L;
    assertThat(HtmlReport.annualises(0, 30 * day)).isTrue();
    assertThat(HtmlReport.annualises(0, 30 * day - 1)).isFalse();
    int n = 40;
    long[] t = new long[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i * day;
      e[i] = 1000 * (1 + 0.001 * i + (i % 2 == 0 ? 0.0005 : 0));
    }
    EquityCurve c = EquityCurve.of(t, e, new double[n]);
    Metrics metrics = Metrics.of(c, List.of(), 0, 0);
    AccountResult a = new AccountResult("long", c, List.of(), List.of(), 0, 0, 0, 0, 0, metrics);
    String html = HtmlReport.toHtml(new BacktestResult(0, t[n - 1], n, List.of(a)));
    assertThat(html)
        .doesNotContain("Annualised figures are not shown")
        .doesNotContain(">not shown<");
    assertThat(html)
        .contains(
            "data-metric=\"annualisedReturn\" data-value=\""
                + metrics.annualisedReturn()
                + "\">"
                + String.format(
                    java.util.Locale.ROOT, "%.2f %%", 100 * metrics.annualisedReturn()));
    // a run over days labels its x axis with dates
    assertThat(html).contains(">01-01 00:00</text>").contains("(no fill)");
  }
}
