package dev.tradekit.execution;

import static dev.tradekit.execution.Fixtures.bd;
import static dev.tradekit.execution.Fixtures.buy;
import static dev.tradekit.execution.Fixtures.openOrder;
import static dev.tradekit.execution.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.OrderSync.LiveOrder;
import dev.tradekit.execution.OrderSync.Plan;
import dev.tradekit.execution.OrderSync.Rules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderSyncTest {
  private static final Rules CANCEL_REPLACE = new Rules(bd("0.1"), 2, bd("0.1"), false, 0);
  private static final Rules AMEND = new Rules(bd("0.1"), 2, bd("0.1"), true, 0);

  private static LiveOrder live(String id, Side side, String price, String qty) {
    return new LiveOrder(id, side, bd(price), bd(qty), BigDecimal.ZERO, false, 0);
  }

  @Test
  void ordersWithinToleranceAreLeftAlone() {
    List<LiveOrder> resting =
        List.of(live("b", Side.BUY, "59940.0", "0.002"), live("s", Side.SELL, "60060.0", "0.002"));
    // the targets moved 2 ticks and the sizes 5 %: nothing to do
    Plan p =
        OrderSync.diff(
            resting,
            List.of(buy("59940.2", "0.0021"), sell("60059.8", "0.0019")),
            CANCEL_REPLACE,
            0);
    assertThat(p.isEmpty()).isTrue();
  }

  @Test
  void orderBeyondTheToleranceIsCancelledAndReplacedWithoutAmend() {
    List<LiveOrder> resting = List.of(live("b", Side.BUY, "59940.0", "0.002"));
    Plan p = OrderSync.diff(resting, List.of(buy("59940.3", "0.002")), CANCEL_REPLACE, 0);
    assertThat(p.cancels()).extracting(LiveOrder::clientOrderId).containsExactly("b");
    assertThat(p.places()).containsExactly(buy("59940.3", "0.002"));
    assertThat(p.amends()).isEmpty();
  }

  @Test
  void orderBeyondTheToleranceIsAmendedWhereTheVenueCan() {
    List<LiveOrder> resting = List.of(live("b", Side.BUY, "59940.0", "0.002"));
    Plan p = OrderSync.diff(resting, List.of(buy("59930.0", "0.003")), AMEND, 0);
    assertThat(p.cancels()).isEmpty();
    assertThat(p.places()).isEmpty();
    assertThat(p.amends()).hasSize(1);
    assertThat(p.amends().get(0).order().clientOrderId()).isEqualTo("b");
    assertThat(p.amends().get(0).newQuantity()).isEqualByComparingTo("0.003");
  }

  @Test
  void amendOfAPartlyFilledOrderKeepsWhatWasExecuted() {
    LiveOrder partial =
        new LiveOrder("b", Side.BUY, bd("59940"), bd("0.005"), bd("0.002"), false, 0);
    Plan p = OrderSync.diff(List.of(partial), List.of(buy("59930", "0.004")), AMEND, 0);
    assertThat(p.amends().get(0).newQuantity()).isEqualByComparingTo("0.006");
  }

  @Test
  void newLevelIsPlacedWithoutDisturbingTheMatchingOnes() {
    List<LiveOrder> resting =
        List.of(live("b1", Side.BUY, "59940.0", "0.002"), live("b2", Side.BUY, "59910.0", "0.002"));
    Plan p =
        OrderSync.diff(
            resting,
            List.of(buy("59970.0", "0.002"), buy("59940.0", "0.002"), buy("59910.0", "0.002")),
            AMEND,
            0);
    assertThat(p.cancels()).isEmpty();
    assertThat(p.amends()).isEmpty();
    assertThat(p.places()).containsExactly(buy("59970.0", "0.002"));
  }

  @Test
  void surplusOrdersAreCancelled() {
    List<LiveOrder> resting =
        List.of(
            live("s1", Side.SELL, "60060.0", "0.002"), live("s2", Side.SELL, "60090.0", "0.002"));
    Plan p = OrderSync.diff(resting, List.of(sell("60060.0", "0.002")), AMEND, 0);
    assertThat(p.cancels()).extracting(LiveOrder::clientOrderId).containsExactly("s2");
    assertThat(p.size()).isEqualTo(1);
  }

  @Test
  void ordersOlderThanTheMaxAgeAreReplacedEvenWhenTheyMatch() {
    Rules aged = new Rules(bd("0.1"), 2, bd("0.1"), true, 30_000);
    LiveOrder old =
        new LiveOrder("b", Side.BUY, bd("59940"), bd("0.002"), BigDecimal.ZERO, false, 0);
    assertThat(OrderSync.diff(List.of(old), List.of(buy("59940", "0.002")), aged, 29_999).isEmpty())
        .isTrue();
    Plan p = OrderSync.diff(List.of(old), List.of(buy("59940", "0.002")), aged, 30_000);
    assertThat(p.cancels()).hasSize(1);
    assertThat(p.places()).hasSize(1);
    assertThat(p.amends()).isEmpty();
  }

  @Test
  void reduceOnlyFlagMustMatchToKeepAnOrder() {
    LiveOrder plain = live("s", Side.SELL, "60060", "0.002");
    TargetOrder reduce = TargetOrder.reduceOnlyLimit(Side.SELL, bd("60060"), bd("0.002"));
    Plan p = OrderSync.diff(List.of(plain), List.of(reduce), AMEND, 0);
    assertThat(p.cancels()).hasSize(1);
    assertThat(p.places()).containsExactly(reduce);
  }

  @Test
  void marketTargetsAreAlwaysSent() {
    TargetOrder close = TargetOrder.market(Side.SELL, bd("0.01"), true);
    assertThat(OrderSync.diff(List.of(), List.of(close), AMEND, 0).places()).containsExactly(close);
  }

  @Test
  void batchesAreCutAtTheVenueLimit() {
    List<Integer> twelve = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(OrderSync.chunks(twelve, 5))
        .containsExactly(List.of(1, 2, 3, 4, 5), List.of(6, 7, 8, 9, 10), List.of(11, 12));
    assertThat(OrderSync.chunks(twelve, 1)).hasSize(12);
  }

  @Test
  void reconciliationAdoptsUnknownOrdersOfTheBotAndDropsLostOnes() {
    var venue =
        List.of(
            openOrder("mm1-a-1", Side.BUY, "59940", "0.002"),
            openOrder("mm1-b-7", Side.SELL, "60060", "0.002"),
            openOrder("manual-1", Side.BUY, "50000", "0.1"));
    OrderSync.Reconciliation r = OrderSync.reconcile(Set.of("mm1-a-1", "mm1-a-2"), venue, "mm1-");
    assertThat(r.adopted()).extracting(o -> o.clientOrderId()).containsExactly("mm1-b-7");
    assertThat(r.lost()).containsExactly("mm1-a-2");
  }
}
