package dev.tradekit.backtest.data;

/**
 * A data.binance.vision klines CSV as a {@link BarSource}: row by row as {@code BAR} events, or a
 * block of rows at a time straight into {@link BarColumns}.
 */
final class KlinesCsvSource implements BarSource {
  private final BinanceCsvReader reader;

  KlinesCsvSource(BinanceCsvReader reader) {
    this.reader = reader;
  }

  @Override
  public int nextBars(BarColumns into) {
    return reader.nextBars(into);
  }

  @Override
  public boolean next(MarketEvent into) {
    return reader.next(into);
  }

  @Override
  public void close() {
    reader.close();
  }
}
