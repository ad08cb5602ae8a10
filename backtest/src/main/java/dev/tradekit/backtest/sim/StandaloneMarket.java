package dev.tradekit.backtest.sim;

import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The zero-setup mode's market: a {@link SyntheticMarket} fed to a venue as its clock passes, by a
 * periodic task on the venue's scheduler (every 10 ms it feeds every event due by then). Closing
 * stops the task and closes the scheduler when this market owns it.
 */
final class StandaloneMarket implements AutoCloseable {
  static final long TICK_MILLIS = 10;

  private final SyntheticMarket source;
  private final SimVenue venue;
  private final @Nullable LiveScheduler owned;
  private final MarketEvent event = new MarketEvent();
  private final Cancellable task;
  private boolean pending;
  private boolean exhausted;

  StandaloneMarket(SyntheticMarket source, SimVenue venue, @Nullable LiveScheduler owned) {
    this.source = source;
    this.venue = venue;
    this.owned = owned;
    Scheduler s = venue.scheduler();
    this.task = s.scheduleAtFixedRate(this::feed, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void feed() {
    long now = venue.now();
    while (pending || (!exhausted && fetch())) {
      if (event.eventTime() > now) {
        break;
      }
      pending = false;
      venue.onMarketEvent(event);
    }
    venue.releaseVisible(now);
  }

  private boolean fetch() {
    if (source.next(event)) {
      pending = true;
      return true;
    }
    exhausted = true;
    return false;
  }

  @Override
  public void close() {
    task.cancel();
    source.close();
    if (owned != null) {
      owned.close();
    }
  }
}
