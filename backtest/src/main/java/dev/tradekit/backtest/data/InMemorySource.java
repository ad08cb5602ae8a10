package dev.tradekit.backtest.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/** Events held in a list, lent one by one (see {@link MarketDataSources#inMemory}). */
final class InMemorySource implements MarketDataSource {
  private final List<MarketEvent> events;
  private final int size;
  private int next;

  /** Keeps {@code events} itself when it is indexable (no copy per replay), else an array list. */
  InMemorySource(List<MarketEvent> events) {
    this.events = events instanceof RandomAccess ? events : new ArrayList<>(events);
    this.size = this.events.size();
    for (int i = 0; i < size; i++) {
      Objects.requireNonNull(this.events.get(i), "events contains null");
    }
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
    return next < size ? events.get(next++) : null;
  }

  @Override
  public void close() {
    next = size;
  }
}
