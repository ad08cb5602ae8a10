package dev.tradekit.backtest.data;

import dev.tradekit.api.book.Decimals;
import dev.tradekit.api.book.TickScale;
import java.nio.file.Path;

/**
 * Reads Binance public-data CSV files (data.binance.vision): klines, aggTrades or trades, with or
 * without the header row, plain or as the single entry of a {@code .zip}.
 */
final class BinanceCsvReader implements MarketDataSource {

  /** The file layouts this reader knows. */
  enum Layout {
    /** open_time,open,high,low,close,volume,close_time,quote_volume,count,… */
    KLINES(7),
    /** agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker */
    AGG_TRADES(7),
    /** id,price,qty,quote_qty,time,is_buyer_maker */
    TRADES(6);

    final int minColumns;

    Layout(int minColumns) {
      this.minColumns = minColumns;
    }
  }

  private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

  private final LineReader lines;
  private final Layout layout;
  private final String symbol;
  private final TickScale scale;
  private final int[] starts = new int[16];
  private final int[] ends = new int[16];

  BinanceCsvReader(Path file, Layout layout, String symbol, TickScale scale) {
    this.layout = layout;
    this.symbol = symbol;
    this.scale = scale;
    this.lines = DataFiles.openLines(file);
  }

  @Override
  public boolean next(MarketEvent into) {
    if (!nextLine()) {
      return false;
    }
    try {
      read(into);
      return true;
    } catch (RuntimeException e) {
      throw new IllegalStateException(lines.where() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Klines layout: appends the rows that fit to {@code into} (emptied first) without a {@link
   * MarketEvent}; the number of bars read, 0 at the end of the file.
   */
  int nextBars(BarColumns into) {
    into.clear(symbol);
    while (!into.isFull() && nextLine()) {
      try {
        columns(Layout.KLINES);
        into.add(
            millis(0), millis(6), ticks(1), ticks(2), ticks(3), ticks(4), decimal(5), decimal(7));
      } catch (RuntimeException e) {
        throw new IllegalStateException(lines.where() + ": " + e.getMessage(), e);
      }
    }
    return into.size();
  }

  /** Moves to the next data line (skipping blank lines and a header row); false at the end. */
  private boolean nextLine() {
    while (lines.nextLine()) {
      if (lines.length() == 0) {
        continue;
      }
      char c0 = lines.charAt(0);
      if (lines.lineNumber() == 1 && (c0 < '0' || c0 > '9')) {
        continue; // header row
      }
      return true;
    }
    return false;
  }

  /** Splits the line, checking it has the columns of {@code expected}. */
  private void columns(Layout expected) {
    int n = split();
    if (n < expected.minColumns) {
      throw new IllegalStateException(
          "expected at least " + expected.minColumns + " columns for " + expected + ", got " + n);
    }
  }

  private void read(MarketEvent into) {
    columns(layout);
    switch (layout) {
      case KLINES -> {
        long open = millis(0);
        long close = millis(6);
        into.reset(MarketEvent.Type.BAR, symbol, close, close * 1_000_000L)
            .bar(ticks(1), ticks(2), ticks(3), ticks(4), decimal(5), decimal(7), open, close, true);
      }
      case AGG_TRADES -> {
        long time = millis(5);
        into.reset(MarketEvent.Type.TRADE, symbol, time, time * 1_000_000L)
            .trade(integer(0), ticks(1), decimal(2), bool(6));
      }
      case TRADES -> {
        long time = millis(4);
        into.reset(MarketEvent.Type.TRADE, symbol, time, time * 1_000_000L)
            .trade(integer(0), ticks(1), decimal(2), bool(5));
      }
    }
  }

  private int split() {
    int n = 0;
    int from = 0;
    int len = lines.length();
    for (int i = 0; i <= len && n < starts.length; i++) {
      if (i == len || lines.charAt(i) == ',') {
        starts[n] = from;
        ends[n++] = i;
        from = i + 1;
      }
    }
    return n;
  }

  private long integer(int column) {
    return Decimals.parseLong(lines, starts[column], ends[column]);
  }

  /** Epoch milliseconds; newer files in microseconds are scaled down. */
  private long millis(int column) {
    long t = integer(column);
    return t >= MICROS_THRESHOLD ? t / 1000 : t;
  }

  private long ticks(int column) {
    return scale.parseTicks(lines, starts[column], ends[column]);
  }

  private double decimal(int column) {
    return Decimals.parseDouble(lines, starts[column], ends[column]);
  }

  private boolean bool(int column) {
    int from = starts[column];
    int to = ends[column];
    if (to - from == 4 && Character.toLowerCase(lines.charAt(from)) == 't') {
      return true;
    }
    if (to - from == 5 && Character.toLowerCase(lines.charAt(from)) == 'f') {
      return false;
    }
    throw new IllegalStateException("column " + column + " is not true/false");
  }

  @Override
  public void close() {
    lines.close();
  }
}
