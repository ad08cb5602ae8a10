package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The account's margin-carrying order sums, kept as orders change instead of summed per check,
 * equal a pass over the open orders after every step of a random session (places that rest or take,
 * reduce-only orders, amends, cancels, trades and depth that fill resting orders).
 */
class OpenOrderSumsTest {

  @Test
  void keptSumsEqualAPassOverTheOpenOrdersThroughARandomSession() {
    SimKit kit = new SimKit();
    SimExchange ex = (SimExchange) kit.account("a", "10000000");
    SimAccount account = ex.account;
    SymbolMatcher m = Objects.requireNonNull(kit.venue.matcher(SYMBOL));
    kit.snapshot("99.0", "3", "98.0", "10", "|", "100.0", "3", "101.0", "10");
    SplittableRandom random = new SplittableRandom(7);
    int fills = 0;
    int amends = 0;
    for (int step = 0; step < 600; step++) {
      int action = random.nextInt(10);
      List<SimOrder> open = new ArrayList<>(account.openOrders());
      if (action < 4 || open.isEmpty()) {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        String price = String.format("%.1f", 95 + random.nextInt(100) / 10.0);
        BigDecimal qty = BigDecimal.valueOf(1 + random.nextInt(50), 3);
        OrderRequest r =
            OrderRequest.builder()
                .symbol(SYMBOL)
                .side(side)
                .quantity(qty)
                .price(new BigDecimal(price))
                .reduceOnly(random.nextInt(5) == 0)
                .build();
        settle(kit, ex.trading().place(r));
      } else if (action < 6) {
        SimOrder o = open.get(random.nextInt(open.size()));
        String price = String.format("%.1f", 95 + random.nextInt(100) / 10.0);
        CompletableFuture<Order> f =
            ex.amendment()
                .orElseThrow()
                .amend(
                    new AmendRequest(
                        OrderRef.byClientId(SYMBOL, o.clientOrderId),
                        o.side,
                        BigDecimal.valueOf(1 + random.nextInt(60), 3),
                        new BigDecimal(price)));
        amends += settle(kit, f) ? 1 : 0;
      } else if (action < 7) {
        SimOrder o = open.get(random.nextInt(open.size()));
        settle(kit, ex.trading().cancel(OrderRef.byClientId(SYMBOL, o.clientOrderId)));
      } else if (action < 9) {
        long before = account.fills().size();
        kit.trade(
            String.format("%.1f", 96 + random.nextInt(80) / 10.0),
            random.nextInt(30) / 10.0,
            random.nextBoolean());
        fills += (int) (account.fills().size() - before);
      } else {
        Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        kit.depth(
            side, side == Side.BUY ? "99.0" : "100.0", Double.toString(random.nextInt(40) / 10.0));
      }
      assertThat(account.openOrderSums(m)).as("step %d", step).containsExactly(scan(account, m));
    }
    assertThat(fills).as("the session filled orders").isGreaterThan(20);
    assertThat(amends).as("the session amended orders").isGreaterThan(20);
  }

  /** Runs the clock until the request is answered; true when it succeeded. */
  private static boolean settle(SimKit kit, CompletableFuture<?> f) {
    kit.clock.runPending();
    while (!f.isDone() && kit.clock.runNext()) {
      // until answered
    }
    return f.isDone() && !f.isCompletedExceptionally();
  }

  /** The sums by a pass over every open order, as the margin check did before. */
  private static long[] scan(SimAccount account, SymbolMatcher m) {
    long[] sums = new long[4];
    for (SimOrder o : account.openOrders()) {
      if (o.matcher != m || o.isClosing() || o.priceTicks <= 0) {
        continue;
      }
      int at = o.side == Side.BUY ? 0 : 2;
      sums[at] += o.remainingLots();
      sums[at + 1] += o.remainingLots() * o.priceTicks;
    }
    return sums;
  }
}
