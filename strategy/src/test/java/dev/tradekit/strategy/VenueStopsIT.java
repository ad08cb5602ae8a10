package dev.tradekit.strategy;

import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;

/** {@link VenueStopsContract} through the real Binance adapter on FakeBinance (algo orders). */
class VenueStopsIT extends VenueStopsContract {
  @Override
  protected Venue start(Scheduler clock, MarketDataSource source, AccountSetup setup) {
    FakeBinance fake =
        FakeBinance.builder()
            .scheduler(clock)
            .source(source)
            .account("key-1", "secret-1", setup)
            .start();
    return venue(
        fake.adapter("key-1").option("recvWindow", "60000").build(),
        fake::serverTime,
        fake::runUntil,
        fake::close);
  }
}
