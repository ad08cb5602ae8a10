package dev.tradekit.backtest.sim;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A test bot: every second it cancels its quotes and joins the visible best bid and ask. */
final class QuotingBot {
  final List<Fill> fills = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  private final Exchange ex;
  private final String symbol;
  private final TickScale scale;
  private final BigDecimal size;
  private long bid = OrderBookView.NO_PRICE;
  private long ask = OrderBookView.NO_PRICE;

  QuotingBot(Exchange ex, Scheduler scheduler, String symbol, TickScale scale, BigDecimal size) {
    this.ex = ex;
    this.symbol = symbol;
    this.scale = scale;
    this.size = size;
    ex.streams()
        .orderBook(
            symbol,
            book -> {
              bid = book.bestBidTicks();
              ask = book.bestAskTicks();
            });
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onFill(Fill fill) {
                fills.add(fill);
              }
            });
    scheduler.scheduleAtFixedRate(this::requote, 1000, 1000, TimeUnit.MILLISECONDS);
  }

  private void requote() {
    if (bid == OrderBookView.NO_PRICE || ask == OrderBookView.NO_PRICE) {
      return;
    }
    ex.trading().cancelAll(symbol);
    place(Side.BUY, bid);
    place(Side.SELL, ask);
  }

  private void place(Side side, long ticks) {
    ex.trading()
        .place(OrderRequest.postOnly(symbol, side, size, scale.toPrice(ticks)))
        .whenComplete(
            (order, error) -> {
              if (error != null) {
                errors.add(error.getClass().getSimpleName());
              }
            });
  }
}
