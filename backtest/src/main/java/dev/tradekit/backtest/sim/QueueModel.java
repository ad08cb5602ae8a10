package dev.tradekit.backtest.sim;

/**
 * How a resting simulated order moves up the queue at its price when the recorded book shrinks
 * there without a trade (cancellations by other traders).
 *
 * <p>Both models count trades: a trade at the order's price first consumes the quantity ahead of
 * the order, and only volume beyond it fills the order. They differ on depth decreases:
 *
 * <pre>{@code
 * SimVenue venue = SimVenue.builder()...queueModel(QueueModel.PROPORTIONAL).build();
 * }</pre>
 */
public enum QueueModel {
  /**
   * Cancellations never move the order forward; the quantity ahead is only clamped so that it never
   * exceeds the whole level. Pessimistic: fills come late, as for an order at the back of the
   * queue.
   */
  CONSERVATIVE,
  /**
   * A decrease of the level (not explained by trades already counted) moves the order forward in
   * proportion to the share of the level ahead of it: {@code ahead -= decrease * ahead /
   * levelBefore}, i.e. cancellations are assumed uniform over the queue.
   */
  PROPORTIONAL
}
