package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.scanner.Scanner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The demo's market (BTCUSDT, synthetic or recorded) and its market maker's settings. */
final class DemoMarket {
  static final String SYMBOL = "BTCUSDT";
  static final BigDecimal TICK = new BigDecimal("0.1");

  private DemoMarket() {}

  static Instrument instrument() {
    return Instrument.builder()
        .symbol(SYMBOL)
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(TICK)
        .minPrice(TICK)
        .maxPrice(new BigDecimal("1000000"))
        .stepSize(new BigDecimal("0.001"))
        .minQty(new BigDecimal("0.001"))
        .maxQty(new BigDecimal("1000"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  /** The same stream each time for the same arguments: a recording or a seeded synthetic market. */
  static MarketDataSource source(
      @Nullable Path data, long startMillis, Duration length, long seed) {
    if (data != null) {
      return MarketDataSources.binanceRecording(data, Map.of(SYMBOL, TickScale.of(TICK)));
    }
    return MarketDataSources.synthetic(
        SyntheticMarket.Config.builder()
            .symbol(SYMBOL)
            .tickSize(TICK)
            .initialMid("60000")
            .startTimeMillis(startMillis)
            .duration(length)
            .dailyVolatility(0.08)
            .tradeRatePerSecond(8)
            .seed(seed)
            .build());
  }

  /**
   * The demo's scanner: the venue's only symbol, scanned every 5 s; a level is a wall above 2.5 ×
   * the mean of the 10 best levels and $20 000; a wall living 3 s joins the hot pool.
   */
  static Scanner scanner(Exchange exchange, Scheduler scheduler) {
    return Scanner.builder()
        .exchange(exchange)
        .scheduler(scheduler)
        .topSymbols(5)
        .multiplier(2.5)
        .minUsd(20_000)
        .promotionAge(Duration.ofSeconds(3))
        .observerInterval(Duration.ofSeconds(1))
        .hotPollInterval(Duration.ofSeconds(1))
        .primaryScanInterval(Duration.ofSeconds(5))
        .build();
  }

  /**
   * The demo's market maker: a two-level ladder 2 bp around the mid, skewed by inventory, without a
   * venue-side dead man's switch.
   */
  static MarketMaker marketMaker(Exchange exchange, Scheduler scheduler) {
    return MarketMaker.builder()
        .name("mm")
        .exchange(exchange)
        .symbol(SYMBOL)
        .strategy(Strategies.inventorySkew(Strategies.fixedSpread(), 0.0, 2.0))
        .parameters(
            QuoteParameters.of(new BigDecimal("0.0002"), new BigDecimal("0.004"))
                .withLevels(2, new BigDecimal("0.0002"), new BigDecimal("0.002")))
        .riskLimits(RiskLimits.builder().maxPosition(new BigDecimal("0.05")).build())
        .leverage(5)
        .scheduler(scheduler)
        .build();
  }
}
