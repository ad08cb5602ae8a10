package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import java.math.BigDecimal;

/**
 * Market making in a few lines: a fixed-spread bot with an inventory cap quotes BTCUSDT on the
 * simulated venue for five minutes of synthetic market.
 *
 * <pre>{@code
 * MarketMakerStatus s = MarketMakingExample.run(7);
 * System.out.println(s.fills() + " fills, PnL " + s.totalPnl());
 * }</pre>
 */
public final class MarketMakingExample {
  private MarketMakingExample() {}

  /** Runs the example and returns the bot's final status. */
  public static MarketMakerStatus run(long seed) {
    ExampleVenue v = new ExampleVenue(seed);
    Exchange exchange = v.venue.openAccount("mm", AccountSetup.usdt(new BigDecimal("10000")));
    MarketMaker mm =
        MarketMaker.builder()
            .name("example")
            .exchange(exchange)
            .symbol("BTCUSDT")
            .strategy(Strategies.fixedSpread())
            .parameters(QuoteParameters.of(new BigDecimal("0.0002"), new BigDecimal("0.002")))
            .riskLimits(RiskLimits.builder().maxPosition(new BigDecimal("0.01")).build())
            .scheduler(v.clock)
            .build();
    try (MarketDataSource market = v.market(5)) {
      MarketReplay replay = new MarketReplay(market, v.venue);
      replay.runUntil(ExampleVenue.START + 1_000); // a first book
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
        "placed %d orders, %d fills, position %s BTC, PnL %s USDT%n",
        s.ordersPlaced(), s.fills(), s.position(), s.totalPnl());
  }
}
