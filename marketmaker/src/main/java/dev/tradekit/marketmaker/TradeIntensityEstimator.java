package dev.tradekit.marketmaker;

/**
 * Estimates the κ of the Avellaneda–Stoikov fill intensity {@code λ(δ) = A·e^(−κδ)} from public
 * trades: the distances {@code δ = |price − mid|} of trades from the mid are exponential with rate
 * κ, whose estimate is {@code 1 / mean(δ)}; the mean is exponentially weighted and never below
 * {@code minDistance} (half a tick), so κ stays finite.
 */
final class TradeIntensityEstimator {
  private final double alpha;
  private final int minTrades;
  private double meanDistance;
  private int trades;

  TradeIntensityEstimator(double alpha, int minTrades) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
    }
    if (minTrades < 1) {
      throw new IllegalArgumentException("minTrades must be >= 1, was " + minTrades);
    }
    this.alpha = alpha;
    this.minTrades = minTrades;
  }

  /** Adds one trade at {@code price} while the mid was {@code mid}. */
  void onTrade(double price, double mid) {
    if (!(mid > 0) || !(price > 0)) {
      return;
    }
    double d = Math.abs(price - mid);
    meanDistance = trades == 0 ? d : alpha * d + (1 - alpha) * meanDistance;
    trades++;
  }

  boolean ready() {
    return trades >= minTrades;
  }

  /** {@code 1 / max(mean distance, minDistance)}, in 1/price units. */
  double kappa(double minDistance) {
    return 1.0 / Math.max(meanDistance, minDistance);
  }

  int trades() {
    return trades;
  }
}
