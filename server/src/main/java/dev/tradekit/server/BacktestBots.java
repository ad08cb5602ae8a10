package dev.tradekit.server;

import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.backtest.Bot;
import dev.tradekit.backtest.BotFactory;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.Strategy;
import dev.tradekit.strategy.BarStrategy;
import dev.tradekit.strategy.Sizing;
import dev.tradekit.strategy.StrategyEngine;
import dev.tradekit.strategy.ta4j.Ta4jBarStrategy;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The bot a {@link BacktestSpec} backtests: a market maker ({@code fixed-spread}, {@code
 * inventory-skew}) or a bar strategy engine (SMA cross, RSI, or their ta4j versions) built from the
 * spec's checked parameters.
 *
 * <pre>{@code
 * BotFactory bot = new BacktestBots("rsi", params, KlineInterval.H1, "BTCUSDT").botFactory();
 * }</pre>
 */
record BacktestBots(
    String strategy, Map<String, Double> params, KlineInterval interval, String symbol) {

  /** A backtest bot running the strategy on the symbol, named {@link BacktestSpec#ACCOUNT}. */
  BotFactory botFactory() {
    if (BacktestParams.isBarStrategy(strategy)) {
      return (exchange, clock) -> {
        StrategyEngine engine =
            barEngine().exchange(exchange).scheduler(clock).symbol(symbol).build();
        return Bot.of(engine::start, engine::stop);
      };
    }
    return (exchange, clock) -> {
      Strategy s = Strategies.fixedSpread();
      if (strategy.equals("inventory-skew")) {
        s = Strategies.inventorySkew(s, 0.0, get("skew"));
      }
      QuoteParameters q = QuoteParameters.of(decimal("spread"), decimal("amount"));
      int levels = whole("levels");
      if (levels > 1) {
        q = q.withLevels(levels, decimal("levelSpread"), BigDecimal.ZERO);
      }
      MarketMaker mm =
          MarketMaker.builder()
              .name(BacktestSpec.ACCOUNT)
              .exchange(exchange)
              .symbol(symbol)
              .strategy(s)
              .parameters(q)
              .riskLimits(RiskLimits.builder().maxPosition(decimal("maxPosition")).build())
              .leverage(whole("leverage"))
              .scheduler(clock)
              .build();
      return Bot.of(mm::start, mm::stop);
    };
  }

  /** The engine builder with a fresh strategy (strategies keep state: one per run). */
  StrategyEngine.Builder barEngine() {
    return StrategyEngine.builder()
        .name("bars")
        .interval(interval)
        .sizing(Sizing.quantity(decimal("quantity")))
        .stopLoss(get("stopLoss"))
        .takeProfit(get("takeProfit"))
        .trailingStop(get("trailingStop"))
        .strategy(barStrategy());
  }

  private BarStrategy barStrategy() {
    int fast = whole("fast");
    int slow = whole("slow");
    int period = whole("period");
    double lower = get("lower");
    double upper = get("upper");
    return switch (strategy) {
      case "rsi" -> dev.tradekit.strategy.Strategies.rsi(period, lower, upper);
      case "ta4j-sma-cross" -> {
        dev.tradekit.strategy.Strategies.smaCross(fast, slow); // the same validation
        yield Ta4jBarStrategy.longOnly(s -> ta4jSmaCross(s, fast, slow), 2 * slow);
      }
      case "ta4j-rsi" -> {
        dev.tradekit.strategy.Strategies.rsi(period, lower, upper);
        yield Ta4jBarStrategy.longOnly(s -> ta4jRsi(s, period, lower, upper), 10 * period);
      }
      default -> dev.tradekit.strategy.Strategies.smaCross(fast, slow);
    };
  }

  private static org.ta4j.core.Strategy ta4jSmaCross(BarSeries series, int fast, int slow) {
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator f = new SMAIndicator(close, fast);
    SMAIndicator s = new SMAIndicator(close, slow);
    return new BaseStrategy(
        "sma-cross", new CrossedUpIndicatorRule(f, s), new CrossedDownIndicatorRule(f, s));
  }

  private static org.ta4j.core.Strategy ta4jRsi(
      BarSeries series, int period, double lower, double upper) {
    RSIIndicator r = new RSIIndicator(new ClosePriceIndicator(series), period);
    return new BaseStrategy(
        "rsi", new CrossedDownIndicatorRule(r, lower), new CrossedUpIndicatorRule(r, upper));
  }

  private double get(String k) {
    return Objects.requireNonNull(params.get(k), k);
  }

  private int whole(String k) {
    return (int) Math.rint(get(k));
  }

  private BigDecimal decimal(String k) {
    return new BigDecimal(Double.toString(get(k)));
  }
}
