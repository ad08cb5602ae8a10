package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tally kept as fills are booked gives the sums and round trips of reading the fills after. */
class FillTallyTest {

  @Test
  void tallyingFillsAsBookedGivesTheExactSumsAndTheTripsOfFoldingTheFills() {
    List<Fill> fills = RoundTripsTest.session();
    EquityCurve curve =
        EquityCurve.of(new long[] {0, 3_500}, new double[] {1_000, 2_000}, new double[2]);
    FillTally tally = new FillTally();
    fills.forEach(tally);

    RoundTrips replayed = new RoundTrips(new BacktestRun.EquityCursor(curve));
    tally.replay(replayed);

    assertThat(replayed.trips())
        .isEqualTo(RoundTripsTest.fold(fills, t -> EquityCursorTest.equityAt(curve, t)))
        .hasSize(3);
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal traded = BigDecimal.ZERO;
    for (Fill f : fills) {
      fees = fees.add(f.commission());
      traded = traded.add(f.price().multiply(f.quantity()));
    }
    assertThat(tally.fees()).isEqualTo(fees); // same digits and scale: exact
    assertThat(tally.traded()).isEqualTo(traded).isEqualByComparingTo("1003");
    assertThat(tally.size()).isEqualTo(6);
  }

  @Test
  void theColumnsGrowPastTheirFirstSizeWithoutLosingAFill() {
    List<Fill> fills = new ArrayList<>();
    for (int i = 0; i < 150; i++) { // 300 fills: the columns double three times
      fills.add(RoundTripsTest.fill(Side.BUY, "100", "1", "0", 2_000L * i));
      fills.add(RoundTripsTest.fill(Side.SELL, "101", "1", "1", 2_000L * i + 1_000));
    }
    FillTally tally = new FillTally();
    fills.forEach(tally);
    RoundTrips replayed = new RoundTrips(t -> 1_000);
    tally.replay(replayed);

    assertThat(tally.size()).isEqualTo(300);
    assertThat(replayed.trips())
        .hasSize(150)
        .isEqualTo(RoundTripsTest.fold(fills, t -> 1_000))
        .allSatisfy(t -> assertThat(t.grossPnl()).isEqualTo(1.0));
    assertThat(replayed.trips().get(149).closeTime()).isEqualTo(299_000);
  }
}
