package dev.tradekit.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Order;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.SimVenue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the market-maker ITs on a local fake venue (FakeBinance, FakeBybit) share. */
final class FakeVenueSupport {
  private FakeVenueSupport() {}

  /**
   * A calm synthetic BTCUSDT market from now on: a 0.2 bp quote is not crossed by drift while a
   * loaded machine delays the bot's market data.
   */
  static SyntheticMarket market() {
    return new SyntheticMarket(
        SyntheticMarket.Config.builder()
            .startTimeMillis(System.currentTimeMillis())
            .duration(Duration.ofHours(1))
            .meanTouchQuantity(0.002)
            .dailyVolatility(0.002)
            .seed(7)
            .build());
  }

  /** The open BTCUSDT orders of {@code apiKey} as the simulated venue holds them. */
  static List<Order> venueOrders(SimVenue venue, String apiKey) throws Exception {
    return venue.account(apiKey).trading().openOrders("BTCUSDT").get(30, TimeUnit.SECONDS);
  }

  /** Whether {@code apiKey} has exactly {@code count} open BTCUSDT orders at the venue. */
  static BooleanSupplier venueHas(SimVenue venue, String apiKey, int count) {
    return () -> {
      try {
        return venueOrders(venue, apiKey).size() == count;
      } catch (Exception e) {
        return false;
      }
    };
  }

  /** Polls {@code condition} for up to {@code millis}; the failure names the bot's status. */
  static void await(BooleanSupplier condition, long millis, String what, MarketMaker bot)
      throws Exception {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean())
        .as(what + " within " + millis + " ms; bot status " + bot.status())
        .isTrue();
  }
}
