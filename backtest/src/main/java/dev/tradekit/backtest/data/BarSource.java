package dev.tradekit.backtest.data;

import java.util.function.ToIntFunction;

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

  /**
   * A source whose blocks come from {@code blocks}, called as {@link #nextBars} is (empty the
   * block, fill it, return the count; 0 at the end); its {@link #next(MarketEvent)} reads the same
   * blocks a row at a time, and closing it does nothing.
   *
   * <pre>{@code
   * long[] closes = ...;
   * int[] next = {0};
   * BarSource bars = BarSource.of(into -> {
   *   into.clear("BTCUSDT");
   *   for (; next[0] < closes.length && !into.isFull(); next[0]++) {
   *     long open = t0 + next[0] * 60_000L;
   *     long c = closes[next[0]];
   *     into.add(open, open + 59_999, c, c, c, c, 1, 0);
   *   }
   *   return into.size();
   * });
   * }</pre>
   */
  static BarSource of(ToIntFunction<BarColumns> blocks) {
    return new BarSource() {
      private final BarColumns rows = new BarColumns();

      @Override
      public int nextBars(BarColumns into) {
        return blocks.applyAsInt(into);
      }

      @Override
      public boolean next(MarketEvent into) {
        return rows.nextRow(this, into);
      }

      @Override
      public void close() {}
    };
  }
}
