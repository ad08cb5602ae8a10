package dev.tradekit.samples.demo;

import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.SimVenue;

/**
 * Feeds a market data source into a simulated venue on the wall clock: each run hands over the
 * events whose time (shifted so that the first event is "now") has come. Runs on the venue's
 * scheduler thread only.
 */
final class LivePacer implements Runnable {
  private final MarketDataSource source;
  private final SimVenue venue;
  private final Scheduler scheduler;
  private final MarketEvent event = new MarketEvent();
  private boolean pending;
  private boolean exhausted;
  private boolean started;
  private long offset;
  private volatile long processed;

  LivePacer(MarketDataSource source, SimVenue venue, Scheduler scheduler) {
    this.source = source;
    this.venue = venue;
    this.scheduler = scheduler;
  }

  @Override
  public void run() {
    long now = scheduler.currentTimeMillis();
    while (pending || (!exhausted && fetch())) {
      if (!started) {
        offset = now - event.eventTime();
        started = true;
      }
      if (event.eventTime() + offset > now) {
        return;
      }
      pending = false;
      venue.onMarketEvent(event);
      processed++;
    }
  }

  private boolean fetch() {
    if (source.next(event)) {
      pending = true;
      return true;
    }
    exhausted = true;
    return false;
  }

  /** Events handed to the venue so far. */
  long processed() {
    return processed;
  }
}
