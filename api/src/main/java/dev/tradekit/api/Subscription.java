package dev.tradekit.api;

/**
 * A live stream subscription; closing it stops delivery to its listener.
 *
 * <pre>{@code
 * try (Subscription s = exchange.streams().trades("BTCUSDT", trade -> count++)) { ... }
 * }</pre>
 */
public interface Subscription extends AutoCloseable {

  /** Whether events are still delivered. */
  boolean isActive();

  /** Stops delivery; idempotent. */
  @Override
  void close();
}
