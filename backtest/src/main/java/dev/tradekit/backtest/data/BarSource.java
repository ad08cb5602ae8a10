package dev.tradekit.backtest.data;

import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

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
   * The next block of bars, lent rather than copied where the source keeps its bars in blocks
   * ({@link #ofBlocks}); any other source fills {@code scratch} with {@link #nextBars} and returns
   * it. The block is valid until the next call. The caller reads its rows and keeps a cursor of its
   * own: it changes nothing in the block (its {@link BarColumns#position} included), so blocks may
   * be shared by several sources read at once.
   *
   * @return the block, holding at least one bar, or null at the end of the stream
   */
  default @Nullable BarColumns lendBars(BarColumns scratch) {
    return nextBars(scratch) == 0 ? null : scratch;
  }

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

  /**
   * A source of the bars already in {@code blocks} (oldest first, each of one symbol): {@link
   * #lendBars} hands out each block itself, without a copy, so repeated runs over bars held in
   * memory (an optimisation's grid, a benchmark) read them in place. The blocks must not change
   * while a source of them is read; empty blocks are skipped. {@link #nextBars} copies the same
   * rows, as many as the given block holds at a time.
   *
   * <pre>{@code
   * List<BarColumns> blocks = ...; // filled once
   * Backtest.builder().data(() -> BarSource.ofBlocks(blocks))...
   * }</pre>
   */
  static BarSource ofBlocks(List<BarColumns> blocks) {
    List<BarColumns> all = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
    return new BarSource() {
      private final BarColumns rows = new BarColumns();
      private int block;
      private int row; // the next row of the current block

      @Override
      public @Nullable BarColumns lendBars(BarColumns scratch) {
        skipEmpty();
        if (block == all.size()) {
          return null;
        }
        if (row > 0) {
          return nextBars(scratch) == 0 ? null : scratch; // the rest of a block partly copied
        }
        return all.get(block++);
      }

      @Override
      public int nextBars(BarColumns into) {
        skipEmpty();
        if (block == all.size()) {
          into.clear(into.symbol());
          return 0;
        }
        BarColumns from = all.get(block);
        into.clear(from.symbol());
        for (; row < from.size() && !into.isFull(); row++) {
          into.add(
              from.openTime(row),
              from.closeTime(row),
              from.openTicks(row),
              from.highTicks(row),
              from.lowTicks(row),
              from.closeTicks(row),
              from.volume(row),
              from.quoteVolume(row));
        }
        if (row == from.size()) {
          block++;
          row = 0;
        }
        return into.size();
      }

      private void skipEmpty() {
        while (block < all.size() && all.get(block).size() == 0) {
          block++;
        }
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
