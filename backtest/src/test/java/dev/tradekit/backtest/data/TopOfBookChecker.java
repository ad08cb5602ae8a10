package dev.tradekit.backtest.data;

import dev.tradekit.api.book.OrderBook;
import java.util.Arrays;

/**
 * Replays one symbol's depth events into an {@link OrderBook} through a {@link DepthSynchronizer}
 * and compares the book's top with the venue's bookTickers in two ways.
 *
 * <ul>
 *   <li><b>exact</b>: a ticker whose {@code u} equals the {@code u} of a diff is compared with the
 *       book right after that diff (when the ticker arrives, or when its diff arrives later);
 *   <li><b>per diff</b> (see {@link #finish()}): the bookTicker stream pushes every change of the
 *       top of book, so the top right after each applied diff must equal the latest ticker with
 *       {@code u ≤} the diff's {@code u}, provided a later ticker shows the ticker stream got past
 *       it. This assumes no ticker message is missing from the recording.
 * </ul>
 *
 * Memory grows with the recording (it keeps every ticker and every diff's top): test use only.
 */
final class TopOfBookChecker {

  final OrderBook book;
  final DepthSynchronizer sync;
  long exactChecked;
  long perDiffChecked;
  long mismatches;
  long tickersWhileSynced;
  private String firstMismatch = "";

  private final Tops tickers = new Tops();
  private final Tops diffs = new Tops();
  private final Tops pending = new Tops();

  TopOfBookChecker(String symbol) {
    book = new OrderBook(symbol);
    sync = new DepthSynchronizer(book);
  }

  long checked() {
    return exactChecked + perDiffChecked;
  }

  void onEvent(MarketEvent e) {
    if (!e.symbol().equals(book.symbol())) {
      return;
    }
    boolean changed = sync.onEvent(e);
    if (e.type() == MarketEvent.Type.DEPTH_UPDATE) {
      if (changed && sync.isSynced()) {
        diffs.add(book.lastUpdateId(), book);
        settlePending();
      } else if (!sync.isSynced()) {
        pending.size = 0;
      }
      return;
    }
    if (e.type() != MarketEvent.Type.BOOK_TICKER) {
      return;
    }
    tickers.add(e);
    if (!sync.isSynced()) {
      return;
    }
    tickersWhileSynced++;
    if (e.lastUpdateId() == book.lastUpdateId()) {
      exactChecked++;
      compare("exact", e.lastUpdateId(), tickers, tickers.size - 1);
    } else if (e.lastUpdateId() > book.lastUpdateId()) {
      pending.add(e);
    }
  }

  private void settlePending() {
    int kept = 0;
    for (int i = 0; i < pending.size; i++) {
      if (pending.u[i] == book.lastUpdateId()) {
        exactChecked++;
        compare("exact", pending.u[i], pending, i);
      } else if (pending.u[i] > book.lastUpdateId()) {
        pending.move(i, kept++);
      }
    }
    pending.size = kept;
  }

  /** Runs the per-diff comparison once the whole recording has been replayed. */
  void finish() {
    for (int d = 0; d < diffs.size; d++) {
      long u = diffs.u[d];
      int t = lastAtOrBefore(u);
      if (t < 0 || t + 1 >= tickers.size) {
        continue;
      }
      perDiffChecked++;
      if (!diffs.sameTop(d, tickers, t)) {
        note("per-diff", u, tickers, t, diffs, d);
      }
    }
  }

  private int lastAtOrBefore(long u) {
    int lo = 0;
    int hi = tickers.size - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (tickers.u[mid] <= u) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private void compare(String kind, long u, Tops from, int i) {
    Tops now = new Tops();
    now.add(book.lastUpdateId(), book);
    if (!now.sameTop(0, from, i)) {
      note(kind, u, from, i, now, 0);
    }
  }

  private void note(String kind, long u, Tops ticker, int t, Tops bookTop, int b) {
    if (mismatches++ == 0) {
      firstMismatch =
          " first mismatch ("
              + kind
              + ") at u="
              + u
              + ": ticker "
              + ticker.describe(t)
              + " book "
              + bookTop.describe(b);
    }
  }

  @Override
  public String toString() {
    return book.symbol()
        + ": synced="
        + sync.isSynced()
        + " applied="
        + sync.appliedCount()
        + " dropped="
        + sync.droppedCount()
        + " gaps="
        + sync.gapCount()
        + " tickersWhileSynced="
        + tickersWhileSynced
        + " checkedExact="
        + exactChecked
        + " checkedPerDiff="
        + perDiffChecked
        + " mismatches="
        + mismatches
        + firstMismatch;
  }

  /** Growable columns of (u, best bid, bid qty, best ask, ask qty). */
  private static final class Tops {
    long[] u = new long[64];
    long[] bid = new long[64];
    double[] bidQty = new double[64];
    long[] ask = new long[64];
    double[] askQty = new double[64];
    int size;

    void add(MarketEvent e) {
      add(
          e.lastUpdateId(),
          e.bestBidTicks(),
          e.bestBidQuantity(),
          e.bestAskTicks(),
          e.bestAskQuantity());
    }

    void add(long id, OrderBook b) {
      add(id, b.bestBidTicks(), b.bestBidQuantity(), b.bestAskTicks(), b.bestAskQuantity());
    }

    void add(long id, long bidTicks, double bidQuantity, long askTicks, double askQuantity) {
      if (size == u.length) {
        int n = size * 2;
        u = Arrays.copyOf(u, n);
        bid = Arrays.copyOf(bid, n);
        bidQty = Arrays.copyOf(bidQty, n);
        ask = Arrays.copyOf(ask, n);
        askQty = Arrays.copyOf(askQty, n);
      }
      u[size] = id;
      bid[size] = bidTicks;
      bidQty[size] = bidQuantity;
      ask[size] = askTicks;
      askQty[size++] = askQuantity;
    }

    void move(int from, int to) {
      u[to] = u[from];
      bid[to] = bid[from];
      bidQty[to] = bidQty[from];
      ask[to] = ask[from];
      askQty[to] = askQty[from];
    }

    boolean sameTop(int i, Tops other, int j) {
      return bid[i] == other.bid[j]
          && bidQty[i] == other.bidQty[j]
          && ask[i] == other.ask[j]
          && askQty[i] == other.askQty[j];
    }

    String describe(int i) {
      return "u=" + u[i] + " " + bid[i] + "x" + bidQty[i] + " / " + ask[i] + "x" + askQty[i];
    }
  }
}
