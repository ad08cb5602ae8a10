package dev.tradekit.testkit;

import dev.tradekit.api.Exchange;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.util.List;

/** The exchange contract for {@code bybit-linear} against {@link FakeBybit}. */
class BybitContractIT extends ExchangeContract {
  @Override
  protected Venue start(List<String> apiKeys) {
    FakeBybit.Builder b = FakeBybit.builder();
    apiKeys.forEach(k -> b.account(k, "s-" + k, AccountSetup.usdt(new BigDecimal("10000"))));
    FakeBybit fake = b.start();
    return new Venue() {
      @Override
      public Exchange connect(String apiKey) {
        return fake.adapter(apiKey).build();
      }

      @Override
      public Faults faults() {
        return fake.faults();
      }

      @Override
      public SimVenue sim() {
        return fake.venue();
      }

      @Override
      public void close() {
        fake.close();
      }
    };
  }
}
