package dev.tradekit.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo runs for a few seconds and does what its view shows. */
class DemoTest {
  @Test
  void demoQuotesTradesCopiesAndBacktestsInEightSeconds() throws Exception {
    StringWriter text = new StringWriter();
    Demo.Summary s =
        Demo.run(new Demo.Settings(Duration.ofSeconds(8), null, 42, false), new PrintWriter(text));

    assertThat(s.marketEvents()).isGreaterThan(200);
    assertThat(s.quotesPlaced()).isGreaterThanOrEqualTo(2);
    assertThat(s.leaderTrades()).isPositive();
    assertThat(s.leaderPosition().abs()).isLessThanOrEqualTo(new BigDecimal("0.02"));
    assertThat(s.copies()).isGreaterThanOrEqualTo(s.leaderTrades());
    assertThat(s.maxCopyLatencyMillis()).isLessThan(2_000);
    BigDecimal alice = s.followerPositions().get(0); // half the leader, rounded down to 0.001
    assertThat(alice.signum()).isEqualTo(s.leaderPosition().signum());
    assertThat(alice.abs()).isLessThanOrEqualTo(s.leaderPosition().abs());
    assertThat(s.backtest().events()).isGreaterThan(200);
    assertThat(s.backtest().quotesPlaced()).isGreaterThanOrEqualTo(2);
    String out = text.toString();
    assertThat(out)
        .contains("tradekit demo    8s/8s")
        .contains("market maker  RUNNING quotes")
        .contains("alice  copied");
    assertThat(out).contains("Summary").contains("backtest (same data, virtual time)");
    assertThat(out.split("tradekit demo ", -1)).hasSize(9);
  }
}
