package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.marketmaker.Direction;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.marketmaker.QuoteParameters;
import dev.tradekit.marketmaker.Strategies;
import dev.tradekit.marketmaker.Strategy;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@code market-maker}, {@code grid} or {@code dca} bot: one {@link MarketMaker} on the bot's
 * account. Quoting parameters (spread, size, ladder shape) and the market maker's strategy change
 * live; the symbol, a grid's range and a DCA plan need a restart (those strategies hold their deal
 * state).
 */
final class MarketMakerRun implements BotRun {
  private static final BigDecimal BPS = new BigDecimal("10000");
  private static final Duration MAX_BOOK_AGE = Duration.ofSeconds(30);

  private final String kind;
  private final Exchange exchange;
  private final MarketMaker engine;
  private final String symbol;
  private final FillLog fills;
  private final AtomicBoolean paused = new AtomicBoolean();
  private final RiskLimits limits;

  MarketMakerRun(BotContext ctx, String kind, String keyId, Map<String, Object> config) {
    this.kind = kind;
    this.exchange = ctx.open(keyId);
    this.symbol = str(config, "symbol");
    this.limits = risk(config);
    this.fills = new FillLog(FillLog.file(ctx.journalDir, ctx.botId), ctx.botId);
    try {
      MarketMaker.Builder b =
          MarketMaker.builder()
              .name(ctx.engineName())
              .exchange(exchange)
              .symbol(str(config, "symbol"))
              .strategy(Strategies.pausable(strategy(kind, config), paused::get))
              .riskLimits(limits)
              .scheduler(ctx.scheduler)
              .listener(
                  e -> {
                    if (e instanceof TradingEvent.OrderFilled f) {
                      fills.add(f.fill());
                    }
                    Map.Entry<String, Map<String, Object>> ev = EngineJson.event(e);
                    ctx.event(ev.getKey(), ev.getValue());
                  });
      // grid and DCA do not read the quoting parameters; the engine only needs some, and the
      // pause wrapper hides the strategy type it would otherwise recognise them by
      b.parameters(
          kind.equals("market-maker")
              ? parameters(config)
              : QuoteParameters.of(BigDecimal.ZERO, BigDecimal.ONE));
      this.engine = b.build();
    } catch (RuntimeException e) {
      fills.close();
      throw e;
    }
  }

  private static String str(Map<String, Object> m, String key) {
    return String.valueOf(Objects.requireNonNull(m.get(key), key));
  }

  private static BigDecimal dec(Map<String, Object> m, String key) {
    return new BigDecimal(str(m, key));
  }

  private static double num(Map<String, Object> m, String key) {
    return ((Number) Objects.requireNonNull(m.get(key), key)).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Map<String, Object> config) {
    return (Map<String, Object>) Objects.requireNonNull(config.get("parameters"), "parameters");
  }

  private static BigDecimal bps(double bps) {
    return new BigDecimal(Double.toString(bps)).divide(BPS, MathContext.DECIMAL64);
  }

  /** The limits of a definition's optional {@code risk} object, with a 30 s book-age limit. */
  @SuppressWarnings("unchecked")
  static RiskLimits risk(Map<String, Object> config) {
    RiskLimits.Builder r = RiskLimits.builder().maxBookAge(MAX_BOOK_AGE);
    Object o = config.get("risk");
    if (o instanceof Map<?, ?>) {
      Map<String, Object> m = (Map<String, Object>) o;
      if (m.get("maxPosition") != null) {
        r.maxPosition(dec(m, "maxPosition"));
      }
      if (m.get("maxLoss") != null) {
        r.maxLoss(dec(m, "maxLoss"));
      }
      if (m.get("maxOpenOrders") != null) {
        r.maxOpenOrders((int) num(m, "maxOpenOrders"));
      }
    }
    return r.build();
  }

  /** The engine strategy a definition names. */
  static Strategy strategy(String kind, Map<String, Object> config) {
    switch (kind) {
      case "grid":
        return Strategies.grid()
            .range(dec(config, "lower"), dec(config, "upper"))
            .count((int) num(config, "levels"))
            .amountPerGrid(dec(config, "quantity"))
            .build();
      case "dca":
        {
          BigDecimal step = bps(num(config, "stepPercent") * 100);
          Object tp = config.get("takeProfitPercent");
          BigDecimal takeProfit = tp == null ? step : bps(((Number) tp).doubleValue() * 100);
          return Strategies.dca()
              .direction(str(config, "side").equals("BUY") ? Direction.LONG : Direction.SHORT)
              .baseOrder(dec(config, "quantity"))
              .safetyOrder(dec(config, "quantity"))
              .priceDeviation(step)
              .maxSafetyOrders((int) num(config, "steps"))
              .takeProfit(takeProfit)
              .build();
        }
      default:
        {
          if (!"avellaneda-stoikov".equals(config.get("strategy"))) {
            return Strategies.fixedSpread();
          }
          Map<String, Object> p = params(config);
          return Strategies.avellaneda()
              .gamma(num(p, "gamma"))
              .kappa(num(p, "kappa"))
              .estimateVolatility(1.0, 0.05, 20)
              .finiteHorizon(Duration.ofSeconds((long) num(p, "horizonSeconds")))
              .build();
        }
    }
  }

