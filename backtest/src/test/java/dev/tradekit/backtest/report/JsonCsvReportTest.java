package dev.tradekit.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.backtest.ReportFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonCsvReportTest {

  @Test
  void twoRunsGiveByteIdenticalJson() {
    String a = JsonReport.toJson(ReportFixture.backtest().run());
    String b = JsonReport.toJson(ReportFixture.backtest().run());
    assertThat(a).isEqualTo(b).contains("\"name\":\"sma\"").contains("\"sharpe\":");
    assertThat(a.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void jsonCarriesTheMetricsAndCountsOfTheResult() {
    BacktestResult r = ReportFixture.backtest().run();
    String json = JsonReport.toJson(r);
    var a = r.account("sma");
    assertThat(json).contains("\"totalReturn\":" + a.metrics().totalReturn());
    assertThat(json).contains("\"ordersSent\":" + a.ordersSent());
    assertThat(json.split("\"netPnl\"", -1)).hasSize(a.roundTrips().size() + 1);
    assertThat(json.split("\"commission\"", -1)).hasSize(a.fills().size() + 1);
  }

  @Test
  void csvFilesHoldOneRowPerSampleTripAndFill(@TempDir Path dir) throws Exception {
    BacktestResult r = ReportFixture.backtest().run();
    CsvReport.write(r, dir);
    var a = r.account("sma");
    assertThat(Files.readAllLines(dir.resolve("sma-equity.csv"))).hasSize(a.equity().size() + 1);
    assertThat(Files.readAllLines(dir.resolve("sma-roundtrips.csv")))
        .hasSize(a.roundTrips().size() + 1);
    assertThat(Files.readAllLines(dir.resolve("sma-fills.csv"))).hasSize(a.fills().size() + 1);
    assertThat(Files.readString(dir.resolve("metrics.csv")))
        .contains("sma,sharpe," + a.metrics().sharpe());
  }
}
