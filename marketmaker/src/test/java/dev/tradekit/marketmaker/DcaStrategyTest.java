package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.CENTS;
import static dev.tradekit.marketmaker.Fixtures.bd;
import static dev.tradekit.marketmaker.Fixtures.buy;
import static dev.tradekit.marketmaker.Fixtures.ctx;
import static dev.tradekit.marketmaker.Fixtures.inventory;
import static dev.tradekit.marketmaker.Fixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DcaStrategyTest {
  private static final QuoteParameters UNUSED = QuoteParameters.of(bd("0.001"), bd("1"));

  private static DcaBuilder dca() {
    return Strategies.dca()
        .baseOrder(bd("0.010"))
        .safetyOrder(bd("0.020"))
        .priceDeviation(bd("0.01"))
        .stepScale(bd("2"))
        .volumeScale(bd("1.5"))
        .maxSafetyOrders(3)
        .takeProfit(bd("0.015"));
  }

  private static List<TargetOrder> at(
      Strategy s, String mid, String position, String entry, long now) {
    BigDecimal m = bd(mid);
    MarketState state =
        market(CENTS, m.subtract(bd("0.01")).toPlainString(), m.add(bd("0.01")).toPlainString());
    return s.targets(ctx(state, inventory(position, entry, "1000"), UNUSED, now));
  }

  private static TargetOrder tp(String price, String qty) {
    return TargetOrder.reduceOnlyLimit(Side.SELL, bd(price), bd(qty));
  }

  @Test
  void safetyOrderPricesAndSizesFollowStepAndVolumeScale() {
    DcaStrategy s = (DcaStrategy) dca().build();
    // deviations 1 %, 1 + 2 = 3 %, 3 + 4 = 7 %; sizes 0.020, 0.030, 0.045
    assertThat(s.safetyPrice(1, bd("100"))).isEqualByComparingTo("99");
    assertThat(s.safetyPrice(2, bd("100"))).isEqualByComparingTo("97");
    assertThat(s.safetyPrice(3, bd("100"))).isEqualByComparingTo("93");
    assertThat(s.safetySize(1)).isEqualByComparingTo("0.020");
    assertThat(s.safetySize(2)).isEqualByComparingTo("0.030");
    assertThat(s.safetySize(3)).isEqualByComparingTo("0.045");
  }

  @Test
  void shortDealPlacesSafetyOrdersAbove() {
    DcaStrategy s = (DcaStrategy) dca().direction(Direction.SHORT).build();
    assertThat(s.safetyPrice(2, bd("100"))).isEqualByComparingTo("103");
  }

  @Test
  void dealOpensWithAMarketBaseOrderThenRestsSafetyOrdersAndTakeProfit() {
    Strategy s = dca().build();
    assertThat(at(s, "100", "0", "0", 0))
        .containsExactly(TargetOrder.market(Side.BUY, bd("0.010"), false));
    assertThat(at(s, "100", "0", "0", 100)).isEmpty(); // waiting for the fill
    assertThat(at(s, "100", "0.010", "100", 200))
        .containsExactly(
            tp("101.5", "0.010"), buy("99", "0.020"), buy("97", "0.030"), buy("93", "0.045"));
  }

  @Test
  void filledSafetyOrdersDropOutAndThePartlyFilledOneAsksForItsRemainder() {
    Strategy s = dca().build();
    at(s, "100", "0", "0", 0);
    at(s, "100", "0.010", "100", 100);
    // SO1 filled: entry (100*0.010 + 99*0.020)/0.030 = 99.3333; TP 99.3333*1.015 = 100.8233 ->
    // 100.83
    assertThat(at(s, "99", "0.030", "99.333333", 200))
        .containsExactly(tp("100.83", "0.030"), buy("97", "0.030"), buy("93", "0.045"));
    // SO2 filled 0.010 of 0.030: 0.020 remains
    assertThat(at(s, "97", "0.040", "98.75", 300)).contains(buy("97", "0.020"), buy("93", "0.045"));
  }

  @Test
  void stopLossClosesAtMarketAndTheCooldownDelaysTheNextDeal() {
    Strategy s = dca().stopLoss(bd("0.1")).cooldown(Duration.ofSeconds(60)).build();
    at(s, "100", "0", "0", 0);
    at(s, "100", "0.010", "100", 100);
    assertThat(at(s, "89.99", "0.010", "100", 1_000))
        .containsExactly(TargetOrder.market(Side.SELL, bd("0.010"), true));
    assertThat(at(s, "89.99", "0.010", "100", 2_000)).isEmpty(); // closing
    assertThat(at(s, "90", "0", "0", 3_000)).isEmpty(); // deal over, cooldown starts
    assertThat(at(s, "90", "0", "0", 62_999)).isEmpty();
    assertThat(at(s, "90", "0", "0", 63_000))
        .containsExactly(TargetOrder.market(Side.BUY, bd("0.010"), false));
    assertThat(((DcaStrategy) s).deals()).isEqualTo(1);
  }

  @Test
  void trailingTakeProfitFollowsThePeakAndClosesOnTheRetrace() {
    Strategy s = dca().maxSafetyOrders(0).trailingDeviation(bd("0.005")).build();
    at(s, "100", "0", "0", 0);
    assertThat(at(s, "100", "0.010", "100", 100)).containsExactly(tp("101.5", "0.010"));
    assertThat(at(s, "101.6", "0.010", "100", 200)).isEmpty(); // armed: no limit, trailing
    assertThat(at(s, "102", "0.010", "100", 300)).isEmpty(); // peak 102, exit at <= 101.49
    assertThat(at(s, "101.5", "0.010", "100", 400)).isEmpty();
    assertThat(at(s, "101.4", "0.010", "100", 500))
        .containsExactly(TargetOrder.market(Side.SELL, bd("0.010"), true));
  }

  @Test
  void takeProfitFillEndsTheDealAndStartsTheNext() {
    DcaStrategy s = (DcaStrategy) dca().build();
    at(s, "100", "0", "0", 0);
    at(s, "100", "0.010", "100", 100);
    assertThat(at(s, "101.5", "0", "0", 200)).isEmpty();
    assertThat(s.deals()).isEqualTo(1);
    assertThat(at(s, "101.5", "0", "0", 300)).hasSize(1);
  }

  @Test
  void builderRejectsNeutralAndNamesMissingFields() {
    assertThatThrownBy(() -> Strategies.dca().direction(Direction.NEUTRAL))
        .hasMessageContaining("NEUTRAL");
    assertThatThrownBy(() -> Strategies.dca().baseOrder(bd("1")).build())
        .hasMessageContaining("safetyOrder");
  }
}
