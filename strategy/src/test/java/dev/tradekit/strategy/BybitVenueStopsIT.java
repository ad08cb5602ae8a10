package dev.tradekit.strategy;

import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBybit;

/**
 * {@link VenueStopsContract} through the real Bybit adapter on FakeBybit (v5 conditional orders:
 * {@code triggerPrice} and {@code triggerDirection}, one order id from Untriggered to Filled).
 */
class BybitVenueStopsIT extends VenueStopsContract {
  @Override
  protected Venue start(Scheduler clock, MarketDataSource source, AccountSetup setup) {
    FakeBybit fake =
        FakeBybit.builder()
            .scheduler(clock)
            .source(source)
            .account("key-1", "secret-1", setup)
            .start();
    return venue(fake.adapter("key-1").build(), fake::serverTime, fake::runUntil, fake::close);
  }
}
