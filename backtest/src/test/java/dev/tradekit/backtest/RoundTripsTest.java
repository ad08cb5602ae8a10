package dev.tradekit.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Round trips folded one fill at a time inside another pass equal those folded at once. */
class RoundTripsTest {
  private static int ids;

  static Fill fill(Side side, String price, String qty, String pnl, long time) {
    BigDecimal p = new BigDecimal(price);
    BigDecimal q = new BigDecimal(qty);
    return new Fill(
        "BTCUSDT",
        Integer.toString(++ids),
        Integer.toString(ids),
        null,
        side,
        PositionSide.BOTH,
        p,
        q,
        p.multiply(q).multiply(new BigDecimal("0.0004")),
        "USDT",
        new BigDecimal(pnl),
        false,
        time);
  }

  /** Folds {@code f} into {@code trips} from its decimals, as a tally of it would. */
  static void add(RoundTrips trips, Fill f) {
    trips.add(
        f.symbol(),
        f.positionSide(),
        f.side(),
        f.time(),
        f.quantity().doubleValue(),
        f.price().doubleValue(),
        f.commission().doubleValue(),
        f.realizedPnl().doubleValue());
  }

  /** The round trips of {@code fills} folded at once. */
  static List<RoundTrip> fold(List<Fill> fills, LongToDoubleFunction equityAt) {
    RoundTrips trips = new RoundTrips(equityAt);
    fills.forEach(f -> add(trips, f));
    return trips.trips();
  }

  static List<Fill> session() {
    List<Fill> fills = new ArrayList<>();
    fills.add(fill(Side.BUY, "100", "1", "0", 1_000)); // long 1
    fills.add(fill(Side.SELL, "110", "1", "10", 2_000)); // closed: +10
    fills.add(fill(Side.SELL, "120", "2", "0", 3_000)); // short 2
    fills.add(fill(Side.BUY, "115", "3", "10", 4_000)); // closes 2 (+10), opens long 1
    fills.add(fill(Side.SELL, "118", "1", "3", 5_000)); // closed: +3
    fills.add(fill(Side.BUY, "90", "1", "0", 6_000)); // open at the end: left out
    return fills;
  }

  @Test
  void addingFillsOneByOneGivesTheTripsOfFoldingThemAtOnce() {
    List<Fill> fills = session();
    EquityCurve curve =
        EquityCurve.of(new long[] {0, 3_500}, new double[] {1_000, 2_000}, new double[2]);

    List<RoundTrip> atOnce = fold(fills, t -> EquityCursorTest.equityAt(curve, t));
    RoundTrips folding = new RoundTrips(new BacktestRun.EquityCursor(curve));
    fills.forEach(f -> add(folding, f));

    assertThat(folding.trips()).isEqualTo(atOnce);
    assertThat(atOnce).hasSize(3);
    assertThat(atOnce.get(0).longTrade()).isTrue();
    assertThat(atOnce.get(0).grossPnl()).isEqualTo(10.0);
    assertThat(atOnce.get(1).longTrade()).isFalse();
    assertThat(atOnce.get(1).quantity()).isEqualTo(2.0);
    assertThat(atOnce.get(1).exitPrice()).isEqualTo(115.0);
    assertThat(atOnce.get(2).openTime()).isEqualTo(4_000);
    assertThat(atOnce.get(2).entryPrice()).isEqualTo(115.0);
    // the remainder trip opened at 4,000 takes the equity of the sample at 3,500
    assertThat(atOnce.get(2).returnOnEquity()).isEqualTo((3.0 - atOnce.get(2).fees()) / 2_000);
  }
}
