package dev.tradekit.backtest.sim;

import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.MarketEvent;
import org.jspecify.annotations.Nullable;

/**
 * Bar mode of a {@link SimVenue} as a {@link MarketReplay} drives it: the open of a {@code BAR}
 * (matched at the bar's open time, before the bar itself at its close) and the fast lane, where a
 * quiet bar of a {@link BarColumns} block is matched in one step at its close without a {@link
 * MarketEvent}. The lane remembers the symbol of the block being read ({@link #select}), so a bar
 * costs no symbol lookup; on the venue's thread only.
 *
 * <pre>{@code
 * BarLane lane = venue.barLane();
 * lane.select(block.symbol());
 * if (lane.quiet()) {
 *   lane.quietClose(block, row, close, lane.latency()); // at the bar's close; it waits its latency
 *   // or, the clock moved to its release with nothing due first: lane.quietCloseAt(block, row, t)
 * }
 * }</pre>
 */
final class BarLane {
  private final SimVenue venue;
  private @Nullable String symbol;
  private @Nullable SymbolMatcher matcher;
  private @Nullable VisibleFeed feed;

  BarLane(SimVenue venue) {
    this.venue = venue;
  }

  /**
   * Makes {@code symbol} the one the lane's bars are of (the symbol of a {@link BarColumns} block):
   * one comparison when it is the same string as before. An unlisted symbol's bars are ignored.
   */
  @SuppressWarnings("ReferenceEquality") // the same string as the last block's: no equals
  void select(String value) {
    if (value == symbol || value.equals(symbol)) {
      return;
    }
    symbol = value;
    matcher = venue.matcher(value);
    feed = venue.feed(value);
  }

  /**
   * The open of a {@code BAR} at the scheduler's current time: the matcher's one-level book becomes
   * the open ± 1 tick, conditional orders fired by the previous bar are placed, and resting orders
   * the open crosses fill. Nothing is published: accounts see the bar at its close.
   */
  void open(MarketEvent bar) {
    venue.releaseVisible(venue.now());
    select(bar.symbol());
    SymbolMatcher m = matcher;
    if (m == null) {
      return;
    }
    m.onBarOpen(bar);
    if (venue.conditionalOrders() > 0) {
      for (SimAccount a : venue.conditionalAccounts()) {
        a.conditionals.placeFired(bar.symbol());
      }
    }
  }

  /**
   * Whether a bar of the selected symbol can skip the stop at its open: no order rests on the
   * symbol, no conditional order waits on any account and the book is the bars' own (no depth
   * data); then the open moves nothing but the one-level book. An unlisted symbol is quiet.
   */
  boolean quiet() {
    SymbolMatcher m = matcher;
    return m == null || (!m.hasOrders() && venue.conditionalOrders() == 0 && !m.market.depthSeen());
  }

  /**
   * A {@link #quiet} bar's open without a stop of the clock: the one-level book becomes the open ±
   * 1 tick (set when read), what {@link #open} does when nothing rests. Needed only when something
   * runs between the open and the close (a task due exactly at the close).
   */
  void quietOpen(BarColumns bars, int row) {
    SymbolMatcher m = matcher;
    if (m != null) {
      m.showBar(bars.openTicks(row), bars.volume(row), bars.openTime(row));
    }
  }

  /** The market-data latency of the next bar, drawn once per bar (see {@link #quietClose}). */
  long latency() {
    return venue.sampleMarketDataLatency();
  }

  /**
   * When a {@link #quiet} bar closing at {@code close} would reach the accounts ({@link
   * VisibleFeed#soleRelease}): {@code close + latency} or later when nothing waits in the visible
   * feed, else {@link Long#MIN_VALUE}; also {@link Long#MIN_VALUE} for an unlisted symbol.
   */
  long soleRelease(long close, long latency) {
    VisibleFeed f = feed;
    return matcher == null || f == null ? Long.MIN_VALUE : f.soleRelease(close, latency);
  }

  /**
   * {@link #quietClose} and the bar's release in one step, with the scheduler at {@code release}
   * (from {@link #soleRelease}) and nothing due before it: the book becomes the close ± 1 tick and
   * the bar goes to the kline listeners now.
   */
  void quietCloseAt(BarColumns bars, int row, long release) {
    VisibleFeed f = showClose(bars, row);
    if (f != null) {
      f.deliverBar(bars, row, release);
    }
  }

  /**
   * The close of a bar that is still {@link #quiet}, at time {@code now} (the scheduler's, or a
   * later time up to which nothing is due): what {@link SimVenue#onMarketEvent} does when nothing
   * rests (book to the close ± 1 tick, the bar into the visible feed after {@code latency}, drawn
   * by {@link #latency}), with the bar queued as numbers ({@link VisibleFeed#offerBar}). With zero
   * latency the bar may reach the kline listeners at once: the clock must be at {@code now} then.
   */
  void quietClose(BarColumns bars, int row, long now, long latency) {
    VisibleFeed f = showClose(bars, row);
    if (f != null) {
      f.offerBar(bars, row, now, latency);
    }
  }

  /** The book becomes the close of row {@code row} ± 1 tick; its feed, or null if unlisted. */
  private @Nullable VisibleFeed showClose(BarColumns bars, int row) {
    SymbolMatcher m = matcher;
    VisibleFeed f = feed;
    if (m == null || f == null) {
      return null;
    }
    m.showBar(bars.closeTicks(row), bars.volume(row), bars.closeTime(row));
    return f;
  }
}
