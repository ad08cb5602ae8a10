package dev.tradekit.backtest.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * A seeded synthetic market: a {@link MarketDataSource} that generates a realistic, never crossed
 * L2 stream in process, for the demo and for tests that must not depend on recorded data.
 *
 * <p>The stream opens with a {@link MarketEvent.Type#DEPTH_SNAPSHOT} and continues with {@link
 * MarketEvent.Type#DEPTH_UPDATE}s whose ids chain like Binance USD-M's ({@code U ≤ lastUpdateId ≤
 * u} for the first, then {@code pu} = previous {@code u}), each followed by a {@link
 * MarketEvent.Type#BOOK_TICKER} with the same {@code u}, and {@link MarketEvent.Type#TRADE}s that
 * take quantity from the best level of the opposite side (the diff showing that follows the trade).
 * The mid follows a random walk with the configured volatility; aggressor sides show momentum;
 * level quantities are log-normal and decay slowly away from the touch. The same config and seed
 * give the identical stream; memory is constant in the stream's length.
 *
 * <pre>{@code
 * SyntheticMarket.Config cfg = SyntheticMarket.Config.builder().seed(42).maxEvents(50_000).build();
 * try (MarketDataSource market = new SyntheticMarket(cfg)) {
 *   MarketEvent e = new MarketEvent();
 *   while (market.next(e)) {
 *     sim.onMarketEvent(e);
 *   }
 * }
 * }</pre>
 */
public final class SyntheticMarket implements MarketDataSource {

  private final Config config;
  private final SyntheticGenerator generator;

  /** Creates a market that starts at the config's start time. */
  public SyntheticMarket(Config config) {
    this.config = Objects.requireNonNull(config, "config");
    this.generator = new SyntheticGenerator(config);
  }

  /** The settings this market was made with. */
  public Config config() {
    return config;
  }

  @Override
  public boolean next(MarketEvent into) {
    return generator.next(into);
  }

  /** Nothing to release; the stream simply continues to its configured end. */
  @Override
  public void close() {}

  /**
   * Settings of a {@link SyntheticMarket}; build them with {@link #builder()}.
   *
   * <pre>{@code
   * SyntheticMarket.Config cfg = SyntheticMarket.Config.builder().symbol("ETHUSDT")
   *     .tickSize("0.01").initialMid("3000").seed(7).duration(Duration.ofMinutes(5)).build();
   * }</pre>
   *
   * @param symbol venue symbol written into every event
   * @param tickSize price tick; events carry prices in ticks of this size
   * @param lotSize quantity step; quantities are whole multiples of it
   * @param startTimeMillis epoch ms of the snapshot (the first event)
   * @param durationMillis the stream ends before the first event later than start + duration
   * @param maxEvents the stream ends after this many events (snapshot included)
   * @param initialMid starting mid price
   * @param dailyVolatility standard deviation of the mid's relative change over one day
   * @param depthLevels levels per side of the book
   * @param meanSpreadTicks mean best-ask minus best-bid, in ticks (at least 1)
   * @param tradeRatePerSecond mean number of trades per second
   * @param updateRatePerSecond mean number of book changes (other than trades) per second
   * @param meanTouchQuantity mean quantity of a best level
   * @param seed random seed; the same settings and seed give the same stream
   */
  public record Config(
      String symbol,
      BigDecimal tickSize,
      BigDecimal lotSize,
      long startTimeMillis,
      long durationMillis,
      long maxEvents,
      BigDecimal initialMid,
      double dailyVolatility,
      int depthLevels,
      double meanSpreadTicks,
      double tradeRatePerSecond,
      double updateRatePerSecond,
      double meanTouchQuantity,
      long seed) {

    /** Validates every setting; see {@link Builder} for the rules. */
    public Config {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(tickSize, "tickSize");
      Objects.requireNonNull(lotSize, "lotSize");
      Objects.requireNonNull(initialMid, "initialMid");
      if (symbol.isBlank()) {
        throw new IllegalArgumentException("symbol must not be blank");
      }
      if (tickSize.signum() <= 0) {
        throw new IllegalArgumentException("tickSize must be positive: " + tickSize);
      }
      if (lotSize.signum() <= 0) {
        throw new IllegalArgumentException("lotSize must be positive: " + lotSize);
      }
      if (lotSize.compareTo(BigDecimal.ONE) < 0
          && BigDecimal.ONE.divideAndRemainder(lotSize)[1].signum() != 0) {
        throw new IllegalArgumentException("lotSize below 1 must divide 1 exactly: " + lotSize);
      }
      if (lotSize.compareTo(BigDecimal.ONE) > 0 && lotSize.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("lotSize above 1 must be a whole number: " + lotSize);
      }
      if (durationMillis <= 0) {
        throw new IllegalArgumentException("durationMillis must be positive: " + durationMillis);
      }
      if (maxEvents <= 0) {
        throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
      }
      if (initialMid.compareTo(tickSize.multiply(BigDecimal.valueOf(10L * depthLevels + 100)))
          < 0) {
        throw new IllegalArgumentException(
            "initialMid must be far above zero in ticks (at least (10 * depthLevels + 100) ticks): "
                + initialMid);
      }
      if (!(dailyVolatility >= 0 && dailyVolatility < 1)) {
        throw new IllegalArgumentException("dailyVolatility must be in [0, 1): " + dailyVolatility);
      }
      if (depthLevels < 1 || depthLevels > 5000) {
        throw new IllegalArgumentException("depthLevels must be in [1, 5000]: " + depthLevels);
      }
      if (!(meanSpreadTicks >= 1 && meanSpreadTicks <= 1000)) {
        throw new IllegalArgumentException(
            "meanSpreadTicks must be in [1, 1000]: " + meanSpreadTicks);
      }
      if (!(tradeRatePerSecond >= 0 && tradeRatePerSecond <= 1e6)) {
        throw new IllegalArgumentException(
            "tradeRatePerSecond must be in [0, 1e6]: " + tradeRatePerSecond);
      }
      if (!(updateRatePerSecond > 0 && updateRatePerSecond <= 1e6)) {
        throw new IllegalArgumentException(
            "updateRatePerSecond must be in (0, 1e6]: " + updateRatePerSecond);
      }
      if (!(meanTouchQuantity > 0 && meanTouchQuantity < 1e12)) {
        throw new IllegalArgumentException(
            "meanTouchQuantity must be positive: " + meanTouchQuantity);
      }
    }

    /** A builder with the defaults listed on {@link Builder}. */
    public static Builder builder() {
      return new Builder();
    }

    /**
     * Builds a {@link Config}. Defaults: symbol {@code BTCUSDT}, tick 0.1, lot 0.001, start
     * 2024-01-01T00:00:00Z, duration 10 minutes, no event limit, mid 60000, daily volatility 0.02,
     * 20 levels, mean spread 1.5 ticks, 4 trades and 20 book changes per second, mean touch
     * quantity 2.0, seed 1.
     *
     * <pre>{@code
     * SyntheticMarket.Config cfg = SyntheticMarket.Config.builder().seed(42).maxEvents(10_000).build();
     * }</pre>
     */
    public static final class Builder {
      private String symbol = "BTCUSDT";
      private BigDecimal tickSize = new BigDecimal("0.1");
      private BigDecimal lotSize = new BigDecimal("0.001");
      private long startTimeMillis = 1_704_067_200_000L;
      private long durationMillis = Duration.ofMinutes(10).toMillis();
      private long maxEvents = Long.MAX_VALUE;
      private BigDecimal initialMid = new BigDecimal("60000");
      private double dailyVolatility = 0.02;
      private int depthLevels = 20;
      private double meanSpreadTicks = 1.5;
      private double tradeRatePerSecond = 4;
      private double updateRatePerSecond = 20;
      private double meanTouchQuantity = 2.0;
      private long seed = 1;

      private Builder() {}

      public Builder symbol(String value) {
        this.symbol = Objects.requireNonNull(value, "symbol");
        return this;
      }

      public Builder tickSize(String value) {
        return tickSize(new BigDecimal(Objects.requireNonNull(value, "tickSize")));
      }

      public Builder tickSize(BigDecimal value) {
        this.tickSize = Objects.requireNonNull(value, "tickSize");
        return this;
      }

      public Builder lotSize(String value) {
        this.lotSize = new BigDecimal(Objects.requireNonNull(value, "lotSize"));
        return this;
      }

      public Builder startTimeMillis(long value) {
        this.startTimeMillis = value;
        return this;
      }

      public Builder duration(Duration value) {
        this.durationMillis = Objects.requireNonNull(value, "duration").toMillis();
        return this;
      }

      public Builder maxEvents(long value) {
        this.maxEvents = value;
        return this;
      }

      public Builder initialMid(String value) {
        this.initialMid = new BigDecimal(Objects.requireNonNull(value, "initialMid"));
        return this;
      }

      public Builder dailyVolatility(double value) {
        this.dailyVolatility = value;
        return this;
      }

      public Builder depthLevels(int value) {
        this.depthLevels = value;
        return this;
      }

      public Builder meanSpreadTicks(double value) {
        this.meanSpreadTicks = value;
        return this;
      }

      public Builder tradeRatePerSecond(double value) {
        this.tradeRatePerSecond = value;
        return this;
      }

      public Builder updateRatePerSecond(double value) {
        this.updateRatePerSecond = value;
        return this;
      }

      public Builder meanTouchQuantity(double value) {
        this.meanTouchQuantity = value;
        return this;
      }

      public Builder seed(long value) {
        this.seed = value;
        return this;
      }

      /** Validates and builds; throws {@link IllegalArgumentException} naming a bad setting. */
      public Config build() {
        return new Config(
            symbol,
            tickSize,
            lotSize,
            startTimeMillis,
            durationMillis,
            maxEvents,
            initialMid,
            dailyVolatility,
            depthLevels,
            meanSpreadTicks,
            tradeRatePerSecond,
            updateRatePerSecond,
            meanTouchQuantity,
            seed);
      }
    }
  }
}
