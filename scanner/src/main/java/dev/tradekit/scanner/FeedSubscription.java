package dev.tradekit.scanner;

/**
 * One subscriber's attachment to the {@link ScannerFeed}, with its delivery counters.
 *
 * <pre>{@code
 * try (FeedSubscription s = scanner.feed().subscribe(FeedTier.VIP, key, json -> out.add(json))) {
 *   ...
 *   log.info("delivered {} dropped {}", s.delivered(), s.dropped());
 * }
 * }</pre>
 */
public interface FeedSubscription extends AutoCloseable {

  /** The tier subscribed to. */
  FeedTier tier();

  /** Messages handed to the subscriber. */
  long delivered();

  /** Messages dropped: the queue was full (oldest first) or the subscriber threw. */
  long dropped();

  /** Messages waiting (for the delay, the rate limit or a busy subscriber). */
  int queued();

  /** Whether messages are still delivered. */
  boolean isActive();

  /** Stops delivery and discards queued messages; idempotent, callable from any thread. */
  @Override
  void close();
}