  /** The quoting parameters of a {@code market-maker} definition. */
  static QuoteParameters parameters(Map<String, Object> config) {
    Map<String, Object> p = params(config);
    BigDecimal quantity = dec(p, "quantity");
    return switch (str(config, "strategy")) {
      case "fixed-spread" -> QuoteParameters.of(bps(num(p, "spreadBps")), quantity);
      case "ladder" ->
          QuoteParameters.of(bps(num(p, "spreadBps")), quantity)
              .withLevels((int) num(p, "levels"), bps(num(p, "stepBps")), BigDecimal.ZERO);
      default -> QuoteParameters.of(BigDecimal.ZERO, quantity);
    };
  }

  @Override
  public CompletableFuture<Void> start() {
    return engine.start();
  }

  @Override
  public CompletableFuture<Void> stop() {
    return engine.stop();
  }

  @Override
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    // the market maker's stop already halts quoting and cancels every order it has; it never
    // holds a position on purpose, so there is nothing else to flatten
    return engine.stop();
  }

  /** Cancels the bot's quotes at the next cycle and places none until {@link #resume()}. */
  @Override
  public void pause() {
    paused.set(true);
    engine.updateParameters(engine.parameters());
  }

  @Override
  public void resume() {
    paused.set(false);
    engine.updateParameters(engine.parameters());
  }

  /**
   * Realised PnL (before fees) and fees since the engine started, unrealised PnL (all in the
   * symbol's margin asset), the position (inventory, base units) and the resting orders, from the
   * engine's status.
   */
  @Override
  public List<BotMeters.GaugeSpec> gauges() {
    return List.of(
        new BotMeters.GaugeSpec(
            "tradekit.bot.pnl.realised",
            "Realised PnL before fees since the engine started, in the margin asset",
            null,
            () -> engine.status().realisedPnl().doubleValue()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.pnl.unrealised",
            "Unrealised PnL of the position, in the margin asset",
            null,
            () -> engine.status().unrealisedPnl().doubleValue()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.fees",
            "Fees paid since the engine started, in the margin asset",
            null,
            () -> engine.status().fees().doubleValue()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.inventory",
            "The market maker's signed position (inventory), base units",
            null,
            () -> engine.status().position().doubleValue()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.open.orders",
            "The bot's resting orders as the venue last reported them",
            null,
            () -> engine.status().openOrders().size()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.book.age",
            "Time from the last order book the engine saw to its scheduler's clock",
            "seconds",
            () -> {
              long age = engine.bookAgeMillis();
              return age < 0 ? Double.NaN : age / 1000.0;
            }));
  }

  @Override
  public Map<String, Object> status() {
    MarketMakerStatus s = engine.status();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "MarketMaker");
    m.put("state", s.state());
    m.put("paused", paused.get());
    m.put("symbol", s.symbol());
    m.put("mid", EngineJson.dec(s.mid()));
    m.put("position", EngineJson.dec(s.position()));
    m.put("entryPrice", EngineJson.dec(s.entryPrice()));
    m.put("balance", EngineJson.dec(s.balance()));
    m.put("unrealisedPnl", EngineJson.dec(s.unrealisedPnl()));
    m.put("realisedPnl", EngineJson.dec(s.realisedPnl()));
    m.put("fees", EngineJson.dec(s.fees()));
    m.put("totalPnl", EngineJson.dec(s.totalPnl()));
    m.put("leverage", s.leverage());
    m.put("openOrders", s.openOrders().size());
    m.put("ordersPlaced", s.ordersPlaced());
    m.put("ordersCancelled", s.ordersCancelled());
    m.put("ordersAmended", s.ordersAmended());
    m.put("fills", s.fills());
    m.put("spread", EngineJson.dec(engine.parameters().bidSpread()));
    m.put("lastError", s.lastError());
    m.put("risk", riskUse(s));
    return m;
  }

  /** The engine's PnL and position now, as one point of the bot's stored equity history. */
  Store.EquitySample equitySample(String botId, long at) {
    MarketMakerStatus s = engine.status();
    return new Store.EquitySample(
        botId,
        at,
        s.realisedPnl().toPlainString(),
        s.unrealisedPnl().toPlainString(),
        s.fees().toPlainString(),
        s.position().toPlainString());
  }

  /**
   * Each limit the engine runs with, next to the figure it bounds, so a page can show how close
   * each one is: {name, limit, current} (decimals as strings; null limit = none set).
   */
  private List<Map<String, Object>> riskUse(MarketMakerStatus s) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(limit("maxPosition", limits.maxPosition(), s.position().abs()));
    BigDecimal loss = s.totalPnl().negate().max(BigDecimal.ZERO);
    out.add(limit("maxLoss", limits.maxLoss(), loss));
    out.add(
        limit(
            "maxOpenOrders",
            limits.maxOpenOrders() == 0 ? null : BigDecimal.valueOf(limits.maxOpenOrders()),
            BigDecimal.valueOf(s.openOrders().size())));
    out.add(limit("maxBookAgeSeconds", BigDecimal.valueOf(limits.maxBookAge().toSeconds()), null));
    return out;
  }

  private static Map<String, Object> limit(
      String name,
      @org.jspecify.annotations.Nullable BigDecimal limit,
      @org.jspecify.annotations.Nullable BigDecimal current) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("limit", EngineJson.dec(limit));
    m.put("current", EngineJson.dec(current));
    return m;
  }

  @Override
  public List<Map<String, Object>> openOrders() {
    return engine.status().openOrders().stream().map(EngineJson::order).toList();
  }

  /** The bot's fills of every run, newest first (from its fill log). */
  @Override
  public List<Map<String, Object>> recent(int offset, int limit, Map<String, String> filter) {
    return fills.page(offset, limit, filter.get("symbol"), filter.get("side"));
  }

  /**
   * The bot's own result from its fill log (every run, only its own orders even when the account is
   * shared): realized PnL in the symbol's margin asset and commissions by asset, in total and
   * today; the unrealized PnL of the account's position in the bot's symbol. Funding is left out:
   * the venue books it per account and symbol, not per order.
   */
  Map<String, Object> pnl(long midnight) {
    String asset = Venue.get(exchange.marketData().instrument(symbol)).marginAsset();
    Map<String, Object> currencies = new LinkedHashMap<>();
    fills
        .totals(asset, midnight)
        .forEach(
            (a, m) -> {
              Map<String, Object> c = new LinkedHashMap<>();
              m.forEach((k, v) -> c.put(k, EngineJson.dec(v)));
              currencies.put(a, c);
            });
    BigDecimal unrealized = BigDecimal.ZERO;
    for (var p : Venue.get(exchange.account().positions())) {
      if (p.symbol().equals(symbol)) {
        unrealized = unrealized.add(p.unrealizedPnl());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("counts", "bot-fills");
    body.put("symbol", symbol);
    body.put("currencies", currencies);
    body.put("unrealizedPnl", EngineJson.dec(unrealized));
    return body;
  }

  @Override
  public Map<String, Exchange> accounts() {
    return Map.of("bot", exchange);
  }

  @Override
  public void apply(Map<String, Object> before, Map<String, Object> after) {
    if (!Objects.equals(before.get("symbol"), after.get("symbol"))) {
      throw BotRun.restartRequired("symbol");
    }
    // compared as limits, not as maps: a stored 4 and a sent 4.0 are the same limit
    if (!risk(before).equals(risk(after))) {
      throw BotRun.restartRequired("the risk limits");
    }
    if (!kind.equals("market-maker")) {
      if (!before.equals(after)) {
        throw BotRun.restartRequired("the " + kind + " plan");
      }
      return;
    }
    boolean sameStrategy = Objects.equals(before.get("strategy"), after.get("strategy"));
    if (!sameStrategy || "avellaneda-stoikov".equals(after.get("strategy"))) {
      try {
        engine
            .updateStrategy(Strategies.pausable(strategy(kind, after), paused::get))
            .orTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
            .join();
      } catch (java.util.concurrent.CompletionException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        throw new ApiException(
            422,
            "invalid-change",
            "Invalid change",
            "the market maker refused the new strategy: " + c.getMessage(),
            "config");
      }
    }
    engine.updateParameters(parameters(after));
  }

  @Override
  public void close() {
    // the context closes the exchange and the scheduler
    fills.close();
  }
}
