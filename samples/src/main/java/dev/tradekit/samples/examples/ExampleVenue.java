package dev.tradekit.samples.examples;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The small simulated BTCUSDT venue the examples run on: a virtual clock, 10 ms order latency and a
 * seeded synthetic market.
 *
 * <pre>{@code
 * ExampleVenue v = new ExampleVenue(7);
 * Exchange ex = v.venue.openAccount("me", AccountSetup.usdt(new BigDecimal("10000")));
 * }</pre>
 */
public final class ExampleVenue {
  /** Start of the example market (2024-01-01 UTC). */
  public static final long START = 1_704_067_200_000L;

  /** The virtual clock the venue and the bots run on. */
  public final VirtualScheduler clock = new VirtualScheduler(START);

  /** The simulated venue. */
  public final SimVenue venue;

  private final long seed;

  /** A venue whose market is generated from {@code seed}. */
  public ExampleVenue(long seed) {
    this.seed = seed;
    this.venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(btcusdt())
            .orderLatency(LatencyModel.fixed(Duration.ofMillis(10)))
            .marketDataLatency(LatencyModel.zero())
            .build();
  }

  /** The market data: {@code minutes} of synthetic BTCUSDT from {@link #START}. */
  public MarketDataSource market(int minutes) {
    return MarketDataSources.synthetic(
        SyntheticMarket.Config.builder()
            .startTimeMillis(START)
            .duration(Duration.ofMinutes(minutes))
            .dailyVolatility(0.08)
            .tradeRatePerSecond(8)
            .seed(seed)
            .build());
  }

  /** BTCUSDT with tick 0.1 and step 0.001. */
  public static Instrument btcusdt() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .minPrice(new BigDecimal("0.1"))
        .maxPrice(new BigDecimal("1000000"))
        .stepSize(new BigDecimal("0.001"))
        .minQty(new BigDecimal("0.001"))
        .maxQty(new BigDecimal("1000"))
        .minNotional(new BigDecimal("5"))
        .build();
  }
}
