package dev.tradekit.samples.cli;

import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;

/** A market data source that reports how many of {@code total} events were read, every 1024. */
final class ProgressSource implements MarketDataSource {
  private static final int EVERY = 1024;

  private final MarketDataSource delegate;
  private final ProgressBar bar;
  private final long total;
  private long read;

  ProgressSource(MarketDataSource delegate, ProgressBar bar, long total) {
    this.delegate = delegate;
    this.bar = bar;
    this.total = total;
  }

  @Override
  public boolean next(MarketEvent into) {
    boolean more = delegate.next(into);
    if (more && (++read & (EVERY - 1)) == 0) {
      bar.update(read, total);
    }
    return more;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
