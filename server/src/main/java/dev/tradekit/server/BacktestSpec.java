package dev.tradekit.server;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.BotFactory;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One validated backtest: a strategy with its parameters over market data, the single definition
 * that {@code tradekit backtest} / {@code optimize} and the control plane's {@code POST
 * /api/backtests} both build on (so a job and a command line run the same bot on the same data).
 *
 * <pre>{@code
 * BacktestSpec spec = BacktestSpec.builder().strategy("rsi").param("period", 10).minutes(60).build();
 * BacktestResult r = spec.backtest(spec.params(), spec.source()).run();
 * }</pre>
 *
 * <p>Every failure is an {@link Invalid} naming the field the way the HTTP API does ({@code
 * params.spread}, {@code data.tick}, {@code interval}); the command line maps these names to its
 * options.
 */
public final class BacktestSpec {
  /** The account the backtested bot trades on. */
  public static final String ACCOUNT = "mm";

  /** Start of the synthetic market (2024-01-01 UTC), fixed so that runs are repeatable. */
  public static final long SYNTHETIC_START = 1_704_067_200_000L;

  /** The market makers. */
  public static final List<String> MARKET_MAKERS = List.of("fixed-spread", "inventory-skew");

  /** The bar strategies (on closed klines of {@link #interval()}). */
  public static final List<String> BAR_STRATEGIES =
      List.of("sma-cross", "rsi", "ta4j-sma-cross", "ta4j-rsi");

  /** Every strategy: market makers first, then bar strategies. */
  public static final List<String> STRATEGIES =
      BacktestParams.concat(MARKET_MAKERS, BAR_STRATEGIES);

  /** The formats of a data file: the hftbacktest recording and data.binance.vision CSVs. */
  public static final List<String> FORMATS = List.of("recording", "klines", "trades", "aggtrades");

  /** The longest synthetic market: 30 days. */
  public static final int MAX_MINUTES = 30 * 1440;

  private final String strategy;
  private final Map<String, Double> params;
  private final KlineInterval interval;
  private final BigDecimal balance;
  private final BacktestData data;

  private BacktestSpec(Builder b, KlineInterval interval, Map<String, Double> params) {
    this.strategy = b.strategy;
    this.params = Collections.unmodifiableMap(params);
    this.interval = interval;
    this.balance = b.balance;
    this.data =
        new BacktestData(
            b.symbol,
            b.tick,
            b.step,
            b.file,
            b.file == null ? "synthetic" : b.format,
            b.minutes,
            b.seed);
  }

  /** A spec to fill in; every default is that of {@code tradekit backtest}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether {@code strategy} is a bar strategy (takes an interval). */
  public static boolean isBarStrategy(String strategy) {
    return BacktestParams.isBarStrategy(strategy);
  }

  /**
   * Every parameter of {@code strategy} with its default, in the order tables show them.
   *
   * @throws Invalid if the strategy is unknown
   */
  public static Map<String, Double> defaults(String strategy) {
    return BacktestParams.defaults(strategy);
  }

  /**
   * Checks one parameter value of a market maker (bar strategies are checked as a whole, by {@link
   * #withParams}).
   *
   * @throws Invalid naming {@code params.<name>} if the name is unknown or the value out of range
   */
  public static double check(String strategy, String name, double value) {
    return BacktestParams.check(strategy, name, value);
  }

  /**
   * Checks that {@code name} is a parameter of {@code strategy}.
   *
   * @throws Invalid naming {@code params.<name>} and listing the parameters
   */
  public static void checkName(String strategy, String name) {
    BacktestParams.checkName(strategy, name);
  }

  /**
   * This spec with other parameter values (unnamed ones keep this spec's), all checked.
   *
   * @throws Invalid naming the bad parameter
   */
  public BacktestSpec withParams(Map<String, Double> values) {
    Builder b = toBuilder();
    b.params.putAll(values);
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.strategy = strategy;
    b.params.putAll(params);
    b.interval = interval.code();
    b.balance = balance;
    b.symbol = data.symbol();
    b.tick = data.tick();
    b.step = data.step();
    b.file = data.file();
    b.format = data.format();
    b.minutes = data.minutes();
    b.seed = data.seed();
    return b;
  }

  /** The strategy's name. */
  public String strategy() {
    return strategy;
  }

  /** Every parameter's value, defaults filled in. */
  public Map<String, Double> params() {
    return params;
  }

  /** The bar length of a bar strategy (1m for market makers, which do not use it). */
  public KlineInterval interval() {
    return interval;
  }

  /** The starting USDT balance. */
  public BigDecimal balance() {
    return balance;
  }

  /** The symbol traded. */
  public String symbol() {
    return data.symbol();
  }

  /** The data file, or null for the synthetic market. */
  public @Nullable Path file() {
    return data.file();
  }

  /** The format of {@link #file()}, or {@code synthetic}. */
  public String format() {
    return data.format();
  }

  /** Minutes of the synthetic market (0 for a file). */
  public int minutes() {
    return data.minutes();
  }

  /** Seed of the synthetic market. */
  public long seed() {
    return data.seed();
  }

  /** How long the data runs in event time, when known up front (the synthetic market). */
  public long syntheticMillis() {
    return data.minutes() * 60_000L;
  }

  /** What the data is, for a first line or a job name. */
  public String describeData() {
    return data.describe();
  }

  /** The strategy and, for a bar strategy, its interval and parameters. */
  public String describeStrategy() {
    return isBarStrategy(strategy) ? strategy + " " + interval.code() + " " + params : strategy;
  }

  /** The symbol's trading rules (min notional 5, like Binance's USDT-margined futures). */
  public Instrument instrument() {
    return data.instrument();
  }

