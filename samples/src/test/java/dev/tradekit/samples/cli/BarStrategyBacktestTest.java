package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradekit backtest --strategy} with the bar strategies, native and through ta4j. */
class BarStrategyBacktestTest {
  @TempDir Path dir;

  private static String roundTrips(String json) {
    Matcher m = Pattern.compile("\"roundTrips\":\\[[^\\]]*\\]").matcher(json);
    assertThat(m.find()).as("round trips in the report").isTrue();
    return m.group();
  }

  @Test
  void nativeAndTa4jCrossoversTradeTheSameInTheBacktestCommand() throws IOException {
    Path nativeReport = dir.resolve("native.json");
    Path ta4jReport = dir.resolve("ta4j.json");
    CliRun nat =
        CliRun.run(
                "backtest",
                "--minutes",
                "180",
                "--strategy",
                "sma-cross",
                "--param",
                "fast=5",
                "--param",
                "slow=20",
                "--report",
                nativeReport.toString())
            .succeeds();
    CliRun.run(
            "backtest",
            "--minutes",
            "180",
            "--strategy",
            "ta4j-sma-cross",
            "--param",
            "fast=5",
            "--param",
            "slow=20",
            "--report",
            ta4jReport.toString())
        .succeeds();

    assertThat(nat.out())
        .contains("backtest sma-cross 1m")
        .containsPattern("orders +[1-9]\\d* sent");
    String trips = roundTrips(Files.readString(nativeReport, StandardCharsets.UTF_8));
    assertThat(trips).contains("\"entryPrice\"");
    assertThat(roundTrips(Files.readString(ta4jReport, StandardCharsets.UTF_8))).isEqualTo(trips);
  }

  @Test
  void rsiStrategyRunsOnFiveMinuteBars() {
    CliRun r =
        CliRun.run(
                "backtest",
                "--minutes",
                "60",
                "--strategy",
                "rsi",
                "--interval",
                "5m",
                "--param",
                "period=3",
                "--report",
                dir.resolve("rsi.json").toString())
            .succeeds();
    assertThat(r.out()).contains("backtest rsi 5m");
  }

  @Test
  void unknownBarStrategyParameterListsTheNames() {
    CliRun.run("backtest", "--strategy", "sma-cross", "--param", "fst=5")
        .failsWith(2, "--param fst=5: is not a parameter of sma-cross: use fast, slow, period");
  }

  @Test
  void fastPeriodNotBelowSlowIsRefused() {
    CliRun.run("backtest", "--strategy", "sma-cross", "--param", "fast=30", "--param", "slow=20")
        .failsWith(2, "need 1 <= fast < slow, was fast 30, slow 20");
  }

  @Test
  void unknownIntervalIsNamed() {
    CliRun.run("backtest", "--strategy", "rsi", "--interval", "7m")
        .failsWith(2, "--interval 7m: must be a bar length such as 1m, 5m or 1h");
  }
}
