package dev.tradekit.benchmarks;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
import dev.tradekit.backtest.Bot;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The SMA(50)/SMA(200) long-only crossover written as a user would against the exchange SPI alone:
 * it subscribes to the public trades, builds one-minute closes from them (a bar closes when the
 * first trade of a later minute arrives), and sends market orders. Signals follow ta4j 0.17's
 * {@code SMAIndicator} and {@code CrossedUp/DownIndicatorRule}: averages over the bars so far while
 * fewer than the period exist, and a cross is a sign change of fast − slow against the last bar
 * where they differed. The order goes out when the bar closes, i.e. at the next bar's first trade,
 * so it fills at the next bar's open, as ta4j's default execution does.
 */
final class SpiSmaCrossBot implements Bot {
  private static final long MINUTE = 60_000L;

  private final Exchange exchange;
  private final String symbol;
  private final BigDecimal quantity;
  private final int fast;
  private final int slow;
  private final double[] closes;
  private @Nullable Subscription trades;
  private long barOpen = Long.MIN_VALUE;
  private double lastPrice;
  private long bars;
  private double sumFast;
  private double sumSlow;
  private int lastSign;
  private boolean long_;

  SpiSmaCrossBot(Exchange exchange, String symbol, BigDecimal quantity, int fast, int slow) {
    this.exchange = exchange;
    this.symbol = symbol;
    this.quantity = quantity;
    this.fast = fast;
    this.slow = slow;
    this.closes = new double[slow];
  }

  @Override
  public void start() {
    trades = exchange.streams().trades(symbol, this::onTrade);
  }

  @Override
  public void stop() {
    Subscription s = trades;
    if (s != null) {
      s.close();
    }
  }

  private void onTrade(Trade t) {
    long minute = Math.floorDiv(t.time(), MINUTE) * MINUTE;
    if (minute != barOpen) {
      if (barOpen != Long.MIN_VALUE) {
        onClosedBar(lastPrice);
      }
      barOpen = minute;
    }
    lastPrice = t.price().doubleValue();
  }

  private void onClosedBar(double close) {
    int i = (int) (bars % slow);
    sumFast += close;
    if (bars >= fast) {
      sumFast -= closes[(int) ((bars - fast) % slow)];
    }
    sumSlow += close;
    if (bars >= slow) {
      sumSlow -= closes[i];
    }
    closes[i] = close;
    bars++;
    double maFast = sumFast / Math.min(fast, bars);
    double maSlow = sumSlow / Math.min(slow, bars);
    int sign = maFast > maSlow ? 1 : maFast < maSlow ? -1 : 0;
    if (!long_ && sign > 0 && lastSign < 0) {
      long_ = true;
      send(Side.BUY);
    } else if (long_ && sign < 0 && lastSign > 0) {
      long_ = false;
      send(Side.SELL);
    }
    if (sign != 0) {
      lastSign = sign;
    }
  }

  private void send(Side side) {
    exchange
        .trading()
        .place(
            OrderRequest.builder()
                .symbol(symbol)
                .side(side)
                .type(OrderType.MARKET)
                .quantity(quantity)
                .reduceOnly(side == Side.SELL)
                .build());
  }
}
