package dev.tradekit.bybit;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.util.List;
import java.util.Objects;

/**
 * One symbol's order book kept from an {@code orderbook.{1,50,200,1000}.{symbol}} stream.
 *
 * <p>A snapshot always replaces the book, whatever its {@code u} (Bybit re-sends a snapshot after
 * problems on its side, and {@code u = 1} after a service restart). A delta applies only on a
 * synced book and only when its {@code u} is the last one plus 1 and its {@code seq} does not go
 * back; anything else is a gap: the book is cleared and stays unsynced until the next snapshot (the
 * caller resubscribes the topic to get one). In a delta a quantity of zero deletes the level
 * (deleting an absent level does nothing), an unknown price inserts it, a known one replaces its
 * quantity. Not thread-safe: one stream thread owns it.
 */
final class BybitBook {
  /** What one frame did to the book. */
  enum Result {
    /** A snapshot replaced the book. */
    SNAPSHOT,
    /** A delta was applied in sequence. */
    APPLIED,
    /** A delta did not follow on: the book was cleared and waits for a snapshot. */
    GAP,
    /** A delta arrived before any snapshot (or after a gap) and was dropped. */
    AWAITING_SNAPSHOT
  }

  private final TickScale scale;
  private final OrderBook book;
  private boolean synced;
  private long lastU;
  private long lastSeq;

  BybitBook(String symbol, TickScale scale) {
    this.scale = Objects.requireNonNull(scale, "scale");
    this.book = new OrderBook(symbol);
  }

  /** Applies one frame of the symbol's book topic. */
  Result apply(BybitWire.BookFrame frame) {
    BybitWire.BookData d = frame.data;
    if (frame.isSnapshot()) {
      book.clear();
      setLevels(Side.BUY, d.b);
      setLevels(Side.SELL, d.a);
      mark(frame, d);
      synced = true;
      return Result.SNAPSHOT;
    }
    if (!synced) {
      return Result.AWAITING_SNAPSHOT;
    }
    if (d.u != lastU + 1 || d.seq < lastSeq) {
      reset();
      return Result.GAP;
    }
    setLevels(Side.BUY, d.b);
    setLevels(Side.SELL, d.a);
    mark(frame, d);
    return Result.APPLIED;
  }

  /** Clears the book; it waits for a snapshot (after a reconnect or a resubscription). */
  void reset() {
    book.clear();
    synced = false;
    lastU = 0;
    lastSeq = 0;
  }

  boolean isSynced() {
    return synced;
  }

  /** The book; prices in ticks of the symbol's tick size. */
  OrderBookView view() {
    return book;
  }

  long lastUpdateId() {
    return lastU;
  }

  long lastSeq() {
    return lastSeq;
  }

  private void mark(BybitWire.BookFrame frame, BybitWire.BookData d) {
    lastU = d.u;
    lastSeq = d.seq;
    book.setLastUpdateId(d.u);
    book.setTimestamp(frame.cts != 0 ? frame.cts : frame.ts);
  }

  private void setLevels(Side side, List<List<String>> levels) {
    for (List<String> level : levels) {
      if (level.size() < 2) {
        throw new IllegalArgumentException("book level needs [price, size], was " + level);
      }
      String px = level.get(0);
      String qty = level.get(1);
      book.setLevel(side, scale.parseTicks(px, 0, px.length()), Double.parseDouble(qty));
    }
  }
}
