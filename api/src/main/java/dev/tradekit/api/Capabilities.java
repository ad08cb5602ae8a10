package dev.tradekit.api;

import dev.tradekit.api.model.OrderType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a venue supports and the limits an engine must plan for.
 *
 * <pre>{@code
 * int chunk = exchange.capabilities().maxBatchPlace();
 * if (exchange.capabilities().hedgeMode()) { ... }
 * if (exchange.capabilities().supports(OrderType.STOP_MARKET)) { ... }
 * }</pre>
 *
 * @param maxBatchPlace orders per batch-place call (1 = no batching; Binance 5)
 * @param maxBatchCancel orders per batch-cancel call (1 = no batching; Binance 10)
 * @param amend whether resting orders can be amended in place ({@link Exchange#amendment()})
 * @param hedgeMode whether the account can hold a long and a short position in one symbol
 * @param deadManSwitch whether the venue cancels orders on a countdown ({@link
 *     Exchange#deadManSwitch()})
 * @param localOrderBook whether {@link Streams#orderBook} keeps a book from a diff stream (as
 *     opposed to polling snapshots)
 * @param userStream whether fills and order updates are pushed as they happen
 * @param conditionalOrders the conditional order types ({@link OrderType#isConditional()}) the
 *     venue holds and triggers itself; an engine keeps the others as its own rules. Placing a type
 *     not in this set fails with an {@link dev.tradekit.api.error.InvalidOrderException} before
 *     anything is sent.
 */
public record Capabilities(
    int maxBatchPlace,
    int maxBatchCancel,
    boolean amend,
    boolean hedgeMode,
    boolean deadManSwitch,
    boolean localOrderBook,
    boolean userStream,
    Set<OrderType> conditionalOrders) {

  /** Capabilities without conditional orders (an engine keeps stops as its own rules). */
  public Capabilities(
      int maxBatchPlace,
      int maxBatchCancel,
      boolean amend,
      boolean hedgeMode,
      boolean deadManSwitch,
      boolean localOrderBook,
      boolean userStream) {
    this(
        maxBatchPlace,
        maxBatchCancel,
        amend,
        hedgeMode,
        deadManSwitch,
        localOrderBook,
        userStream,
        Set.of());
  }

  /** Validates the batch sizes and that {@code conditionalOrders} holds conditional types only. */
  public Capabilities {
    if (maxBatchPlace < 1) {
      throw new IllegalArgumentException("maxBatchPlace must be >= 1, was " + maxBatchPlace);
    }
    if (maxBatchCancel < 1) {
      throw new IllegalArgumentException("maxBatchCancel must be >= 1, was " + maxBatchCancel);
    }
    for (OrderType t : conditionalOrders) {
      if (!t.isConditional()) {
        throw new IllegalArgumentException(
            "conditionalOrders lists conditional types only, not " + t);
      }
    }
    conditionalOrders =
        conditionalOrders.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(conditionalOrders));
  }

  /**
   * True when the venue takes orders of {@code type}: LIMIT and MARKET always, a conditional type
   * when it is in {@link #conditionalOrders()}.
   */
  public boolean supports(OrderType type) {
    return !type.isConditional() || conditionalOrders.contains(type);
  }
}
