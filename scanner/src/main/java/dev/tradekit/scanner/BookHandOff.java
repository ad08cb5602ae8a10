package dev.tradekit.scanner;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.OrderBookView;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A triple buffer of order books between one writer thread (the venue's, which copies each new book
 * in) and one reader thread (the scheduler's, which takes the newest): the writer never waits and
 * never overwrites the book being read, the reader always gets the latest copy, and after the three
 * books have grown to the venue book's depth nothing is allocated.
 *
 * <p>The writer owns one book, the reader one, and the third sits in the middle; an atomic word
 * holds the middle's index and whether it is fresh (written since the reader last took).
 */
final class BookHandOff {
  private static final int FRESH = 4;
  private static final int INDEX = 3;

  private final OrderBook[] books;
  private final AtomicInteger middle = new AtomicInteger(1);
  private int writing;
  private int reading = 2;

  BookHandOff(String symbol) {
    this.books =
        new OrderBook[] {
          new OrderBook(symbol, 64), new OrderBook(symbol, 64), new OrderBook(symbol, 64)
        };
  }

  /**
   * Writer: copies {@code view} and makes it the newest book. Returns true when the reader had
   * taken the previous one, i.e. the reader must be woken; false when a wake-up is already pending.
   */
  boolean publish(OrderBookView view) {
    books[writing].copyFrom(view);
    int old = middle.getAndSet(writing | FRESH);
    writing = old & INDEX;
    return (old & FRESH) == 0;
  }

  /** Reader: the newest book, valid until the next call, or null when nothing new was published. */
  @Nullable OrderBook take() {
    if ((middle.get() & FRESH) == 0) {
      return null;
    }
    int old = middle.getAndSet(reading);
    reading = old & INDEX;
    return books[reading];
  }
}
