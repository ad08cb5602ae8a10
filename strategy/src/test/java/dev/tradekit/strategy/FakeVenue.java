package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The set-up the strategy ITs share: a FakeBinance in virtual time from {@link #T0} on a synthetic
 * market (seed 11), one account of 100,000 USDT, the real Binance adapter on it and a bot scheduler
 * on the venue's clock.
 */
final class FakeVenue implements AutoCloseable {
  static final long T0 = 1_704_067_200_000L;

  final FakeBinance fake;
  final Exchange ex;
  final VenueClock clock;
  private final long end;
  long now = T0;

  FakeVenue(Duration duration) {
    fake =
        FakeBinance.builder()
            .scheduler(new VirtualScheduler(T0))
            .source(MarketDataSources.synthetic(market(duration)))
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("100000")))
            .start();
    // virtual time runs ~1000x real time here: the widest window Binance allows keeps a request
    // delayed by a loaded machine from being refused as late (-1021)
    ex = fake.adapter("key-1").option("recvWindow", "60000").build();
    clock = new VenueClock(fake::serverTime);
    end = T0 + duration.toMillis() - 60_000;
  }

  /** The market the venue replays. */
  static SyntheticMarket.Config market(Duration duration) {
    return SyntheticMarket.Config.builder()
        .startTimeMillis(T0)
        .duration(duration)
        .dailyVolatility(0.5)
        .seed(11)
        .build();
  }

  /**
   * Steps virtual time by a second (up to the last minute of the market) until {@code done},
   * waiting up to 60 s of real time; {@code context} explains a failure.
   */
  void runUntil(BooleanSupplier done, String what, Supplier<Object> context)
      throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(() -> what + " within 60 s at +" + (now - T0) + " ms; " + context.get())
          .isLessThan(deadline);
      if (now < end) {
        now += 1000;
        fake.runUntil(now);
      }
      Thread.sleep(1);
    }
  }

  /** The venue's BTCUSDT position, signed. */
  BigDecimal position() {
    return ex.account().positions().join().stream()
        .filter(p -> p.symbol().equals("BTCUSDT"))
        .map(Position::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Override
  public void close() {
    clock.close();
    ex.close();
    fake.close();
  }
}
