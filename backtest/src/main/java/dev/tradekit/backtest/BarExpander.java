package dev.tradekit.backtest;

import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;

/**
 * Turns each {@link MarketEvent.Type#BAR} into four price points the simulator can match against: a
 * trade followed by a one-tick-wide book ticker centred on the price. Other events pass through.
 *
 * <p><b>Intrabar order.</b> With {@code d = closeTime + 1 - openTime}: the open at {@code
 * openTime}, the first extreme at {@code openTime + d/4}, the second at {@code openTime + d/2} and
 * the close at {@code closeTime}. The high comes first when the bar closes below its open, else the
 * low (the path that visits the nearer-to-close extreme last). Each point's trade carries a quarter
 * of the bar's volume, its aggressor is the direction of the move from the previous point (buyer
 * when unchanged), and the book shows the whole bar volume at {@code price ± 1 tick} (a bar without
 * volume counts as volume 1).
 */
final class BarExpander implements MarketDataSource {
  private final MarketDataSource source;
  private final long[] times = new long[4];
  private final long[] prices = new long[4];
  private String symbol = "";
  private double pointQty;
  private double bookQty;
  private int next = 4;
  private boolean tickerPending;
  private long lastTicks = Long.MIN_VALUE;
  private long updateId;
  private long tradeId;

  BarExpander(MarketDataSource source) {
    this.source = source;
  }

  @Override
  public boolean next(MarketEvent into) {
    while (true) {
      if (tickerPending) {
        tickerPending = false;
        long p = prices[next - 1];
        into.reset(
                MarketEvent.Type.BOOK_TICKER, symbol, times[next - 1], times[next - 1] * 1_000_000L)
            .updateIds(0, ++updateId, 0)
            .bookTicker(p - 1, bookQty, p + 1, bookQty);
        return true;
      }
      if (next < 4) {
        long p = prices[next];
        boolean sellerAggressor = lastTicks != Long.MIN_VALUE && p < lastTicks;
        lastTicks = p;
        into.reset(MarketEvent.Type.TRADE, symbol, times[next], times[next] * 1_000_000L)
            .trade(++tradeId, p, pointQty, sellerAggressor);
        next++;
        tickerPending = true;
        return true;
      }
      if (!source.next(into)) {
        return false;
      }
      if (into.type() != MarketEvent.Type.BAR) {
        return true;
      }
      expand(into);
    }
  }

  private void expand(MarketEvent bar) {
    symbol = bar.symbol();
    long open = bar.openTime();
    long close = Math.max(bar.closeTime(), open);
    long d = close + 1 - open;
    times[0] = open;
    times[1] = open + d / 4;
    times[2] = open + d / 2;
    times[3] = close;
    boolean highFirst = bar.closeTicks() < bar.openTicks();
    prices[0] = bar.openTicks();
    prices[1] = highFirst ? bar.highTicks() : bar.lowTicks();
    prices[2] = highFirst ? bar.lowTicks() : bar.highTicks();
    prices[3] = bar.closeTicks();
    bookQty = bar.volume() > 0 ? bar.volume() : 1;
    pointQty = bookQty / 4;
    next = 0;
  }

  @Override
  public void close() {
    source.close();
  }
}
