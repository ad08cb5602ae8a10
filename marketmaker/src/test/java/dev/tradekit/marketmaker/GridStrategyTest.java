package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.Fixtures.CENTS;
import static dev.tradekit.marketmaker.Fixtures.bd;
import static dev.tradekit.marketmaker.Fixtures.ctx;
import static dev.tradekit.marketmaker.Fixtures.inventory;
import static dev.tradekit.marketmaker.Fixtures.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import dev.tradekit.execution.TargetOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridStrategyTest {
  private static final QuoteParameters UNUSED = QuoteParameters.of(bd("0.001"), bd("1"));

  private static GridBuilder grid() {
    return Strategies.grid().range(bd("100"), bd("110")).count(6).amountPerGrid(bd("0.010"));
  }

  private static QuoteContext at(String bid, String ask, String position) {
    return ctx(market(CENTS, bid, ask), inventory(position, "100", "1000"), UNUSED, 0);
  }

  @Test
  void arithmeticLinesAreEquallySpaced() {
    GridStrategy g = (GridStrategy) grid().build();
    assertThat(g.lines(CENTS))
        .containsExactly(bd("100"), bd("102"), bd("104"), bd("106"), bd("108"), bd("110"));
  }

  @Test
  void geometricLinesHaveEqualRatiosRoundedToTheTick() {
    GridStrategy g =
        (GridStrategy)
            Strategies.grid()
                .range(bd("100"), bd("121"))
                .count(5)
                .spacing(GridSpacing.GEOMETRIC)
                .amountPerGrid(bd("0.01"))
                .build();
    // 100 * 1.1^(i/2): 100, 104.8808.. -> 104.88, 110, 115.3689.. -> 115.37, 121
    assertThat(g.lines(CENTS))
        .containsExactly(bd("100"), bd("104.88"), bd("110"), bd("115.37"), bd("121"));
  }

  @Test
  void linesCloserThanOneTickAreRejected() {
    Strategy g =
        Strategies.grid().range(bd("100"), bd("100.05")).count(10).amountPerGrid(bd("1")).build();
    assertThatThrownBy(() -> g.validate(CENTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one tick");
  }

  @Test
  void neutralGridBuysBelowAndSellsAboveLeavingTheNearestLineEmpty() {
    // mid 105.30: nearest line is 106
    List<TargetOrder> t = grid().build().targets(at("105.29", "105.31", "0"));
    assertThat(t)
        .extracting(TargetOrder::side, TargetOrder::price, TargetOrder::reduceOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Side.BUY, bd("104"), false),
            org.assertj.core.groups.Tuple.tuple(Side.BUY, bd("102"), false),
            org.assertj.core.groups.Tuple.tuple(Side.BUY, bd("100"), false),
            org.assertj.core.groups.Tuple.tuple(Side.SELL, bd("108"), false),
            org.assertj.core.groups.Tuple.tuple(Side.SELL, bd("110"), false));
  }

  @Test
  void longGridSellsOnlyWhatItHolds() {
    Strategy g = grid().direction(Direction.LONG).build();
    assertThat(g.targets(at("105.29", "105.31", "0"))).allMatch(t -> t.side() == Side.BUY);
    List<TargetOrder> holding = g.targets(at("105.29", "105.31", "0.020"));
    assertThat(holding.stream().filter(t -> t.side() == Side.SELL))
        .extracting(TargetOrder::price, TargetOrder::reduceOnly)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(bd("108"), true),
            org.assertj.core.groups.Tuple.tuple(bd("110"), true));
  }

  @Test
  void shortGridBuysBackOnlyWhatItIsShort() {
    Strategy g = grid().direction(Direction.SHORT).build();
    List<TargetOrder> t = g.targets(at("105.29", "105.31", "-0.010"));
    assertThat(t.stream().filter(o -> o.side() == Side.BUY))
        .extracting(TargetOrder::price, TargetOrder::reduceOnly)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(bd("104"), true));
    assertThat(t.stream().filter(o -> o.side() == Side.SELL)).hasSize(2);
  }

  @Test
  void nothingIsQuotedUntilTheMidReachesTheTrigger() {
    Strategy g = grid().triggerPrice(bd("103")).build();
    assertThat(g.targets(at("105.29", "105.31", "0"))).isEmpty();
    assertThat(g.targets(at("103.50", "103.52", "0"))).isEmpty();
    assertThat(g.targets(at("102.89", "102.91", "0"))).isNotEmpty();
    assertThat(g.targets(at("105.29", "105.31", "0"))).isNotEmpty(); // stays active
  }

  private static QuoteContext at(String bid, String ask, String position, long now) {
    return ctx(market(CENTS, bid, ask), inventory(position, "100", "1000"), UNUSED, now);
  }

  @Test
  void stopLossClosesThePositionAtMarketAndStopsOnceFlat() {
    Strategy g = grid().stopLoss(bd("95")).takeProfit(bd("115")).build();
    assertThat(g.targets(at("94.89", "94.91", "0.030", 0)))
        .containsExactly(TargetOrder.market(Side.SELL, bd("0.030"), true));
    assertThat(g.targets(at("94.89", "94.91", "0.030", 1_000))).isEmpty(); // close in flight
    assertThat(g.targets(at("94.89", "94.91", "0.040", 5_000)))
        .containsExactly(TargetOrder.market(Side.SELL, bd("0.040"), true)); // late fill, resent
    assertThat(g.stopReason()).isNull();
    assertThat(g.targets(at("99.99", "100.01", "0", 6_000))).isEmpty(); // flat, not settled
    assertThat(g.stopReason()).isNull();
    assertThat(g.targets(at("99.99", "100.01", "0", 7_000))).isEmpty();
    assertThat(g.stopReason()).contains("stop-loss 95");
  }

  @Test
  void takeProfitAboveTheRangeClosesAShortAtMarket() {
    Strategy g = grid().takeProfit(bd("115")).build();
    List<TargetOrder> t = g.targets(at("115.00", "115.02", "-0.020", 0));
    assertThat(t).containsExactly(TargetOrder.market(Side.BUY, bd("0.020"), true));
    g.targets(at("115.00", "115.02", "0", 100));
    g.targets(at("115.00", "115.02", "0", 1_100));
    assertThat(g.stopReason()).contains("take-profit 115");
  }

  @Test
  void boundsInsideTheRangeAreRejected() {
    assertThatThrownBy(() -> grid().stopLoss(new BigDecimal("101")).build())
        .hasMessageContaining("outside the range");
  }
}
