package dev.tradekit.backtest.data;

import java.util.Objects;

/**
 * A reusable block of closed bars of one symbol, column by column: open and close times, open,
 * high, low and close in ticks, base and quote volume. A {@link BarSource} fills it; a reader walks
 * it with a cursor ({@link #position()}, {@link #skip()}), so bars are read without a {@link
 * MarketEvent} each. A bar's event time is its close time (when it became known), as in a {@code
 * BAR} event of a klines file.
 *
 * <pre>{@code
 * BarColumns block = new BarColumns();
 * while (source.nextBars(block) > 0) {
 *   for (int i = 0; i < block.size(); i++) {
 *     sum += block.closeTicks(i);
 *   }
 * }
 * }</pre>
 */
public final class BarColumns {
  /** Bars a block holds unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 1024;

  private String symbol = "";
  private final long[] openTime;
  private final long[] closeTime;
  private final long[] open;
  private final long[] high;
  private final long[] low;
  private final long[] close;
  private final double[] volume;
  private final double[] quoteVolume;
  private int size;
  private int position;

  /**
   * The earliest close time among the rows (kept as rows are added): {@link #dropBefore}'s test.
   */
  private long minCloseTime = Long.MAX_VALUE;

  /** An empty block of {@link #DEFAULT_CAPACITY} bars. */
  public BarColumns() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty block of {@code capacity} bars.
   *
   * @throws IllegalArgumentException unless {@code capacity} is positive
   */
  public BarColumns(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    openTime = new long[capacity];
    closeTime = new long[capacity];
    open = new long[capacity];
    high = new long[capacity];
    low = new long[capacity];
    close = new long[capacity];
    volume = new double[capacity];
    quoteVolume = new double[capacity];
  }

  /** Empties the block for bars of {@code symbol}; the cursor goes back to the first row. */
  public BarColumns clear(String symbol) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    size = 0;
    position = 0;
    minCloseTime = Long.MAX_VALUE;
    return this;
  }

  /**
   * Appends one closed bar (prices in ticks).
   *
   * @return false, adding nothing, when the block is full
   */
  public boolean add(
      long openTimeMillis,
      long closeTimeMillis,
      long openTicks,
      long highTicks,
      long lowTicks,
      long closeTicks,
      double baseVolume,
      double quoteVol) {
    int i = size;
    if (i == openTime.length) {
      return false;
    }
    openTime[i] = openTimeMillis;
    closeTime[i] = closeTimeMillis;
    open[i] = openTicks;
    high[i] = highTicks;
    low[i] = lowTicks;
    close[i] = closeTicks;
    volume[i] = baseVolume;
    quoteVolume[i] = quoteVol;
    size = i + 1;
    if (closeTimeMillis < minCloseTime) {
      minCloseTime = closeTimeMillis;
    }
    return true;
  }

  /** Appends a closed {@code BAR} event of this block's symbol; false when the block is full. */
  public boolean add(MarketEvent bar) {
    return add(
        bar.openTime(),
        bar.closeTime(),
        bar.openTicks(),
        bar.highTicks(),
        bar.lowTicks(),
        bar.closeTicks(),
        bar.volume(),
        bar.quoteVolume());
  }

  /**
   * Drops the rows whose close time is before {@code startMillis}, keeping the others in order; no
   * pass over the rows when none is before it.
   */
  public void dropBefore(long startMillis) {
    if (minCloseTime >= startMillis) {
      return;
    }
    int kept = 0;
    long min = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      if (closeTime[i] >= startMillis) {
        if (kept != i) {
          move(i, kept);
        }
        kept++;
        min = Math.min(min, closeTime[i]);
      }
    }
    size = kept;
    minCloseTime = min;
    position = Math.min(position, size);
  }

  private void move(int from, int to) {
    openTime[to] = openTime[from];
    closeTime[to] = closeTime[from];
    open[to] = open[from];
    high[to] = high[from];
    low[to] = low[from];
    close[to] = close[from];
    volume[to] = volume[from];
    quoteVolume[to] = quoteVolume[from];
  }

  /** Whether a row closes before {@code startMillis} (what {@link #dropBefore} would drop). */
  public boolean hasRowBefore(long startMillis) {
    return minCloseTime < startMillis;
  }

  /** Makes this block a copy of {@code other}, cursor included. */
  public void copyFrom(BarColumns other) {
    if (other.size > capacity()) {
      throw new IllegalArgumentException(
          "a block of " + capacity() + " bars cannot hold " + other.size);
    }
    clear(other.symbol);
    int n = other.size;
    System.arraycopy(other.openTime, 0, openTime, 0, n);
    System.arraycopy(other.closeTime, 0, closeTime, 0, n);
    System.arraycopy(other.open, 0, open, 0, n);
    System.arraycopy(other.high, 0, high, 0, n);
    System.arraycopy(other.low, 0, low, 0, n);
    System.arraycopy(other.close, 0, close, 0, n);
    System.arraycopy(other.volume, 0, volume, 0, n);
    System.arraycopy(other.quoteVolume, 0, quoteVolume, 0, n);
    size = n;
    position = other.position;
    minCloseTime = other.minCloseTime;
  }

  /** Fills {@code into} with row {@code i} as a closed {@code BAR} event at its close time. */
  public MarketEvent fill(int i, MarketEvent into) {
    long t = closeTime[i];
    return into.reset(MarketEvent.Type.BAR, symbol, t, t * 1_000_000L)
        .bar(open[i], high[i], low[i], close[i], volume[i], quoteVolume[i], openTime[i], t, true);
  }

  /**
   * Fills {@code into} with the row at the cursor and moves the cursor on, refilling this block
   * from {@code source} when it is used up: a {@link BarSource}'s {@code next(MarketEvent)} in one
   * line.
   *
   * @return false at the end of the source
   */
  public boolean nextRow(BarSource source, MarketEvent into) {
    if (position == size && source.nextBars(this) == 0) {
      return false;
    }
    fill(position++, into);
    return true;
  }

  /** The symbol of every row. */
  public String symbol() {
    return symbol;
  }

  /** Rows in the block. */
  public int size() {
    return size;
  }

  /** Rows the block can hold. */
  public int capacity() {
    return openTime.length;
  }

  /** Whether no more rows fit. */
  public boolean isFull() {
    return size == openTime.length;
  }

  /** The cursor: the next row to read ({@link #size()} when every row was read). */
  public int position() {
    return position;
  }

  /** Moves the cursor past the row at it. */
  public void skip() {
    position++;
  }

  /** Open time of row {@code i}, epoch ms. */
  public long openTime(int i) {
    return openTime[i];
  }

  /** Close time of row {@code i}, epoch ms: also the time the bar became known. */
  public long closeTime(int i) {
    return closeTime[i];
  }

  /** Open of row {@code i}, ticks. */
  public long openTicks(int i) {
    return open[i];
  }

  /** High of row {@code i}, ticks. */
  public long highTicks(int i) {
    return high[i];
  }

  /** Low of row {@code i}, ticks. */
  public long lowTicks(int i) {
    return low[i];
  }

  /** Close of row {@code i}, ticks. */
  public long closeTicks(int i) {
    return close[i];
  }

  /** Base volume of row {@code i}. */
  public double volume(int i) {
    return volume[i];
  }

  /** Quote volume of row {@code i}. */
  public double quoteVolume(int i) {
    return quoteVolume[i];
  }

  @Override
  public String toString() {
    return "BarColumns[" + symbol + " " + position + "/" + size + "]";
  }
}
