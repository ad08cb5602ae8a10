package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake a user can make ends with one line saying what to do and a non-zero exit code. */
class CliErrorsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TradekitCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("bot.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  private static void assertOneLine(Run r, int code, String text) {
    assertThat(r.code()).isEqualTo(code);
    assertThat(r.err().strip()).doesNotContain("\n").startsWith("error: ").contains(text);
    assertThat(r.err()).doesNotContain("\tat ");
  }

  @Test
  void noCommandAsksForOne() {
    assertOneLine(run(), 2, "Missing command: try 'tradekit demo'");
  }

  @Test
  void unknownOptionPointsToHelp() {
    assertOneLine(run("demo", "--frobnicate"), 2, "Run 'tradekit demo --help' for the options");
  }

  @Test
  void badDurationSaysWhatADurationLooksLike() {
    assertOneLine(run("demo", "--duration", "soon"), 2, "use e.g. 30s, 5m or 1h");
  }

  @Test
  void missingRecordingIsNamed() {
    assertOneLine(run("demo", "--data", dir.resolve("none.gz").toString()), 2, "is not a file");
  }

  @Test
  void missingConfigOptionIsReported() {
    assertOneLine(run("status"), 2, "Missing required option: '--config=<config>'");
  }

  @Test
  void missingConfigFileIsNamed() {
    assertOneLine(run("status", "--config", dir.resolve("nope.yaml").toString()), 2, "not found");
  }

  @Test
  void missingApiKeySaysWhereToPutIt() throws IOException {
    Path cfg = config("venue: binance-usdm\nsymbol: BTCUSDT\n");
    Run r = run("status", "--config", cfg.toString(), "--env-file", dir.resolve(".env").toString());
    assertOneLine(r, 2, "BINANCE_API_KEY is not set: export BINANCE_API_KEY");
  }

  @Test
  void scannerNeedsAtLeastOneSymbol() throws IOException {
    Path cfg = config("venue: binance-usdm\n");
    Run r = run("scanner", "--primary-scan-only", "--symbols", "0", "--config", cfg.toString());
    assertOneLine(r, 2, "--symbols must be at least 1, was 0");
  }

  @Test
  void scannerTakesKeysOnlyFromEnvironmentOrDotEnv() throws IOException {
    Path cfg = config("venue: binance-usdm\n");
    Run r =
        run(
            "scanner",
            "--primary-scan-only",
            "--config",
            cfg.toString(),
            "--env-file",
            dir.resolve(".env").toString());
    assertOneLine(r, 2, "BINANCE_API_KEY is not set");
  }

  @Test
  void apiKeyInConfigIsRefused() throws IOException {
    Path cfg = config("venue: binance-usdm\nsymbol: BTCUSDT\napiKey: abc\n");
    assertOneLine(run("status", "--config", cfg.toString()), 2, "contains 'apiKey': remove it");
  }

  @Test
  void badParameterNamesTheKey() throws IOException {
    Path cfg = config("venue: sim\nsymbol: BTCUSDT\nspread: wide\n");
    assertOneLine(
        run("marketmaker", "--config", cfg.toString()),
        2,
        "'spread' in " + cfg + " is not a number");
  }

  @Test
  void unknownStrategyListsTheChoices() throws IOException {
    Path cfg = config("venue: sim\nsymbol: BTCUSDT\nstrategy: magic\n");
    assertOneLine(
        run("marketmaker", "--config", cfg.toString()), 2, "use fixed-spread or inventory-skew");
  }

  @Test
  void unknownConfigKeyListsTheAllowedOnes() throws IOException {
    Path cfg = config("venue: sim\nsymbol: BTCUSDT\nspred: 0.001\n");
    assertOneLine(run("status", "--config", cfg.toString()), 2, "unknown key 'spred'");
  }

  @Test
  void unknownVenueListsTheProviders() throws IOException {
    Path cfg = config("venue: kraken\nsymbol: BTCUSDT\n");
    Path env = dir.resolve(".env");
    Files.writeString(env, "BINANCE_API_KEY=k\nBINANCE_API_SECRET=s\n");
    assertOneLine(
        run("status", "--config", cfg.toString(), "--env-file", env.toString()),
        2,
        "Providers found: binance-usdm, bybit-linear, read-only, sim");
  }

  @Test
  void badSymbolSaysToCheckTheConfig() throws IOException {
    Path cfg = config("venue: sim\nsymbol: NOPEUSDT\n");
    assertOneLine(run("status", "--config", cfg.toString()), 2, "unknown symbol");
  }

  @Test
  void unreachableVenueSaysToCheckTheNetwork() throws IOException {
    Path cfg =
        config(
            "venue: binance-usdm\nsymbol: BTCUSDT\nrestBaseUrl: http://127.0.0.1:9\n"
                + "wsBaseUrl: ws://127.0.0.1:9\n");
    Path env = dir.resolve(".env");
    Files.writeString(env, "BINANCE_API_KEY=k\nBINANCE_API_SECRET=s\n");
    Run r = run("status", "--config", cfg.toString(), "--env-file", env.toString());
    assertOneLine(r, 3, "cannot reach the venue");
  }

  @Test
  void testnetAndMainnetTogetherAreRefused() throws IOException {
    Path cfg = config("venue: sim\nsymbol: BTCUSDT\n");
    assertOneLine(
        run("status", "--config", cfg.toString(), "--testnet", "--mainnet"),
        2,
        "mutually exclusive");
  }

  @Test
  void verboseAddsTheStackTrace() throws IOException {
    Path cfg = config("venue: sim\nsymbol: NOPEUSDT\n");
    Run r = run("status", "--config", cfg.toString(), "--verbose");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\tat ").contains("error: unknown symbol");
  }

  @Test
  void statusOnTheSimVenueShowsSymbolAndBalance() throws IOException {
    Path cfg = config("venue: sim\nsymbol: BTCUSDT\n");
    Run r = run("status", "--config", cfg.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("venue       sim (TESTNET)")
        .contains("symbol      BTCUSDT tick 0.1");
  }

  @Test
  void serveRefusesABacktestDataFolderThatDoesNotExist() {
    Run r =
        run(
            "serve",
            "--data-dir",
            dir.resolve("data").toString(),
            "--backtest-data",
            dir.resolve("missing").toString());
    assertOneLine(r, 2, "--backtest-data " + dir.resolve("missing") + " is not a folder");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void backtestParameterOutOfRangeNamesTheParameterAndItsRange() {
    Run r = run("backtest", "--param", "spread=2", "--report", dir.resolve("r.html").toString());
    assertOneLine(r, 2, "--param spread=2: must be a fraction of the mid in (0, 1)");
  }

  @Test
  void backtestUnknownParameterListsTheStrategysParameters() {
    Run r = run("backtest", "--strategy", "rsi", "--param", "spread=0.1");
    assertOneLine(r, 2, "--param spread=0.1: is not a parameter of rsi: use fast, slow, period");
  }

  @Test
  void backtestUnknownStrategyListsEveryStrategy() {
    Run r = run("backtest", "--strategy", "martingale");
    assertOneLine(
        r, 2, "--strategy martingale: must be one of fixed-spread, inventory-skew, sma-cross");
  }

  @Test
  void optimizeRefusesABarStrategy() {
    Run r = run("optimize", "--strategy", "rsi", "--param", "period=10,14");
    assertOneLine(r, 2, "optimize searches market makers");
  }
}
