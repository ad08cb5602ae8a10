package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A seeded trader for the demo: at each tick it may send a market order of one or two lots,
 * reducing its position when it reaches the cap. Its fills are what the copier mirrors.
 */
final class LeaderBot implements Runnable {
  private static final BigDecimal LOT = new BigDecimal("0.005");
  private static final int MAX_LOTS = 4;
  private final Exchange exchange;
  private final String symbol;
  private final SplittableRandom random;
  private final AtomicInteger trades = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private int lots;
  private boolean inFlight;

  LeaderBot(Exchange exchange, String symbol, long seed) {
    this.exchange = exchange;
    this.symbol = symbol;
    this.random = new SplittableRandom(seed);
  }

  /** One decision; called on the scheduler thread. */
  @Override
  public void run() {
    if (inFlight || random.nextDouble() > 0.45) {
      return;
    }
    int size = 1 + random.nextInt(2);
    boolean buy;
    if (lots + size > MAX_LOTS) {
      buy = false;
    } else if (lots - size < -MAX_LOTS) {
      buy = true;
    } else {
      buy = random.nextBoolean();
    }
    int delta = buy ? size : -size;
    inFlight = true;
    exchange
        .trading()
        .place(
            OrderRequest.market(
                symbol, buy ? Side.BUY : Side.SELL, LOT.multiply(BigDecimal.valueOf(size))))
        .whenComplete(
            (order, error) -> {
              inFlight = false;
              if (error == null) {
                lots += delta;
                trades.incrementAndGet();
              } else {
                failures.incrementAndGet();
              }
            });
  }

  /** Market orders filled so far. */
  int trades() {
    return trades.get();
  }

  /** Market orders the venue refused. */
  int failures() {
    return failures.get();
  }
}
