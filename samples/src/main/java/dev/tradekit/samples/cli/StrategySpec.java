package dev.tradekit.samples.cli;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.BotFactory;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.Strategy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A market-maker strategy by name with its numeric parameters, as {@code backtest} and {@code
 * optimize} take them ({@code --strategy inventory-skew --param spread=0.0003}); unnamed parameters
 * keep their defaults.
 */
final class StrategySpec {
  /** The strategies the command line knows. */
  static final String NAMES = "fixed-spread, inventory-skew";

  /** Every parameter with its default, in the order tables show them. */
  static final Map<String, Double> DEFAULTS = defaults();

  private static final Map<String, String> MEANING =
      Map.of(
          "levels", "a whole number >= 1",
          "leverage", "a whole number >= 1",
          "skew", "a number > 0",
          "levelSpread", "a number >= 0");

  private final String strategy;
  private final Map<String, Double> values;

  private StrategySpec(String strategy, Map<String, Double> values) {
    this.strategy = strategy;
    this.values = values;
  }

  private static Map<String, Double> defaults() {
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

  /**
   * Checks the strategy name and every parameter.
   *
   * @throws UserError naming the unknown strategy or the bad parameter and what it must be
   */
  static StrategySpec of(String strategy, Map<String, Double> params) {
    String name = strategy.trim().toLowerCase(Locale.ROOT);
    if (!name.equals("fixed-spread") && !name.equals("inventory-skew")) {
      throw new UserError("unknown strategy '" + strategy + "': use --strategy " + orList());
    }
    Map<String, Double> values = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, Double> p : params.entrySet()) {
      checkName(p.getKey());
      values.put(p.getKey(), check(p.getKey(), p.getValue()));
    }
    return new StrategySpec(name, values);
  }

  private static String orList() {
    return NAMES.replace(", ", " or ");
  }

  /**
   * @throws UserError if {@code name} is not a parameter
   */
  static void checkName(String name) {
    if (!DEFAULTS.containsKey(name)) {
      throw new UserError(
          "unknown parameter '"
              + name
              + "': use "
              + String.join(", ", DEFAULTS.keySet())
              + " (e.g. --param spread=0.0003)");
    }
  }

  /**
   * @throws UserError if {@code value} is out of range for {@code name}
   */
  static double check(String name, double value) {
    boolean whole = name.equals("levels") || name.equals("leverage");
    boolean zeroOk = name.equals("levelSpread");
    boolean ok =
        Double.isFinite(value)
            && (zeroOk ? value >= 0 : value > 0)
            && (!whole || value >= 1 && value == Math.rint(value))
            && (!name.equals("spread") || value < 1);
    if (!ok) {
      String must =
          MEANING.getOrDefault(
              name, name.equals("spread") ? "a fraction of the mid in (0, 1)" : "a number > 0");
      throw new UserError(
          "parameter "
              + name
              + "="
              + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
              + " is out of range: it must be "
              + must);
    }
    return value;
  }

  String strategy() {
    return strategy;
  }

  /** Every parameter's value, defaults included. */
  Map<String, Double> values() {
    return values;
  }

  private BigDecimal decimal(String name) {
    return new BigDecimal(Double.toString(Objects.requireNonNull(values.get(name), name)));
  }

  private int whole(String name) {
    return (int) Math.rint(Objects.requireNonNull(values.get(name), name));
  }

  /** A market maker named {@code name} with these settings on {@code exchange}. */
  MarketMaker marketMaker(String name, String symbol, Exchange exchange, Scheduler scheduler) {
    Strategy s = Strategies.fixedSpread();
    if (strategy.equals("inventory-skew")) {
      s = Strategies.inventorySkew(s, 0.0, Objects.requireNonNull(values.get("skew"), "skew"));
    }
    QuoteParameters q = QuoteParameters.of(decimal("spread"), decimal("amount"));
    if (whole("levels") > 1) {
      q = q.withLevels(whole("levels"), decimal("levelSpread"), BigDecimal.ZERO);
    }
    return MarketMaker.builder()
        .name(name)
        .exchange(exchange)
        .symbol(symbol)
        .strategy(s)
        .parameters(q)
        .riskLimits(RiskLimits.builder().maxPosition(decimal("maxPosition")).build())
        .leverage(whole("leverage"))
        .scheduler(scheduler)
        .build();
  }

  /** A backtest bot running this market maker. */
  BotFactory botFactory(String name, String symbol) {
    return (exchange, clock) -> {
      MarketMaker mm = marketMaker(name, symbol, exchange, clock);
      return new Bot() {
        @Override
        public void start() {
          mm.start();
        }

        @Override
        public void stop() {
          mm.stop();
        }
      };
    };
  }
}
