package dev.tradekit.testkit;

import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.util.List;

/** The exchange contract for {@code bybit-linear} against {@link FakeBybit}. */
class BybitContractIT extends ExchangeContract {
  @Override
  protected Venue start(List<String> apiKeys) {
    FakeBybit.Builder b = FakeBybit.builder();
    apiKeys.forEach(k -> b.account(k, "s-" + k, AccountSetup.usdt(new BigDecimal("10000"))));
    FakeBybit fake = b.start();
    return venue(
        k -> fake.adapter(k).build(),
        fake.faults(),
        fake.venue(),
        fake::close,
        fake::serverTime,
        work ->
            fake.onVenueThread(
                () -> {
                  work.run();
                  return null;
                }));
  }
}
