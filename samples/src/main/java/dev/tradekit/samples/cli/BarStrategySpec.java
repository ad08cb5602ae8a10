package dev.tradekit.samples.cli;

import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.BotFactory;
import dev.tradekit.strategy.BarStrategy;
import dev.tradekit.strategy.Sizing;
import dev.tradekit.strategy.Strategies;
import dev.tradekit.strategy.StrategyEngine;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Strategy;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * A bar strategy chosen on the command line ({@code --strategy sma-cross | rsi | ta4j-sma-cross |
 * ta4j-rsi}) with its {@code --param} values, as a backtest bot.
 */
final class BarStrategySpec {
  static final List<String> NAMES = List.of("sma-cross", "rsi", "ta4j-sma-cross", "ta4j-rsi");

  private final String name;
  private final Map<String, Double> values;
  private final KlineInterval interval;

  private BarStrategySpec(String name, Map<String, Double> values, KlineInterval interval) {
    this.name = name;
    this.values = values;
    this.interval = interval;
  }

  static boolean isBarStrategy(String name) {
    return NAMES.contains(name);
  }

  private static Map<String, Double> defaults() {
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
    return d;
  }

  /**
   * Validates {@code params} for bar strategy {@code name}.
   *
   * @throws UserError naming an unknown or out-of-range parameter
   */
  static BarStrategySpec of(String name, Map<String, Double> params, String intervalCode) {
    Map<String, Double> v = defaults();
    for (Map.Entry<String, Double> e : params.entrySet()) {
      if (!v.containsKey(e.getKey())) {
        throw new UserError(
            "unknown parameter '"
                + e.getKey()
                + "' for "
                + name
                + ": use "
                + String.join(", ", v.keySet())
                + " (e.g. --param fast=20)");
      }
      v.put(e.getKey(), e.getValue());
    }
    KlineInterval interval;
    try {
      interval = KlineInterval.fromCode(intervalCode);
    } catch (IllegalArgumentException e) {
      throw new UserError("--interval: " + e.getMessage());
    }
    BarStrategySpec spec = new BarStrategySpec(name, v, interval);
    try {
      spec.strategy(); // validates the periods and levels
      spec.engine(null, null);
    } catch (IllegalArgumentException e) {
      throw new UserError("--param: " + e.getMessage());
    }
    return spec;
  }

  private int whole(String key) {
    return (int) Math.rint(Objects.requireNonNull(values.get(key), key));
  }

  private double number(String key) {
    return Objects.requireNonNull(values.get(key), key);
  }

  /** A new strategy object (one per run: strategies keep state). */
  BarStrategy strategy() {
    int fast = whole("fast");
    int slow = whole("slow");
    int period = whole("period");
    double lower = number("lower");
    double upper = number("upper");
    return switch (name) {
      case "sma-cross" -> Strategies.smaCross(fast, slow);
      case "rsi" -> Strategies.rsi(period, lower, upper);
      case "ta4j-sma-cross" -> {
        Strategies.smaCross(fast, slow); // the same validation
        yield Ta4jBarStrategy.longOnly(s -> smaCross(s, fast, slow), 2 * slow);
      }
      case "ta4j-rsi" -> {
        Strategies.rsi(period, lower, upper);
        yield Ta4jBarStrategy.longOnly(s -> rsi(s, period, lower, upper), 10 * period);
      }
      default -> throw new UserError("unknown bar strategy '" + name + "'");
    };
  }

  static Strategy smaCross(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    return new BaseStrategy(
        "sma-cross", new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
  }

  static Strategy rsi(BarSeries series, int period, double lower, double upper) {
    RSIIndicator r = new RSIIndicator(new ClosePriceIndicator(series), period);
    return new BaseStrategy(
        "rsi", new CrossedDownIndicatorRule(r, lower), new CrossedUpIndicatorRule(r, upper));
  }

  private StrategyEngine.Builder engine(
      dev.tradekit.api.@org.jspecify.annotations.Nullable Exchange exchange,
      dev.tradekit.api.runtime.@org.jspecify.annotations.Nullable Scheduler scheduler) {
    StrategyEngine.Builder b =
        StrategyEngine.builder()
            .name("bars")
            .interval(interval)
            .sizing(Sizing.quantity(new BigDecimal(Double.toString(number("quantity")))))
            .stopLoss(number("stopLoss"))
            .takeProfit(number("takeProfit"))
            .trailingStop(number("trailingStop"));
    if (exchange != null && scheduler != null) {
      b.exchange(exchange).scheduler(scheduler);
    }
    return b;
  }

  /** A backtest bot running this strategy on {@code symbol}. */
  BotFactory botFactory(String symbol) {
    return (exchange, clock) -> {
      StrategyEngine engine = engine(exchange, clock).symbol(symbol).strategy(strategy()).build();
      return Bot.of(engine::start, engine::stop);
    };
  }

  @Override
  public String toString() {
    return name + " " + interval.code() + " " + values;
  }
}
