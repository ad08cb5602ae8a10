package dev.tradekit.backtest.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Events held in a list, lent one by one (see {@link MarketDataSources#inMemory}). */
final class InMemorySource implements MarketDataSource {
  private final MarketEvent[] events;
  private int next;

  InMemorySource(List<MarketEvent> events) {
    this.events = events.toArray(new MarketEvent[0]);
  }

  @Override
  public boolean next(MarketEvent into) {
    MarketEvent e = nextEvent(into);
    if (e != null && e != into) {
      into.copyFrom(e);
    }
    return e != null;
  }

  @Override
  public @Nullable MarketEvent nextEvent(MarketEvent scratch) {
    return next < events.length ? events[next++] : null;
  }

  @Override
  public void close() {
    next = events.length;
  }
}
