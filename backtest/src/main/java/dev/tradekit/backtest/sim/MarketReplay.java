package dev.tradekit.backtest.sim;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import java.util.Objects;

/**
 * Drives a {@link MarketDataSource} into a {@link SimVenue} in virtual time: for each event the
 * venue's {@link VirtualScheduler} advances to the event's time (running every bot timer, order
 * arrival and user event due on the way), then the venue takes the event. Streaming: one reusable
 * event, memory constant in the length of the data; a source that holds its events lends each one
 * ({@link MarketDataSource#nextEvent}), which the venue reads without copying.
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
 * steps: its open at the bar's open time, the rest at its event (close) time.
 *
 * <p>The clock never goes back: an event older than the clock is applied at the clock's time.
 * Delayed market data becomes visible exactly at its release time: the replay stops the clock there
 * in between events, so no scheduler task is needed per event. The replay does not close the
 * source.
 */
public final class MarketReplay {
  private final MarketDataSource source;
  private final SimVenue venue;
  private final VirtualScheduler clock;
  private final MarketEvent scratch = new MarketEvent();
  private MarketEvent event = scratch; // the scratch event, or one the source lends
  private final boolean barMode;
  private boolean pending;
  private boolean barOpened;
  private boolean exhausted;
  private long processed;

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
    this.barMode = venue.barMode();
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
    while (pending || (!exhausted && fetch())) {
      if (barMode && !barOpened && event.type() == MarketEvent.Type.BAR) {
        long open = Math.max(event.openTime(), clock.currentTimeMillis());
        if (open > epochMillis) {
          break;
        }
        advanceTo(open); // bar mode: the bar's open is matched at its open time
        venue.onBarOpen(event);
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
    long end = epochMillis == Long.MAX_VALUE ? clock.currentTimeMillis() : epochMillis;
    advanceTo(Math.max(end, clock.currentTimeMillis()));
    return processed - before;
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

  /** Moves the clock, stopping at each release of delayed market data on the way. */
  private void advanceTo(long t) {
    long release;
    while ((release = venue.nextVisibleRelease()) <= t) {
      clock.advanceTo(Math.max(release, clock.currentTimeMillis()));
      venue.releaseVisible(clock.currentTimeMillis());
    }
    clock.advanceTo(t);
    venue.releaseVisible(t);
  }

  /** Events replayed so far. */
  public long eventsProcessed() {
    return processed;
  }

  /** True once the source has no more events. */
  public boolean isFinished() {
    return exhausted && !pending;
  }
}
