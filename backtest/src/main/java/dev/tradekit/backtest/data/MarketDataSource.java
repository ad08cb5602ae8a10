package dev.tradekit.backtest.data;

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

  /** Releases files; idempotent. */
  @Override
  void close();
}
