package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradekit backtest}: reports on synthetic and recorded data, and its error paths. */
class BacktestCommandTest {
  @TempDir Path dir;

  @Test
  void backtestOfTheSyntheticMarketWritesTheHtmlReportWithProgress() throws IOException {
    Path report = dir.resolve("out/mm.html");
    CliRun r =
        CliRun.run(
                "backtest",
                "--minutes",
                "5",
                "--strategy",
                "inventory-skew",
                "--param",
                "spread=0.0002",
                "--param",
                "levels=2",
                "--report",
                report.toString())
            .succeeds();
    assertThat(r.out())
        .contains("backtest inventory-skew on 5 min of synthetic BTCUSDT (seed 42)")
        .containsPattern("orders +[1-9]\\d* sent")
        .contains("report     " + report.toAbsolutePath());
    assertThat(r.err()).contains("] 100% events");
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("<svg")
        .contains("<h2>mm</h2>");
  }

  @Test
  void reportEndingInJsonIsWrittenAsJson() throws IOException {
    Path report = dir.resolve("mm.json");
    CliRun.run("backtest", "--minutes", "2", "--report", report.toString()).succeeds();
    String json = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\"startTime\":").contains("\"name\":\"mm\"");
  }

  @Test
  void backtestOfTheRealBtcRecordingWritesAReport() throws IOException {
    Path file =
        Path.of(
            System.getProperty("tradekit.refdata", "none"), "binance-usdm", "btcusdt_20240808.gz");
    Assumptions.assumeTrue(Files.isRegularFile(file), "reference data absent: " + file);
    Path report = dir.resolve("btc.html");
    CliRun r =
        CliRun.run("backtest", "--data", file.toString(), "--report", report.toString()).succeeds();
    assertThat(r.out()).containsPattern("events +[1-9]\\d{4,}");
    assertThat(report).isRegularFile();
  }

  @Test
  void missingDataFileIsNamed() {
    Path none = dir.resolve("none.gz");
    CliRun.run("backtest", "--data", none.toString())
        .failsWith(2, "--data " + none + " is not a file");
  }

  @Test
  void unknownStrategyListsTheChoices() {
    CliRun.run("backtest", "--strategy", "magic")
        .failsWith(
            2,
            "--strategy magic: must be one of fixed-spread, inventory-skew, sma-cross, rsi, ta4j-sma-cross");
  }

  @Test
  void unknownParameterListsTheNames() {
    CliRun.run("backtest", "--param", "sprd=0.001")
        .failsWith(
            2,
            "--param sprd=0.001: is not a parameter of fixed-spread: use spread, amount, levels");
  }

  @Test
  void parameterThatIsNotANumberSaysSo() {
    CliRun.run("backtest", "--param", "spread=wide")
        .failsWith(2, "--param spread=wide is not a number");
  }

  @Test
  void parameterOutOfRangeSaysWhatItMustBe() {
    CliRun.run("backtest", "--param", "levels=1.5")
        .failsWith(2, "--param levels=1.5: must be a whole number from 1 to 125");
  }

  @Test
  void rangeGivenToBacktestPointsToOptimize() {
    CliRun.run("backtest", "--param", "spread=0.0001:0.0003:0.0001")
        .failsWith(2, "use 'tradekit optimize' to search ranges");
  }

  @Test
  void unreadableDataFileSaysToCheckTheFormat() throws IOException {
    Path junk = dir.resolve("junk.txt");
    Files.writeString(junk, "this is not market data\n", StandardCharsets.UTF_8);
    CliRun.run("backtest", "--data", junk.toString()).failsWith(2, "check --format and --symbol");
  }

  @Test
  void unknownFormatListsTheFormats() {
    CliRun.run("backtest", "--format", "parquet")
        .failsWith(2, "expected one of [recording, klines, trades, aggtrades]");
  }

  @Test
  void unwritableReportPathIsNamed() throws IOException {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");
    CliRun.run("backtest", "--minutes", "1", "--report", blocker.resolve("r.html").toString())
        .failsWith(2, "cannot write the report");
  }
}
