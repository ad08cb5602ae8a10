package dev.tradekit.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.AccountResult;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.EquityCurve;
import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.ReportFixture;
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
    Matcher m = Pattern.compile("data-metric=\"" + key + "\">([^<]*)</td>").matcher(html);
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
    assertThat(count(html, "<svg")).isEqualTo(4);
    assertThat(count(html, "</svg>")).isEqualTo(4);
    assertThat(html)
        .contains("<title>sma: equity</title>")
        .contains("<title>sma: drawdown (fraction of peak)</title>")
        .contains("<title>sma: inventory (signed position notional)</title>")
        .contains("sma: round-trip return distribution (")
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
    assertThat(html).contains("data-metric=\"sharpe\">n/a</td>");
    assertThat(htmlValue(html, "maxDrawdown")).isEqualTo(0.1);
    assertThat(htmlValue(html, "totalReturn")).isEqualTo(90.0 / 100 - 1);
  }
}
