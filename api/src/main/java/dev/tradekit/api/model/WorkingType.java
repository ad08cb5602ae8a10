package dev.tradekit.api.model;

/**
 * The price a conditional order's trigger watches.
 *
 * <pre>{@code
 * Trigger t = Trigger.at(new BigDecimal("29500")).workingType(WorkingType.MARK_PRICE);
 * }</pre>
 */
public enum WorkingType {
  /** The last traded price of the contract (the venues' default). */
  CONTRACT_PRICE,
  /** The mark price (index-based; immune to a single wick on the contract's book). */
  MARK_PRICE
}
