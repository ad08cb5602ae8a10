package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.BTC;
import static dev.tradekit.marketmaker.Fixtures.bd;
import static dev.tradekit.marketmaker.Fixtures.buy;
import static dev.tradekit.marketmaker.Fixtures.inventory;
import static dev.tradekit.marketmaker.Fixtures.market;
import static dev.tradekit.marketmaker.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskManagerTest {
  private static final MarketState M = market(BTC, "59999.9", "60000.1");
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
    RiskManager.Outcome o = r.filter(QUOTES, M, inventory("0.010", "60000", "1000"));
    assertThat(o.accepted()).containsExactly(sell("60060", "0.002"), sell("60090", "0.002"));
    assertThat(o.rejected()).anyMatch(s -> s.contains("inventory cap blocks BUY"));
  }

  @Test
  void inventoryCapBlocksSellsWhenShortAtTheCap() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    RiskManager.Outcome o = r.filter(QUOTES, M, inventory("-0.012", "60000", "1000"));
    assertThat(o.accepted()).extracting(TargetOrder::side).containsOnly(Side.BUY);
  }

  @Test
  void inventoryCapTrimsBuysSoThatAllFillsStayWithinIt() {
    RiskManager r = risk(RiskLimits.builder().maxPosition(bd("0.010")));
    // 0.007 held: 0.003 left; the inner buy takes 0.002, the outer is trimmed to 0.001
    RiskManager.Outcome o = r.filter(QUOTES, M, inventory("0.007", "60000", "1000"));
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
    assertThat(r.filter(List.of(close), M, inventory("-0.02", "60000", "1000")).accepted())
        .containsExactly(close);
  }

  @Test
  void ordersAboveTheNotionalCapAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder().maxOrderNotional(bd("150")));
    // 0.002 * 59940 = 119.88 passes; 0.003 * 60060 = 180.18 does not
    RiskManager.Outcome o =
        r.filter(List.of(buy("59940", "0.002"), sell("60060", "0.003")), M, Inventory.FLAT);
    assertThat(o.accepted()).containsExactly(buy("59940", "0.002"));
  }

  @Test
  void maxOpenOrdersKeepsTheOnesClosestToTheMid() {
    RiskManager r = risk(RiskLimits.builder().maxOpenOrders(2));
    assertThat(r.filter(QUOTES, M, Inventory.FLAT).accepted())
        .containsExactly(buy("59940", "0.002"), sell("60060", "0.002"));
  }

  @Test
  void quotesOutsideThePriceBandAroundTheMarkAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder().priceBand(bd("0.001")));
    MarketState withMark = new MarketState(BTC, bd("59999.9"), bd("60000.1"), bd("60000"), 0);
    // band = 60 around 60000: 59940 and 60060 are exactly on it, 59910 and 60090 outside
    assertThat(r.filter(QUOTES, withMark, Inventory.FLAT).accepted())
        .containsExactly(buy("59940", "0.002"), sell("60060", "0.002"));
  }

  @Test
  void crossingQuotesArePulledBackBehindTheTouch() {
    RiskManager r = risk(RiskLimits.builder());
    assertThat(
            r.filter(List.of(buy("60000.5", "0.002"), sell("59999", "0.002")), M, Inventory.FLAT)
                .accepted())
        .containsExactly(buy("60000", "0.002"), sell("60000", "0.002"));
  }

  @Test
  void ordersBelowTheVenueMinimumsAreLeftOut() {
    RiskManager r = risk(RiskLimits.builder());
    // minNotional 5: 0.001 * 1000 = 1 is too small
    MarketState cheap = market(BTC, "999.9", "1000.1");
    assertThat(r.filter(List.of(buy("990", "0.001")), cheap, Inventory.FLAT).accepted()).isEmpty();
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