  /** Opens a fresh source each call (a backtest opens one per run). */
  public Supplier<MarketDataSource> source() {
    return data.source();
  }

  /** A backtest bot running this strategy on {@link #symbol()}, named {@link #ACCOUNT}. */
  public BotFactory botFactory() {
    return bots().botFactory();
  }

  private BacktestBots bots() {
    return new BacktestBots(strategy, params, interval, data.symbol());
  }

  /**
   * The backtest of one parameter combination over {@code data}.
   *
   * @throws Invalid if a value is out of range
   */
  public Backtest backtest(Map<String, Double> values, Supplier<MarketDataSource> data) {
    BacktestSpec s = values.equals(params) ? this : withParams(values);
    return Backtest.builder()
        .data(data)
        .instrument(instrument())
        .bot(ACCOUNT, AccountSetup.usdt(balance), s.botFactory())
        .build();
  }

  /** The request as stored with a job (defaults filled in; {@code grid} is the caller's). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", strategy);
    m.put("params", params);
    if (isBarStrategy(strategy)) {
      m.put("interval", interval.code());
    }
    m.put("balance", balance.toPlainString());
    m.put("data", data.toMap());
    return m;
  }

  /** A field of a backtest spec that is missing or out of range, named as the HTTP API names it. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    Invalid(String field, String rule) {
      super(field + " " + rule);
      this.field = field;
      this.rule = rule;
    }

    /** The field: {@code strategy}, {@code params.<name>}, {@code data.tick}, ... */
    public String field() {
      return field;
    }

    /** What the field must be, e.g. {@code must be a number > 0}. */
    public String rule() {
      return rule;
    }
  }

  /**
   * Collects a spec; {@link #build()} checks everything. Defaults: {@code fixed-spread}, the
   * strategy's default parameters, interval 1m, balance 10000 USDT, BTCUSDT with tick 0.1 and step
   * 0.001, 30 minutes of the synthetic market with seed 42.
   */
  public static final class Builder {
    private String strategy = "fixed-spread";
    private final Map<String, Double> params = new LinkedHashMap<>();
    private String interval = "1m";
    private BigDecimal balance = new BigDecimal("10000");
    private String symbol = "BTCUSDT";
    private BigDecimal tick = new BigDecimal("0.1");
    private BigDecimal step = new BigDecimal("0.001");
    private @Nullable Path file;
    private String format = "recording";
    private int minutes = 30;
    private long seed = 42;

    private Builder() {}

    /** The strategy, one of {@link #STRATEGIES}. */
    public Builder strategy(String name) {
      this.strategy = name.trim().toLowerCase(Locale.ROOT);
      return this;
    }

    /** One parameter; unnamed ones keep their defaults. */
    public Builder param(String name, double value) {
      params.put(name, value);
      return this;
    }

    /** Several parameters. */
    public Builder params(Map<String, Double> values) {
      params.putAll(values);
      return this;
    }

    /** The bar length of a bar strategy, as a kline code (1m, 5m, 1h ...). */
    public Builder interval(String code) {
      this.interval = code;
      return this;
    }

    /** The starting USDT balance. */
    public Builder balance(BigDecimal usdt) {
      this.balance = usdt;
      return this;
    }

    /** The symbol traded. */
    public Builder symbol(String s) {
      this.symbol = s.trim().toUpperCase(Locale.ROOT);
      return this;
    }

    /** The symbol's tick and quantity step. */
    public Builder filters(BigDecimal tickSize, BigDecimal stepSize) {
      this.tick = tickSize;
      this.step = stepSize;
      return this;
    }

    /** The synthetic market: its length and seed (the default data). */
    public Builder synthetic(int lengthMinutes, long randomSeed) {
      this.file = null;
      this.minutes = lengthMinutes;
      this.seed = randomSeed;
      return this;
    }

    /** A data file (already checked to be readable by the caller) in one of {@link #FORMATS}. */
    public Builder file(Path data, String fileFormat) {
      this.file = data;
      this.format = fileFormat;
      this.minutes = 0;
      return this;
    }

    /**
     * Checks every field.
     *
     * @throws Invalid naming the first bad field
     */
    public BacktestSpec build() {
      Map<String, Double> values =
          new LinkedHashMap<>(defaults(BacktestParams.checkStrategy(strategy)));
      for (Map.Entry<String, Double> e : params.entrySet()) {
        values.put(e.getKey(), check(strategy, e.getKey(), e.getValue()));
      }
      KlineInterval bars;
      try {
        bars = KlineInterval.fromCode(interval);
      } catch (IllegalArgumentException e) {
        throw new Invalid("interval", "must be a bar length such as 1m, 5m or 1h");
      }
      if (balance.signum() <= 0) {
        throw new Invalid("balance", "must be a number > 0");
      }
      if (symbol.isBlank()) {
        throw new Invalid("data.symbol", "must be a symbol such as BTCUSDT");
      }
      if (tick.signum() <= 0) {
        throw new Invalid("data.tick", "must be a number > 0");
      }
      if (step.signum() <= 0) {
        throw new Invalid("data.step", "must be a number > 0");
      }
      if (file == null && (minutes < 1 || minutes > MAX_MINUTES)) {
        throw new Invalid("data.minutes", "must be a whole number from 1 to " + MAX_MINUTES);
      }
      if (file != null && !FORMATS.contains(format)) {
        throw new Invalid("data.format", "must be one of " + String.join(", ", FORMATS));
      }
      BacktestSpec spec = new BacktestSpec(this, bars, values);
      if (isBarStrategy(strategy)) {
        try {
          spec.bots().barEngine(); // checks periods, levels and exits together
        } catch (IllegalArgumentException e) {
          throw new Invalid("params", Objects.toString(e.getMessage(), "are invalid"));
        }
      }
      return spec;
    }
  }
}
