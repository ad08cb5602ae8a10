package dev.tradekit.samples.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.BacktestResult;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.scanner.LargeOrder;
import dev.tradekit.scanner.ScanResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs run on the simulated venue and do what their Javadoc says. */
class ExamplesTest {
  @TempDir Path dir;

  @Test
  void copyTradingExampleFollowsTheLeaderAtEachPolicysSize() {
    CopyTradingExample.Result r = CopyTradingExample.run(7);
    assertThat(r.leader()).isEqualByComparingTo("0.01");
    assertThat(r.half()).isEqualByComparingTo("0.005");
    assertThat(r.proportional()).isEqualByComparingTo("0.002"); // 0.004 opened, half closed
    assertThat(r.stats().fillsSeen()).isGreaterThanOrEqualTo(2);
    for (FollowerStats f : r.stats().followers().values()) {
      assertThat(f.copied()).as(f.name()).isGreaterThanOrEqualTo(2);
      assertThat(f.failed()).as(f.name()).isZero();
    }
  }

  @Test
  void scanningExampleFindsTheOneWall() {
    ScanResult r = ScanningExample.run();
    assertThat(r.symbols()).containsExactlyInAnyOrderElementsOf(ScanningExample.SYMBOLS);
    assertThat(r.failures()).isEmpty();
    assertThat(r.walls()).hasSize(1);
    LargeOrder wall = r.walls().get(0);
    assertThat(wall.symbol()).isEqualTo("ETHUSDT");
    assertThat(wall.side()).isEqualTo(Side.BUY);
    assertThat(wall.price()).isEqualByComparingTo(ScanningExample.WALL_PRICE);
    assertThat(wall.quantity()).isEqualTo(60.0);
  }

  @Test
  void backtestExampleWritesItsHtmlReport() throws IOException {
    Path report = dir.resolve("mm.html");
    BacktestResult r = BacktestReportExample.run(7, report);
    assertThat(r.events()).isGreaterThan(1_000);
    assertThat(r.account("mm").ordersSent()).isGreaterThanOrEqualTo(2);
    assertThat(r.account("mm").fills()).isNotEmpty();
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains("<svg")
        .contains("<h2>mm</h2>");
  }

  @Test
  void barStrategyExampleTradesBothTheNativeAndTheTa4jStrategy() {
    BarStrategyExample.Result r = BarStrategyExample.run(3);
    assertThat(r.smaRoundTrips()).isPositive();
    assertThat(r.rsiRoundTrips()).isPositive();
  }

  @Test
  void customProviderIsFoundByServiceLoaderAndRefusesOrders() {
    CustomProviderExample.Result r = CustomProviderExample.run();
    assertThat(r.providers()).contains("read-only", "sim", "binance-usdm", "bybit-linear");
    assertThat(r.venue()).isEqualTo("read-only");
    assertThat(r.tickSize()).isEqualByComparingTo("0.1");
    assertThat(r.refusal()).isEqualTo("placing an order refused: this sim exchange is read-only");
  }

  @Test
  void marketMakingExampleQuotesFillsAndRespectsItsCap() {
    MarketMakerStatus s = MarketMakingExample.run(7);
    assertThat(s.ordersPlaced()).isGreaterThan(2);
    assertThat(s.fills()).isPositive();
    assertThat(s.position().abs()).isLessThanOrEqualTo(new BigDecimal("0.012"));
    assertThat(s.openOrders()).isEmpty();
  }

  @Test
  void customStrategyStopsAddingAtItsCap() {
    MarketMakerStatus s = CustomStrategyExample.run(7);
    assertThat(s.fills()).isPositive();
    assertThat(s.position().abs()).isLessThanOrEqualTo(new BigDecimal("0.006"));
    assertThat(s.state()).isEqualTo("STOPPED");
  }
}
