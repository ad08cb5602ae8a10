package dev.tradekit.testkit;

import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The exchange contract for {@code binance-usdm} against {@link FakeBinance}. */
class BinanceContractIT extends ExchangeContract {
  @Override
  protected Venue start(List<String> apiKeys) {
    // 20 orders per 10 s per account, so that the limit test reaches the limit
    FakeBinance.Builder b =
        FakeBinance.builder().rateLimits(new RateLimits(2400, 20, 1200, 3, Duration.ofMinutes(2)));
    apiKeys.forEach(k -> b.account(k, "s-" + k, AccountSetup.usdt(new BigDecimal("10000"))));
    FakeBinance fake = b.start();
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
