package dev.tradekit.backtest.data;

import org.jspecify.annotations.Nullable;

/**
 * A forward-only stream of market events that fills a caller-owned {@link MarketEvent}.
 *
 * <p>Sources read lazily and keep memory constant in the length of the data. A source is used by
 * one thread. Reading errors surface as {@link java.io.UncheckedIOException}; malformed input as
 * {@link IllegalStateException} naming the file and line.
 *
 * <pre>{@code
 * try (MarketDataSource source = MarketDataSources.synthetic(config)) {
 *   MarketEvent e = new MarketEvent();
 *   while (source.next(e)) {
 *     handle(e);
 *   }
 * }
 * }</pre>
 */
public interface MarketDataSource extends AutoCloseable {

  /**
   * Fills {@code into} with the next event.
   *
   * @param into the event to overwrite; its previous contents are lost
   * @return false at the end of the stream (then {@code into} is unspecified)
   */
  boolean next(MarketEvent into);

  /**
   * The next event, possibly lent by the source instead of copied into {@code scratch}: a source
   * that already holds its events (in memory) returns its own instance, valid until the next call
   * and never to be changed by the caller; the default fills {@code scratch} with {@link #next}. A
   * replay reads through this method so that a held event is not copied once per event.
   *
   * <pre>{@code
   * MarketEvent scratch = new MarketEvent();
   * for (MarketEvent e; (e = source.nextEvent(scratch)) != null; ) {
   *   handle(e); // read only
   * }
   * }</pre>
   *
   * @param scratch the event to fill when the source does not lend one
   * @return the next event ({@code scratch} or one of the source's), or null at the end
   */
  default @Nullable MarketEvent nextEvent(MarketEvent scratch) {
    return next(scratch) ? scratch : null;
  }

  /** Releases files; idempotent. */
  @Override
  void close();
}
