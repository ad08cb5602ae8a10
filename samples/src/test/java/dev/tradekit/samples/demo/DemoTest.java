package dev.tradekit.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo runs for a few seconds against the local Binance server and does what its view shows.
 */
class DemoTest {
  @TempDir Path dir;

  @Test
  void demoQuotesCopiesScansAndWritesTheReportOverTheWire() throws Exception {
    StringWriter text = new StringWriter();
    Path report = dir.resolve("reports/demo.html");
    long t0 = System.nanoTime();
    Demo.Summary s =
        Demo.run(
            new Demo.Settings(Duration.ofSeconds(8), null, 42, false, report),
            new PrintWriter(text));
    long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();

    assertThat(seconds).isLessThanOrEqualTo(60); // 8 s of market, then a backtest; loose for CI
    assertThat(s.marketEvents()).isGreaterThan(200);
    assertThat(s.quotesPlaced()).isGreaterThanOrEqualTo(2);
    assertThat(s.leaderTrades()).isPositive();
    assertThat(s.leaderPosition().abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
    assertThat(s.copies()).isGreaterThanOrEqualTo(s.leaderTrades());
    assertThat(s.maxCopyLatencyMillis()).isLessThan(5_000); // milliseconds here; loaded CI slower
    BigDecimal alice = s.followerPositions().get(0); // half the leader, rounded down to 0.001
    assertThat(alice.signum()).isEqualTo(s.leaderPosition().signum());
    assertThat(alice.abs()).isLessThanOrEqualTo(s.leaderPosition().abs());
    assertThat(s.scansCompleted() + s.wallsSeen()).isPositive();
    assertThat(s.backtest().events()).isGreaterThan(200);
    assertThat(s.backtest().ordersSent()).isGreaterThanOrEqualTo(2);
    assertThat(s.backtest().report()).isEqualTo(report.toAbsolutePath());
    assertThat(report).isRegularFile();
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("<svg")
        .contains("<h2>mm</h2>");
    String out = text.toString();
    assertThat(out)
        .contains("tradekit demo    8s/8s")
        .contains("market maker  RUNNING quotes")
        .contains("alice  copied")
        .contains("scanner       scans ");
    assertThat(out).contains("Summary").contains("report             " + report.toAbsolutePath());
    assertThat(out.split("tradekit demo ", -1)).hasSize(9);
  }
}
