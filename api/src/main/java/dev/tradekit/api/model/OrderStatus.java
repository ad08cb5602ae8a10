package dev.tradekit.api.model;

/**
 * The life-cycle state of an order as the venue reports it.
 *
 * <pre>{@code
 * if (order.status().isTerminal()) openOrders.remove(order.orderId());
 * }</pre>
 */
public enum OrderStatus {
  /** Accepted and resting, nothing filled. */
  NEW,
  /** Resting with part of the quantity filled. */
  PARTIALLY_FILLED,
  /** Completely filled. */
  FILLED,
  /** Canceled by the user or the system. */
  CANCELED,
  /** Refused by the venue. */
  REJECTED,
  /** Expired by its time in force (IOC/FOK remainder, post-only that would cross). */
  EXPIRED,
  /** Expired by self-trade prevention. */
  EXPIRED_IN_MATCH,
  /**
   * A conditional order whose trigger fired: it placed the market order {@link
   * Order#triggeredOrderId()}, which carries the fills. Terminal for the conditional order.
   */
  TRIGGERED;

  /** True when the order can no longer change: every status except {@code NEW} and partial. */
  public boolean isTerminal() {
    return !isOpen();
  }

  /** True while the order rests on the book: {@code NEW} or {@code PARTIALLY_FILLED}. */
  public boolean isOpen() {
    return this == NEW || this == PARTIALLY_FILLED;
  }
}
