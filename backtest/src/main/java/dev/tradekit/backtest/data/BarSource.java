package dev.tradekit.backtest.data;

/**
 * A {@link MarketDataSource} of closed bars of one symbol that can also hand them over a block at a
 * time, column by column ({@link BarColumns}): a bar-mode replay reads them without a {@link
 * MarketEvent} per bar. {@link #next(MarketEvent)} gives the same bars as {@code BAR} events; a
 * consumer uses one way or the other, not both.
 *
 * <pre>{@code
 * BarColumns block = new BarColumns();
 * try (BarSource bars = (BarSource) MarketDataSources.klinesCsv(file, "BTCUSDT", scale)) {
 *   while (bars.nextBars(block) > 0) {
 *     ...
 *   }
 * }
 * }</pre>
 */
public interface BarSource extends MarketDataSource {

  /**
   * Empties {@code into} and fills it with the next bars, at most its capacity, oldest first.
   *
   * @return the number of bars read, 0 at the end of the stream
   */
  int nextBars(BarColumns into);
}
