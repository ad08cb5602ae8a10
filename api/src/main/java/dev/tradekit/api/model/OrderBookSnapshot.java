package dev.tradekit.api.model;

import java.util.List;
import java.util.Optional;

/**
 * A REST snapshot of an order book, the starting point for keeping a local book in sync.
 *
 * <pre>{@code
 * OrderBookSnapshot s = exchange.marketData().orderBook("BTCUSDT", 1000).join();
 * BigDecimal spread = s.bestAsk().orElseThrow().price().subtract(s.bestBid().orElseThrow().price());
 * }</pre>
 *
 * @param lastUpdateId the book update id the snapshot reflects
 * @param time epoch millis (0 when the venue does not report one)
 * @param bids best first: strictly descending prices
 * @param asks best first: strictly ascending prices
 */
public record OrderBookSnapshot(
    String symbol, long lastUpdateId, long time, List<PriceLevel> bids, List<PriceLevel> asks) {

  /** Copies the sides and checks their order. */
  public OrderBookSnapshot {
    Checks.nonBlank(symbol, "symbol");
    Checks.nonNegative(lastUpdateId, "lastUpdateId");
    Checks.nonNegative(time, "time");
    bids = Checks.copy(bids, "bids");
    asks = Checks.copy(asks, "asks");
    checkOrder(bids, -1, "bids", "descending");
    checkOrder(asks, 1, "asks", "ascending");
  }

  private static void checkOrder(List<PriceLevel> levels, int sign, String name, String order) {
    for (int i = 1; i < levels.size(); i++) {
      int cmp = levels.get(i).price().compareTo(levels.get(i - 1).price());
      if (Integer.signum(cmp) != sign) {
        throw new IllegalArgumentException(
            name
                + " must be strictly "
                + order
                + " by price, but "
                + name
                + "["
                + i
                + "] = "
                + Checks.plain(levels.get(i).price())
                + " follows "
                + Checks.plain(levels.get(i - 1).price()));
      }
    }
  }

  /** The highest bid, empty when there are no bids. */
  public Optional<PriceLevel> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /** The lowest ask, empty when there are no asks. */
  public Optional<PriceLevel> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }
}
