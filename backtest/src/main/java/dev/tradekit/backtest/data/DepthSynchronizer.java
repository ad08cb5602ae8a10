package dev.tradekit.backtest.data;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.model.Side;
import java.util.Objects;

/**
 * Keeps an {@link OrderBook} in sync from depth snapshots and diffs by the Binance USD-M futures
 * rules.
 *
 * <p>Diffs that arrive before a snapshot are buffered in a bounded ring of reusable events (the
 * oldest is dropped when it is full). On a snapshot the book is replaced, buffered diffs with
 * {@code u < lastUpdateId} are dropped, the first applied diff must have {@code U ≤ lastUpdateId ≤
 * u}, and from then on each diff's {@code pu} must equal the previous diff's {@code u}. A break in
 * that chain is a gap: it is counted, the state becomes {@link State#WAITING_SNAPSHOT} and the book
 * (left as it was, now stale) is not touched again until a new snapshot arrives. A snapshot no
 * newer than a synced book is ignored. Events of other types or symbols are ignored.
 *
 * <pre>{@code
 * OrderBook book = new OrderBook("BTCUSDT");
 * DepthSynchronizer sync = new DepthSynchronizer(book);
 * MarketEvent e = new MarketEvent();
 * while (source.next(e)) {
 *   sync.onEvent(e);
 *   if (sync.isSynced()) {
 *     strategy.onBook(book);
 *   }
 * }
 * }</pre>
 */
public final class DepthSynchronizer {

  /** Where the synchronizer is in the snapshot-and-diff protocol. */
  public enum State {
    /** No usable snapshot: diffs are buffered. */
    WAITING_SNAPSHOT,
    /** A snapshot is loaded; waiting for the diff with {@code U ≤ lastUpdateId ≤ u}. */
    WAITING_FIRST_EVENT,
    /** The book follows the diff stream. */
    SYNCED
  }

  /** Capacity of the pre-snapshot buffer when none is given. */
  public static final int DEFAULT_BUFFER_CAPACITY = 1024;

  private static final Side[] SIDES = {Side.BUY, Side.SELL};

  private final OrderBook book;
  private final MarketEvent[] ring;
  private int head;
  private int size;
  private State state = State.WAITING_SNAPSHOT;
  private long gaps;
  private long applied;
  private long dropped;

  /** A synchronizer for {@code book} with a buffer of {@value #DEFAULT_BUFFER_CAPACITY} diffs. */
  public DepthSynchronizer(OrderBook book) {
    this(book, DEFAULT_BUFFER_CAPACITY);
  }

  /**
   * A synchronizer for {@code book} (only events of its symbol are used).
   *
   * @param bufferCapacity how many diffs to keep while waiting for a snapshot (at least 1)
   */
  public DepthSynchronizer(OrderBook book, int bufferCapacity) {
    this.book = Objects.requireNonNull(book, "book");
    if (bufferCapacity < 1) {
      throw new IllegalArgumentException("bufferCapacity must be at least 1: " + bufferCapacity);
    }
    this.ring = new MarketEvent[bufferCapacity];
  }

  /**
   * Takes one event; snapshots and diffs of the book's symbol are used, everything else ignored.
   *
   * @return true if the book changed
   */
  public boolean onEvent(MarketEvent e) {
    if (!e.symbol().equals(book.symbol())) {
      return false;
    }
    return switch (e.type()) {
      case DEPTH_SNAPSHOT -> onSnapshot(e);
      case DEPTH_UPDATE -> onDiff(e, false);
      default -> false;
    };
  }

  private boolean onSnapshot(MarketEvent e) {
    if (state == State.SYNCED && e.lastUpdateId() <= book.lastUpdateId()) {
      return false;
    }
    book.clear();
    for (Side side : SIDES) {
      for (int i = 0, n = e.levelCount(side); i < n; i++) {
        double q = e.levelQuantity(side, i);
        if (q > 0) {
          book.setLevel(side, e.levelPriceTicks(side, i), q);
        }
      }
    }
    book.setLastUpdateId(e.lastUpdateId());
    book.setTimestamp(e.eventTime());
    state = State.WAITING_FIRST_EVENT;
    drainBuffer();
    return true;
  }

  private void drainBuffer() {
    int n = size;
    for (int i = 0; i < n; i++) {
      MarketEvent buffered = ring[(head + i) % ring.length];
      if (buffered == null) {
        throw new IllegalStateException("buffer slot " + i + " is empty");
      }
      onDiff(buffered, true);
      if (state == State.WAITING_SNAPSHOT) {
        head = (head + i) % ring.length;
        size = n - i;
        return;
      }
    }
    head = 0;
    size = 0;
  }

  private boolean onDiff(MarketEvent e, boolean fromBuffer) {
    long last = book.lastUpdateId();
    switch (state) {
      case WAITING_SNAPSHOT -> {
        if (!fromBuffer) {
          buffer(e);
        }
        return false;
      }
      case WAITING_FIRST_EVENT -> {
        if (e.lastUpdateId() < last) {
          dropped++;
          return false;
        }
        if (e.firstUpdateId() <= last) {
          apply(e);
          state = State.SYNCED;
          return true;
        }
      }
      case SYNCED -> {
        if (e.prevUpdateId() == last) {
          apply(e);
          return true;
        }
        if (e.lastUpdateId() <= last) {
          dropped++;
          return false;
        }
      }
    }
    gaps++;
    state = State.WAITING_SNAPSHOT;
    if (!fromBuffer) {
      buffer(e);
    }
    return false;
  }

  private void apply(MarketEvent e) {
    for (Side side : SIDES) {
      for (int i = 0, n = e.levelCount(side); i < n; i++) {
        book.setLevel(side, e.levelPriceTicks(side, i), e.levelQuantity(side, i));
      }
    }
    book.setLastUpdateId(e.lastUpdateId());
    book.setTimestamp(e.eventTime());
    applied++;
  }

  private void buffer(MarketEvent e) {
    if (size == ring.length) {
      head = (head + 1) % ring.length;
      size--;
      dropped++;
    }
    int slot = (head + size) % ring.length;
    MarketEvent target = ring[slot];
    if (target == null) {
      target = new MarketEvent();
      ring[slot] = target;
    }
    target.copyFrom(e);
    size++;
  }

  /** The current protocol state. */
  public State state() {
    return state;
  }

  /** True when the book follows the diff stream. */
  public boolean isSynced() {
    return state == State.SYNCED;
  }

  /** How many times the diff chain broke (or a snapshot was too old for the buffered diffs). */
  public long gapCount() {
    return gaps;
  }

  /** Diffs applied to the book. */
  public long appliedCount() {
    return applied;
  }

  /** Diffs discarded: older than the book, or pushed out of a full buffer. */
  public long droppedCount() {
    return dropped;
  }

  /** Diffs waiting in the buffer for a snapshot. */
  public int bufferedCount() {
    return size;
  }

  /** The book being maintained. */
  public OrderBook book() {
    return book;
  }
}
