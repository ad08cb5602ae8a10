package dev.tradekit.server;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.Backtest;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.BotFactory;
import dev.tradekit.backtest.Metrics;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.optimize.GridSearch;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.Strategy;
import dev.tradekit.strategy.BarStrategy;
import dev.tradekit.strategy.Sizing;
import dev.tradekit.strategy.StrategyEngine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A validated backtest or grid-search request, as {@code POST /api/backtests} takes it: a strategy
 * with its parameters named as {@code tradekit backtest --param} takes them (unnamed ones keep the
 * command line's defaults), and the data: the synthetic market (seed, minutes) or a recorded file
 * by name inside the configured data folder (never an arbitrary path). Every failure is a 400
 * naming the field.
 */
final class JobSpec {
  /** The account the backtested bot trades on (as the command line's). */
  static final String ACCOUNT = "mm";

  /** Start of the synthetic market (2024-01-01 UTC), fixed so that runs are repeatable. */
  static final long SYNTHETIC_START = 1_704_067_200_000L;

  /** The strategies a job may run: market makers first, then bar strategies. */
  static final List<String> STRATEGIES =
      List.of("fixed-spread", "inventory-skew", "sma-cross", "rsi");

  static final List<String> FORMATS = List.of("recording", "klines", "trades", "aggtrades");

  /** More grid runs than this would take hours: almost certainly a typo in a range. */
  static final int MAX_RUNS = 500;

  /** The longest synthetic market: 30 days. */
  static final int MAX_MINUTES = 30 * 1440;

  static final Set<String> METRICS =
      Metrics.compute(new long[] {0}, new double[] {1}, 1, new double[0], 0, 0, 0).asMap().keySet();

  private static final Map<String, Double> MM_DEFAULTS = mmDefaults();
  private static final Map<String, Double> BAR_DEFAULTS = barDefaults();

  final String kind;
  final String name;
  final String strategy;
  final Map<String, Double> params;
  final Map<String, double[]> grid;
  final String metric;
  final KlineInterval interval;
  final BigDecimal balance;
  final String symbol;
  final BigDecimal tick;
  final BigDecimal step;
  final @Nullable Path file;
  final String format;
  final int minutes;
  final long seed;

  private JobSpec(Fields f, Path dataFolder) {
    f.only("name", "strategy", "params", "grid", "metric", "interval", "balance", "data");
    this.strategy = f.oneOf("strategy", STRATEGIES.toArray(String[]::new));
    boolean bars = bar(strategy);
    Map<String, Double> defaults = bars ? BAR_DEFAULTS : MM_DEFAULTS;
    this.params = new LinkedHashMap<>(defaults);
    if (f.has("params")) {
      Fields p = f.object("params");
      p.only(defaults.keySet().toArray(String[]::new));
      for (String k : defaults.keySet()) {
        if (p.has(k)) {
          params.put(k, p.number(k, -1e12, 1e12));
        }
      }
    }
    this.grid = new LinkedHashMap<>();
    if (f.has("grid")) {
      Fields g = f.object("grid");
      g.only(defaults.keySet().toArray(String[]::new));
      long runs = 1;
      for (String k : defaults.keySet()) {
        if (g.has(k)) {
          double[] values = numbers(g, k);
          grid.put(k, values);
          runs *= values.length;
          if (runs > MAX_RUNS) {
            throw ApiException.invalid(
                "grid", "makes more than " + MAX_RUNS + " runs: use fewer values");
          }
        }
      }
      if (grid.isEmpty()) {
        throw ApiException.invalid("grid", "must name at least one parameter with its values");
      }
    }
    this.kind = grid.isEmpty() ? "backtest" : "grid";
    this.metric =
        f.has("metric") ? f.oneOf("metric", METRICS.toArray(String[]::new)) : "totalReturn";
    if (f.has("metric") && grid.isEmpty()) {
      throw ApiException.invalid("metric", "ranks grid runs: give it with a grid only");
    }
    String code = f.has("interval") ? f.string("interval", 10) : "1m";
    try {
      this.interval = KlineInterval.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("interval", "must be a bar length such as 1m, 5m or 1h");
    }
    this.balance =
        f.has("balance")
            ? f.positiveDecimal("balance", new BigDecimal("1000000000"))
            : new BigDecimal("10000");
    Fields d =
        f.has("data") ? f.object("data") : Fields.of(Map.<String, Object>of("source", "synthetic"));
    String source = d.has("source") ? d.oneOf("source", "synthetic", "file") : "synthetic";
    d.only(
        source.equals("synthetic")
            ? new String[] {"source", "symbol", "tick", "step", "minutes", "seed"}
            : new String[] {"source", "symbol", "tick", "step", "file", "format"});
    this.symbol = d.has("symbol") ? d.symbol("symbol") : "BTCUSDT";
    this.tick =
        d.has("tick") ? d.positiveDecimal("tick", new BigDecimal("1000")) : new BigDecimal("0.1");
    this.step =
        d.has("step") ? d.positiveDecimal("step", new BigDecimal("1000")) : new BigDecimal("0.001");
    if (source.equals("synthetic")) {
      this.file = null;
      this.format = "synthetic";
      this.minutes = d.has("minutes") ? d.integer("minutes", 1, MAX_MINUTES) : 30;
      this.seed = d.has("seed") ? d.integer("seed", 0, Integer.MAX_VALUE) : 42;
    } else {
      this.file = dataFile(d, dataFolder);
      this.format =
          d.has("format") ? d.oneOf("format", FORMATS.toArray(String[]::new)) : "recording";
      this.minutes = 0;
      this.seed = 0;
    }
    String label = f.optString("name", 100);
    this.name = label != null ? label : strategy + " on " + describeData();
    // every combination must be valid, not only the first
    for (Map<String, Double> combination : combinations()) {
      check(combination);
    }
  }

  /**
   * Validates a request body.
   *
   * @throws ApiException a 400 naming the field
   */
  static JobSpec parse(Map<String, Object> body, Path dataFolder) {
    return new JobSpec(Fields.of(body), dataFolder);
  }

  static boolean bar(String strategy) {
    return strategy.equals("sma-cross") || strategy.equals("rsi");
  }

  private static double[] numbers(Fields g, String k) {
    Object v = g.raw(k);
    if (!(v instanceof List<?> l) || l.isEmpty() || l.size() > 100) {
      throw ApiException.invalid(g.path(k), "must be a list of 1 to 100 numbers");
    }
    double[] out = new double[l.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(l.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw ApiException.invalid(g.path(k), "must be a list of 1 to 100 numbers");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  /** The file by name inside the data folder: no absolute path, no {@code ..}, no link out. */
  private static Path dataFile(Fields d, Path folder) {
    String name = d.string("file", 255);
    String mustBe = "must name a file in the server's data folder (e.g. btcusdt-1m.csv)";
    if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
      throw ApiException.invalid("data.file", mustBe);
    }
    try {
      Path root = folder.toRealPath();
      Path p = root.resolve(name).normalize();
      if (!p.startsWith(root) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        throw ApiException.invalid("data.file", mustBe);
      }
      Path real = p.toRealPath();
      if (!real.startsWith(root)) {
        throw ApiException.invalid("data.file", mustBe);
      }
      return real;
    } catch (IOException e) {
      throw ApiException.invalid("data.file", mustBe);
    }
  }

  /** Every parameter combination the job runs (one for a plain backtest), defaults filled in. */
  List<Map<String, Double>> combinations() {
    if (grid.isEmpty()) {
      return List.of(new LinkedHashMap<>(params));
    }
    List<Map<String, Double>> out = new ArrayList<>();
    for (Map<String, Double> p :
        new GridSearch(grid, x -> backtest(x, source()), ACCOUNT, metric).combinations()) {
      Map<String, Double> m = new LinkedHashMap<>(params);
      m.putAll(p);
      out.add(m);
    }
    return out;
  }

  private void check(Map<String, Double> values) {
    if (bar(strategy)) {
      try {
        barEngine(values).strategy(barStrategy(values));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(
            grid.isEmpty() ? "params" : "grid", Objects.toString(e.getMessage(), "invalid"));
      }
      return;
    }
    for (Map.Entry<String, Double> e : values.entrySet()) {
      String k = e.getKey();
      double v = e.getValue();
      boolean whole = k.equals("levels") || k.equals("leverage");
      boolean ok =
          Double.isFinite(v)
              && (k.equals("levelSpread") ? v >= 0 : v > 0)
              && (!whole || v >= 1 && v <= 125 && v == Math.rint(v))
              && (!k.equals("spread") || v < 1);
      if (!ok) {
        String must =
            whole
                ? "a whole number from 1 to 125"
                : k.equals("spread") ? "a fraction of the mid in (0, 1)" : "a number > 0";
        throw ApiException.invalid(
            (grid.containsKey(k) ? "grid." : "params.") + k, "must be " + must);
      }
    }
  }

  String describeData() {
    return file == null
        ? minutes + " min of synthetic " + symbol + " (seed " + seed + ")"
        : file.getFileName() + " (" + format + ")";
  }

  /** The symbol's trading rules (min notional 5, like Binance's USDT-margined futures). */
  Instrument instrument() {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(
            symbol.endsWith("USDT") && symbol.length() > 4
                ? symbol.substring(0, symbol.length() - 4)
                : symbol)
        .quoteAsset("USDT")
        .tickSize(tick)
        .minPrice(tick)
        .maxPrice(new BigDecimal("10000000"))
        .stepSize(step)
        .minQty(step)
        .maxQty(new BigDecimal("100000"))
        .minNotional(new BigDecimal("5"))
        .build();
  }

  /** Opens a fresh source each call (a backtest opens one per run). */
  Supplier<MarketDataSource> source() {
    Path f = file;
    TickScale scale = TickScale.of(tick);
    if (f == null) {
      SyntheticMarket.Config config =
          SyntheticMarket.Config.builder()
              .symbol(symbol)
              .tickSize(tick)
              .lotSize(step.toPlainString())
              .startTimeMillis(SYNTHETIC_START)
              .duration(Duration.ofMinutes(minutes))
              .dailyVolatility(0.08)
              .tradeRatePerSecond(8)
              .seed(seed)
              .build();
      return () -> MarketDataSources.synthetic(config);
    }
    return switch (format) {
      case "klines" -> () -> MarketDataSources.klinesCsv(f, symbol, scale);
      case "trades" -> () -> MarketDataSources.tradesCsv(f, symbol, scale);
      case "aggtrades" -> () -> MarketDataSources.aggTradesCsv(f, symbol, scale);
      default -> () -> MarketDataSources.binanceRecording(f, Map.of(symbol, scale));
    };
  }

  /** The backtest of one parameter combination over {@code data}. */
  Backtest backtest(Map<String, Double> values, Supplier<MarketDataSource> data) {
    return Backtest.builder()
        .data(data)
        .instrument(instrument())
        .bot(ACCOUNT, AccountSetup.usdt(balance), bot(values))
        .build();
  }

  private BotFactory bot(Map<String, Double> values) {
    if (bar(strategy)) {
      return (exchange, clock) -> {
        StrategyEngine engine =
            barEngine(values)
                .exchange(exchange)
                .scheduler(clock)
                .symbol(symbol)
                .strategy(barStrategy(values))
                .build();
        return Bot.of(engine::start, engine::stop);
      };
    }
    return (exchange, clock) -> {
      Strategy s = Strategies.fixedSpread();
      if (strategy.equals("inventory-skew")) {
        s = Strategies.inventorySkew(s, 0.0, get(values, "skew"));
      }
      QuoteParameters q = QuoteParameters.of(decimal(values, "spread"), decimal(values, "amount"));
      int levels = (int) Math.rint(get(values, "levels"));
      if (levels > 1) {
        q = q.withLevels(levels, decimal(values, "levelSpread"), BigDecimal.ZERO);
      }
      MarketMaker mm =
          MarketMaker.builder()
              .name(ACCOUNT)
              .exchange(exchange)
              .symbol(symbol)
              .strategy(s)
              .parameters(q)
              .riskLimits(RiskLimits.builder().maxPosition(decimal(values, "maxPosition")).build())
              .leverage((int) Math.rint(get(values, "leverage")))
              .scheduler(clock)
              .build();
      return Bot.of(mm::start, mm::stop);
    };
  }

  private StrategyEngine.Builder barEngine(Map<String, Double> v) {
    return StrategyEngine.builder()
        .name("bars")
        .interval(interval)
        .sizing(Sizing.quantity(decimal(v, "quantity")))
        .stopLoss(get(v, "stopLoss"))
        .takeProfit(get(v, "takeProfit"))
        .trailingStop(get(v, "trailingStop"));
  }

  private BarStrategy barStrategy(Map<String, Double> v) {
    return strategy.equals("rsi")
        ? dev.tradekit.strategy.Strategies.rsi(
            (int) Math.rint(get(v, "period")), get(v, "lower"), get(v, "upper"))
        : dev.tradekit.strategy.Strategies.smaCross(
            (int) Math.rint(get(v, "fast")), (int) Math.rint(get(v, "slow")));
  }

  private static double get(Map<String, Double> v, String k) {
    return Objects.requireNonNull(v.get(k), k);
  }

  private static BigDecimal decimal(Map<String, Double> v, String k) {
    return new BigDecimal(Double.toString(get(v, k)));
  }

  /** The parameters of the command line's {@code backtest} for market makers, with defaults. */
  private static Map<String, Double> mmDefaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("spread", 0.0002);
    d.put("amount", 0.002);
    d.put("levels", 1.0);
    d.put("levelSpread", 0.0002);
    d.put("maxPosition", 0.05);
    d.put("leverage", 5.0);
    d.put("skew", 2.0);
    return java.util.Collections.unmodifiableMap(d);
  }

  /** The parameters of the command line's bar strategies, with defaults. */
  private static Map<String, Double> barDefaults() {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("fast", 50.0);
    d.put("slow", 200.0);
    d.put("period", 14.0);
    d.put("lower", 30.0);
    d.put("upper", 70.0);
    d.put("quantity", 0.01);
    d.put("stopLoss", 0.0);
    d.put("takeProfit", 0.0);
    d.put("trailingStop", 0.0);
    return java.util.Collections.unmodifiableMap(d);
  }

  /** The request as stored with the job (defaults filled in). */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("strategy", strategy);
    m.put("params", params);
    if (!grid.isEmpty()) {
      Map<String, List<Double>> g = new LinkedHashMap<>();
      grid.forEach(
          (k, v) -> {
            List<Double> l = new ArrayList<>();
            for (double x : v) {
              l.add(x);
            }
            g.put(k, l);
          });
      m.put("grid", g);
      m.put("metric", metric);
    }
    if (bar(strategy)) {
      m.put("interval", interval.code());
    }
    m.put("balance", balance.toPlainString());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", file == null ? "synthetic" : "file");
    d.put("symbol", symbol);
    if (file == null) {
      d.put("minutes", minutes);
      d.put("seed", seed);
    } else {
      d.put("file", Objects.requireNonNull(file.getFileName()).toString());
      d.put("format", format);
    }
    m.put("data", d);
    return m;
  }

  /** How long the data runs in event time, when known up front (the synthetic market). */
  long syntheticMillis() {
    return minutes * 60_000L;
  }
}
