package dev.tradekit.scanner;

/**
 * The access levels of the {@link ScannerFeed}.
 *
 * <pre>{@code
 * scanner.feed().subscribe(FeedTier.PUBLIC, "", json -> socket.send(json));
 * }</pre>
 */
public enum FeedTier {
  /**
   * Needs a private token. Every update of every order — candidates found and lost in the observer
   * pool included — at once, without a rate limit.
   */
  PRIVATE,
  /** Needs a whitelisted VIP key. Every hot-pool update of every category, at once, unlimited. */
  VIP,
  /**
   * Needs no credential. Hot-pool updates of diamond orders only, after the public delay (default 5
   * s) and at most the public rate (default 10 messages in any second) per subscriber.
   */
  PUBLIC
}
