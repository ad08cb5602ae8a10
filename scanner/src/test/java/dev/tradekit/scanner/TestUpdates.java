package dev.tradekit.scanner;

import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Ready-made {@link OrderUpdate}s for feed tests. */
final class TestUpdates {
  private TestUpdates() {}

  static OrderUpdate update(long time, double weight, UpdateReason... reasons) {
    TrackedOrder o =
        new TrackedOrder("BTCUSDT", Side.BUY, 300_000, new BigDecimal("30000"), 12.5, time);
    return new OrderUpdate(
        time,
        Set.of(reasons),
        o.toLargeOrder(),
        TimeFactors.at(1, 0),
        0.5,
        Map.of("recommended", weight),
        "recommended",
        weight,
        Category.of(weight),
        new MarketContext(0.5, 0.4, 1, 1),
        Scoring.analytics(o.price, 30_010, null));
  }
}
