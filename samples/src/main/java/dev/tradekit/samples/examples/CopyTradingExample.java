package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.TradeCopier;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/**
 * Copy trading: every fill of a leader account is mirrored onto two followers, one at half the
 * leader's size and one in proportion to its balance (a fifth of the leader's). The leader opens
 * 0.02 BTC and later closes half; the followers follow, on the simulated venue in virtual time.
 *
 * <pre>{@code
 * CopyTradingExample.Result r = CopyTradingExample.run(7);
 * System.out.println(r.half() + " BTC at half size"); // 0.005
 * }</pre>
 */
public final class CopyTradingExample {
  private CopyTradingExample() {}

  /**
   * Final positions and the copier's counters.
   *
   * @param leader the leader's BTC position
   * @param half the fixed-ratio (0.5) follower's position
   * @param proportional the proportional-to-balance follower's position
   * @param stats what the copier did
   */
  public record Result(
      BigDecimal leader, BigDecimal half, BigDecimal proportional, CopierStats stats) {}

  /** Runs the example on a market generated from {@code seed}. */
  public static Result run(long seed) {
    ExampleVenue v = new ExampleVenue(seed);
    Exchange leader = v.venue.openAccount("leader", AccountSetup.usdt(new BigDecimal("10000")));
    Exchange half = v.venue.openAccount("half", AccountSetup.usdt(new BigDecimal("10000")));
    // 21 % of the leader's balance: 0.0042 BTC of 0.02, rounded down to the 0.001 step
    Exchange small = v.venue.openAccount("small", AccountSetup.usdt(new BigDecimal("2100")));
    TradeCopier copier =
        TradeCopier.builder()
            .leader(leader)
            .follower("half", half, CopyPolicies.fixedRatio(new BigDecimal("0.5")))
            .follower("small", small, CopyPolicies.proportionalToBalance())
            .journal(CopyJournals.inMemory())
            .scheduler(v.clock)
            .build();
    try (MarketDataSource market = v.market(5)) {
      MarketReplay replay = new MarketReplay(market, v.venue);
      replay.runUntil(ExampleVenue.START + 1_000); // a first book
      copier.start();
      replay.runUntil(ExampleVenue.START + 2_000);
      leader.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.02")));
      replay.runUntil(ExampleVenue.START + 60_000);
      leader.trading().place(OrderRequest.market("BTCUSDT", Side.SELL, new BigDecimal("0.01")));
      replay.runUntil(ExampleVenue.START + 120_000);
      copier.stop();
      return new Result(
          position(replay, v, leader),
          position(replay, v, half),
          position(replay, v, small),
          copier.stats());
    }
  }

  private static BigDecimal position(MarketReplay replay, ExampleVenue v, Exchange account) {
    CompletableFuture<java.util.List<Position>> f = account.account().positions();
    for (int i = 0; i < 100 && !f.isDone(); i++) {
      replay.runUntil(v.clock.currentTimeMillis() + 100); // the simulated reply takes virtual time
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Position p : f.join()) {
      sum = sum.add(p.amount());
    }
    return sum.stripTrailingZeros();
  }

  /** Prints the positions. */
  public static void main(String[] args) {
    Result r = run(7);
    System.out.printf(
        "leader %s BTC, half %s BTC, proportional %s BTC%n",
        r.leader(), r.half(), r.proportional());
  }
}
