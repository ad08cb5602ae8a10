package dev.tradekit.backtest.sim;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.BarColumns;
import dev.tradekit.backtest.data.BarSource;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Drives a {@link MarketDataSource} into a {@link SimVenue} in virtual time: for each event the
 * venue's {@link VirtualScheduler} advances to the event's time (running every bot timer, order
 * arrival and user event due on the way), then the venue takes the event. Streaming: one reusable
 * event, memory constant in the length of the data; a source that holds its events lends each one
 * ({@link MarketDataSource#nextEvent}), which the venue reads without copying, and a {@link
 * BarSource} that holds its bars in blocks lends each block ({@link BarSource#lendBars}).
 *
 * <pre>{@code
 * VirtualScheduler clock = new VirtualScheduler(start);
 * SimVenue venue = SimVenue.builder().scheduler(clock)...build();
 * try (MarketDataSource data = MarketDataSources.binanceRecording(file, scales)) {
 *   long events = new MarketReplay(data, venue).runToEnd();
 * }
 * }</pre>
 *
 * <p>On a venue in bar mode ({@link SimVenue.Builder#barMode}) each {@code BAR} is matched in two
 * steps: its open at the bar's open time, the rest at its event (close) time. A {@link BarSource}
 * is read a block of bars at a time without an event per bar, and a bar during which nothing can
 * happen (no task or delayed data due before its close, no order resting on the symbol) is matched
 * in one step at its close: the same result, one clock stop instead of two.
 *
 * <p>The clock never goes back: an event older than the clock is applied at the clock's time.
 * Delayed market data becomes visible exactly at its release time: the replay stops the clock there
 * in between events, so no scheduler task is needed per event. The replay does not close the
 * source.
 */
public final class MarketReplay {
  private final MarketDataSource source;
  private final SimVenue venue;
  private final BarLane lane;
  private final VirtualScheduler clock;
  private final MarketEvent scratch = new MarketEvent();
  private MarketEvent event = scratch; // the scratch event, or one the source lends
  private final boolean barMode;
  private final @Nullable BarSource bars;
  private final BarColumns block;

  /** The block being read (lent by the source or {@link #block}), and the next row of it. */
  private BarColumns current;

  private int row;
  private boolean pending;
  private boolean barOpened;
  private boolean exhausted;
  private long processed;
  private long oneStep;

  /**
   * The close of the last bar matched on the fast lane without moving the clock there (nothing was
   * due on the way): the replay's time, when it is ahead of the clock's.
   */
  private long laneTime = Long.MIN_VALUE;

  /**
   * A replay of {@code source} into {@code venue}.
   *
   * @throws IllegalArgumentException if the venue does not run on a {@link VirtualScheduler}
   */
  public MarketReplay(MarketDataSource source, SimVenue venue) {
    this.source = Objects.requireNonNull(source, "source");
    this.venue = Objects.requireNonNull(venue, "venue");
    if (!(venue.scheduler() instanceof VirtualScheduler v)) {
      throw new IllegalArgumentException(
          "a replay needs a venue on a VirtualScheduler, this one runs on "
              + venue.scheduler().getClass().getSimpleName());
    }
    this.clock = v;
    this.lane = venue.barLane();
    this.barMode = venue.barMode();
    this.bars = barMode && source instanceof BarSource b ? b : null;
    this.block = new BarColumns(bars == null ? 1 : BarColumns.DEFAULT_CAPACITY);
    this.current = block;
  }

  /**
   * Replays every remaining event, then runs what is due at the last event's time.
   *
   * @return the number of events replayed by this call
   */
  public long runToEnd() {
    return runUntil(Long.MAX_VALUE);
  }

  /**
   * Replays the events up to and including time {@code epochMillis}, then advances the clock to it
   * (when it is finite), so timers and delayed data due by then have run.
   *
   * @return the number of events replayed by this call
   */
  public long runUntil(long epochMillis) {
    long before = processed;
    if (bars != null) {
      runBars(bars, epochMillis);
    } else {
      runEvents(epochMillis);
    }
    long end = epochMillis == Long.MAX_VALUE ? now() : epochMillis;
    advanceTo(Math.max(end, now()));
    return processed - before;
  }

  private void runEvents(long epochMillis) {
    while (pending || (!exhausted && fetch())) {
      if (barMode && !barOpened && event.type() == MarketEvent.Type.BAR) {
        long open = Math.max(event.openTime(), clock.currentTimeMillis());
        if (open > epochMillis) {
          break;
        }
        advanceTo(open); // bar mode: the bar's open is matched at its open time
        lane.open(event);
        barOpened = true;
      }
      long t = Math.max(event.eventTime(), clock.currentTimeMillis());
      if (t > epochMillis) {
        break;
      }
      pending = false;
      barOpened = false;
      advanceTo(t);
      venue.onMarketEvent(event);
      processed++;
    }
  }

  /**
   * Bar mode on a {@link BarSource}: bars read a block at a time, column by column. A bar whose
   * symbol is quiet once its open is reached ({@link BarLane#quiet}: no resting or conditional
   * order) needs no event at its open, which only sets the one-level book. When nothing is due on
   * the clock or in the visible feed up to its close either (the fast lane), the bar is matched at
   * its close without moving the clock there; if nothing is due up to its release either, the clock
   * moves to the release and the bar goes to the accounts at once ({@link #releasedAtClose}), else
   * it waits in the visible feed for the next advance. Otherwise what is due during the bar runs
   * after its open, seeing the open's book, and the close is matched on the lane if the symbol is
   * still quiet, else as a {@code BAR} event. A bar that is not quiet at its open stops the clock
   * at its open and at its close, as {@code BAR} events.
   */
  private void runBars(BarSource bars, long epochMillis) {
    BarColumns b = current;
    while (true) {
      if (row == b.size()) {
        BarColumns next = exhausted ? null : bars.lendBars(block);
        if (next == null) {
          exhausted = true;
          current = block; // which the source may have emptied while finding nothing more
          row = block.size();
          return;
        }
        current = b = next;
        row = 0;
        lane.select(b.symbol());
      }
      int i = row;
      if (!barOpened) {
        long open = Math.max(b.openTime(i), now());
        if (open > epochMillis) {
          return;
        }
        if (open != clock.currentTimeMillis() || !idleThrough(open)) {
          advanceTo(open); // else already there (the last bar was released at this open)
        }
        long close = Math.max(b.closeTime(i), open);
        if (close <= epochMillis && lane.quiet()) {
          boolean feedIdle = venue.nextVisibleRelease() > close;
          if (feedIdle && clock.idleThrough(close)) {
            long latency = lane.latency();
            long release = latency > 0 ? lane.soleRelease(close, latency) : Long.MIN_VALUE;
            if (releasedAtClose(b, i, release, epochMillis)) {
              clock.advanceTo(release);
              lane.quietCloseAt(b, i, release);
            } else {
              if (latency > 0) {
                laneTime = close; // nothing is due up to the close: the clock need not stop there
              } else {
                clock.advanceTo(close); // the bar may be visible at once: the clock is at its close
              }
              lane.quietClose(b, i, close, latency);
            }
            oneStep++;
          } else {
            // the open of a quiet bar only sets the one-level book: no event, then what is due
            // during the bar runs and sees it, as with a stop at the open
            boolean openIdle = feedIdle && clock.idleThrough(close - 1);
            lane.quietOpen(b, i);
            advanceTo(close);
            if (lane.quiet()) {
              lane.quietClose(b, i, close, lane.latency());
            } else {
              venue.onMarketEvent(b.fill(i, event)); // an order now rests: the full close
            }
            if (openIdle) {
              oneStep++; // only tasks due exactly at the close ran
            }
          }
          row++;
          processed++;
          continue;
        }
        lane.open(b.fill(i, event));
        barOpened = true;
      }
      long t = Math.max(b.closeTime(i), now());
      if (t > epochMillis) {
        return;
      }
      barOpened = false;
      advanceTo(t);
      venue.onMarketEvent(event);
      row++;
      processed++;
    }
  }

  /**
   * Whether a bar whose close is matched on the fast lane may be handed to the accounts at once, at
   * its {@code release} time ({@link BarLane#soleRelease}), rather than wait in the visible feed:
   * nothing else waits there, the release is within this run, the next bar of the block opens no
   * earlier, and nothing is due on the clock or in another feed up to it. Then nothing can happen
   * between the close and the release, and the bar reaches the listeners exactly as it would have.
   * (A task due at the release must run with the bar already waiting: data it queues with a drawn
   * latency of zero goes behind the bar, not ahead of it.)
   */
  private boolean releasedAtClose(BarColumns b, int i, long release, long epochMillis) {
    return release != Long.MIN_VALUE
        && release <= epochMillis
        && i + 1 < b.size()
        && b.openTime(i + 1) >= release
        && idleThrough(release);
  }

  private boolean fetch() {
    MarketEvent next = source.nextEvent(scratch);
    if (next != null) {
      event = next;
      pending = true;
      return true;
    }
    exhausted = true;
    return false;
  }

  /** The replay's time: the clock's, or the close of the last bar the lane passed. */
  private long now() {
    return Math.max(clock.currentTimeMillis(), laneTime);
  }

  /**
   * Moves the clock, stopping at each release of delayed market data on the way; small enough to
   * inline where nothing is due (the common case of a bar's open or close), the rest out of line.
   */
  private void advanceTo(long t) {
    if (idleThrough(t)) {
      if (t != clock.currentTimeMillis()) {
        clock.advanceTo(t); // nothing runs and no data is released on the way
      }
      return;
    }
    advanceThrough(t);
  }

  /** Whether nothing is due on the clock or in the visible feeds up to {@code t}. */
  private boolean idleThrough(long t) {
    return venue.nextVisibleRelease() > t && clock.idleThrough(t);
  }

  /** {@link #advanceTo} when a release or a task is due by {@code t}. */
  private void advanceThrough(long t) {
    long release;
    while ((release = venue.nextVisibleRelease()) <= t) {
      clock.advanceTo(Math.max(release, clock.currentTimeMillis()));
      venue.releaseVisible(clock.currentTimeMillis());
    }
    if (t != clock.currentTimeMillis() || !clock.idleThrough(t)) {
      clock.advanceTo(t); // else already there with nothing due: nothing to run
      venue.releaseVisible(t); // one comparison unless a task at t queued zero-latency data
    }
  }

  /** Events replayed so far. */
  public long eventsProcessed() {
    return processed;
  }

  /**
   * Bars matched in one step at their close (bar mode on a {@link BarSource}, nothing resting and
   * nothing due during the bar but at its close); the others took two.
   */
  public long barsInOneStep() {
    return oneStep;
  }

  /** True once the source has no more events. */
  public boolean isFinished() {
    return bars != null ? exhausted && row == current.size() : exhausted && !pending;
  }
}
