package dev.tradekit.backtest;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trade;
import java.math.BigDecimal;

/**
 * A test strategy on bar closes (the trade at a bar's last millisecond): long when SMA(fast) is
 * above SMA(slow), short otherwise, one fixed quantity.
 */
final class SmaCrossBot implements Bot {
  private final Exchange ex;
  private final int fast;
  private final int slow;
  private final BigDecimal qty;
  private final double[] closes;
  private int count;
  private int position;

  SmaCrossBot(Exchange ex, int fast, int slow, BigDecimal qty) {
    this.ex = ex;
    this.fast = fast;
    this.slow = slow;
    this.qty = qty;
    this.closes = new double[slow];
  }

  @Override
  public void start() {
    ex.streams().trades(TestBars.SYMBOL, this::onTrade);
  }

  private void onTrade(Trade t) {
    if (t.time() % TestBars.MINUTE != TestBars.MINUTE - 1) {
      return;
    }
    closes[count++ % slow] = t.price().doubleValue();
    if (count < slow) {
      return;
    }
    int want = sma(fast) > sma(slow) ? 1 : -1;
    if (want != position) {
      BigDecimal q = position == 0 ? qty : qty.add(qty);
      ex.trading().place(OrderRequest.market(TestBars.SYMBOL, want > 0 ? Side.BUY : Side.SELL, q));
      position = want;
    }
  }

  private double sma(int n) {
    double s = 0;
    for (int k = 0; k < n; k++) {
      s += closes[Math.floorMod(count - 1 - k, slow)];
    }
    return s / n;
  }

  @Override
  public void stop() {}
}
