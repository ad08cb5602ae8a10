package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.execution.TargetOrder;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.marketmaker.QuoteContext;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom strategy: join the best bid and best ask, but stop buying when long and stop selling
 * when short. A strategy is one function from the {@link QuoteContext} to the orders wanted; the
 * engine does the rest.
 *
 * <pre>{@code
 * MarketMakerStatus s = CustomStrategyExample.run(7);
 * }</pre>
 */
public final class CustomStrategyExample {
  private CustomStrategyExample() {}

  /** Joins the touch; one side only once the position reaches {@code cap}. */
  public static Strategy joinTheTouch(BigDecimal cap) {
    return ctx -> {
      BigDecimal qty = ctx.roundQuantity(ctx.parameters().orderAmount());
      BigDecimal position = ctx.inventory().position();
      List<TargetOrder> orders = new ArrayList<>(2);
      BigDecimal bid = ctx.roundBuy(ctx.market().bestBid());
      BigDecimal ask = ctx.roundSell(ctx.market().bestAsk());
      if (bid != null && position.compareTo(cap) < 0) {
        orders.add(TargetOrder.limit(Side.BUY, bid, qty));
      }
      if (ask != null && position.compareTo(cap.negate()) > 0) {
        orders.add(TargetOrder.limit(Side.SELL, ask, qty));
      }
      return orders;
    };
  }

  /** Runs the strategy for five minutes of synthetic market and returns the bot's status. */
  public static MarketMakerStatus run(long seed) {
    ExampleVenue v = new ExampleVenue(seed);
    Exchange exchange = v.venue.openAccount("custom", AccountSetup.usdt(new BigDecimal("10000")));
    MarketMaker mm =
        MarketMaker.builder()
            .name("touch")
            .exchange(exchange)
            .symbol("BTCUSDT")
            .strategy(joinTheTouch(new BigDecimal("0.004")))
            .parameters(QuoteParameters.of(new BigDecimal("0.0001"), new BigDecimal("0.002")))
            .scheduler(v.clock)
            .build();
    try (MarketDataSource market = v.market(5)) {
      MarketReplay replay = new MarketReplay(market, v.venue);
      replay.runUntil(ExampleVenue.START + 1_000);
      mm.start();
      replay.runToEnd();
      mm.stop();
      replay.runUntil(v.clock.currentTimeMillis() + 1_000);
    }
    return mm.status();
  }

  /** Prints what the bot did. */
  public static void main(String[] args) {
    MarketMakerStatus s = run(7);
    System.out.printf(
        "%d fills, position %s BTC, PnL %s USDT%n", s.fills(), s.position(), s.totalPnl());
  }
}
