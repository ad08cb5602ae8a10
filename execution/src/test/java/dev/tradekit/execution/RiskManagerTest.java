package dev.tradekit.execution;

import static dev.tradekit.execution.Fixtures.BTC;
import static dev.tradekit.execution.Fixtures.bd;
import static dev.tradekit.execution.Fixtures.book;
import static dev.tradekit.execution.Fixtures.buy;
import static dev.tradekit.execution.Fixtures.filter;
import static dev.tradekit.execution.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.Fixtures.Book;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskManagerTest {
  private static final Book M = book("59999.9", "60000.1");
  private static final List<TargetOrder> QUOTES =
      List.of(
          buy("59940", "0.002"),
          buy("59910", "0.002"),
          sell("60060", "0.002"),
          sell("60090", "0.002"));

  private static RiskManager risk(RiskLimits.Builder b) {
    return new RiskManager(b.build());
  }

  @Test
  void inventoryCapBlocksBuysWhenLongAtTheCap() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    RiskManager.Outcome o = filter(r, QUOTES, M, "0.010");
    assertThat(o.accepted()).containsExactly(sell("60060", "0.002"), sell("60090", "0.002"));
    assertThat(o.rejected()).anyMatch(s -> s.contains("inventory cap blocks BUY"));
  }

  @Test
  void inventoryCapBlocksSellsWhenShortAtTheCap() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    RiskManager.Outcome o = filter(r, QUOTES, M, "-0.012");
    assertThat(o.accepted()).extracting(TargetOrder::side).containsOnly(Side.BUY);
  }

  @Test
  void inventoryCapTrimsBuysSoThatAllFillsStayWithinIt() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    // 0.007 held: 0.003 left; the inner buy takes 0.002, the outer is trimmed to 0.001
    RiskManager.Outcome o = filter(r, QUOTES, M, "0.007");
    assertThat(o.accepted())
        .containsExactly(
            buy("59940", "0.002"),
            buy("59910", "0.001"),
            sell("60060", "0.002"),
            sell("60090", "0.002"));
  }

  @Test
  void reduceOnlyOrdersPassTheCap() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    TargetOrder close = TargetOrder.reduceOnlyLimit(Side.BUY, bd("59940"), bd("0.02"));
    assertThat(filter(r, List.of(close), M, "-0.02").accepted()).containsExactly(close);
  }

  @Test
  void ordersAboveTheNotionalCapAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder().maxOrderNotional(bd("150")));
    // 0.002 * 59940 = 119.88 passes; 0.003 * 60060 = 180.18 does not
    RiskManager.Outcome o =
        filter(r, List.of(buy("59940", "0.002"), sell("60060", "0.003")), M, "0");
    assertThat(o.accepted()).containsExactly(buy("59940", "0.002"));
  }

  @Test
  void maxOpenOrdersKeepsTheOnesClosestToTheMid() {
    RiskManager r = risk(RiskLimits.builder().maxOpenOrders(2));
    assertThat(filter(r, QUOTES, M, "0").accepted())
        .containsExactly(buy("59940", "0.002"), sell("60060", "0.002"));
  }

  @Test
  void quotesOutsideThePriceBandAroundTheMarkAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder().priceBand(bd("0.001")));
    Book withMark = new Book(BTC, bd("59999.9"), bd("60000.1"), bd("60000"));
    // band = 60 around 60000: 59940 and 60060 are exactly on it, 59910 and 60090 outside
    assertThat(filter(r, QUOTES, withMark, "0").accepted())
        .containsExactly(buy("59940", "0.002"), sell("60060", "0.002"));
  }

  @Test
  void crossingQuotesArePulledBackBehindTheTouch() {
    RiskManager r = risk(RiskLimits.builder());
    assertThat(
            filter(r, List.of(buy("60000.5", "0.002"), sell("59999", "0.002")), M, "0").accepted())
        .containsExactly(buy("60000", "0.002"), sell("60000", "0.002"));
  }

  @Test
  void ordersBelowTheVenueMinimumsAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder());
    // minNotional 5: 0.001 * 1000 = 1 is too small
    Book cheap = new Book(BTC, bd("999.9"), bd("1000.1"), null);
    assertThat(filter(r, List.of(buy("990", "0.001")), cheap, "0").accepted()).isEmpty();
  }

  @Test
  void maxLossKillSwitchFiresAtTheLimit() {
    RiskManager r = risk(RiskLimits.builder().maxLoss(bd("100")));
    r.resetEquity(bd("1000"));
    assertThat(r.killReason(bd("900.01"))).isNull();
    assertThat(r.killReason(bd("900"))).contains("max loss 100");
  }

  @Test
  void drawdownIsMeasuredFromThePeakEquity() {
    RiskManager r = risk(RiskLimits.builder().maxDrawdown(bd("50")));
    r.resetEquity(bd("1000"));
    assertThat(r.killReason(bd("1100"))).isNull();
    assertThat(r.killReason(bd("1051"))).isNull();
    assertThat(r.killReason(bd("1050"))).contains("from peak 1100");
  }

  @Test
  void bookOlderThanTheLimitIsStale() {
    RiskManager r = risk(RiskLimits.builder().maxBookAge(Duration.ofMillis(2_000)));
    assertThat(r.stale(10_000, 12_000)).isFalse();
    assertThat(r.stale(10_000, 12_001)).isTrue();
  }

  @Test
  void limitsRejectNonPositiveValues() {
    assertThatThrownBy(() -> RiskLimits.builder().maxPosition(bd("0")).build())
        .hasMessageContaining("maxPosition");
  }
}
