package dev.tradekit.api;

/**
 * What a venue supports and the limits an engine must plan for.
 *
 * <pre>{@code
 * int chunk = exchange.capabilities().maxBatchPlace();
 * if (exchange.capabilities().hedgeMode()) { ... }
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
 */
public record Capabilities(
    int maxBatchPlace,
    int maxBatchCancel,
    boolean amend,
    boolean hedgeMode,
    boolean deadManSwitch,
    boolean localOrderBook,
    boolean userStream) {

  public Capabilities {
    if (maxBatchPlace < 1) {
      throw new IllegalArgumentException("maxBatchPlace must be >= 1, was " + maxBatchPlace);
    }
    if (maxBatchCancel < 1) {
      throw new IllegalArgumentException("maxBatchCancel must be >= 1, was " + maxBatchCancel);
    }
  }
}
