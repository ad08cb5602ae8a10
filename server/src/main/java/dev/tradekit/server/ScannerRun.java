package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.scanner.FeedSubscriber;
import dev.tradekit.scanner.FeedSubscription;
import dev.tradekit.scanner.FeedTier;
import dev.tradekit.scanner.HotPoolStore;
import dev.tradekit.scanner.LargeOrder;
import dev.tradekit.scanner.Scanner;
import dev.tradekit.scanner.ScannerMetrics;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@code scanner} bot: one {@link Scanner} on the bot's account, scanning as many of the venue's
 * most traded symbols as the definition lists, with {@code minNotional} as the smallest wall; its
 * hot pool is kept in {@code scanner-<bot id>.json} in the journal folder. Every hot-pool update
 * (the VIP tier) goes out on the event stream as {@code bot.scanner.update}. The scanner places no
 * orders. The status carries the hot pool with each order's latest weight and category (from those
 * updates), the observer pool and the scan's request-weight budget.
 */
final class ScannerRun implements BotRun {
  private final Exchange exchange;
  private final Scanner engine;
  private final List<String> symbols;
  private final String feedKey = Ids.token(18);
  private @Nullable FeedSubscription subscription;
  private final BotContext ctx;
  private volatile boolean paused;
  private final Map<String, Map<String, Object>> scores = new ConcurrentHashMap<>();

  @SuppressWarnings("unchecked")
  ScannerRun(BotContext ctx, String keyId, Map<String, Object> config) {
    this.ctx = ctx;
    this.exchange = ctx.open(keyId);
    this.symbols = (List<String>) java.util.Objects.requireNonNull(config.get("symbols"));
    this.engine =
        Scanner.builder()
            .exchange(exchange)
            .scheduler(ctx.scheduler)
            .topSymbols(this.symbols.size())
            .minUsd(new BigDecimal(String.valueOf(config.get("minNotional"))).doubleValue())
            .vipKeys(Set.of(feedKey))
            .promotionAge(Duration.ofSeconds(promotionSeconds(config)))
            .hotPoolStore(
                HotPoolStore.jsonFile(ctx.journalDir.resolve("scanner-" + ctx.botId + ".json")))
            .build();
  }

  /** How long a wall must stand before it enters the hot pool: 60 s unless configured. */
  private static long promotionSeconds(Map<String, Object> config) {
    Object v = config.get("promotionSeconds");
    return v instanceof Number n ? n.longValue() : 60;
  }

  @Override
  public CompletableFuture<Void> start() {
    subscription =
        engine
            .feed()
            .subscribe(
                FeedTier.VIP,
                feedKey,
                FeedSubscriber.accepting(
                    json -> {
                      Object update = Json.readAny(json);
                      remember(update);
                      if (!paused) {
                        ctx.event("bot.scanner.update", Map.of("update", update));
                      }
                    }));
    engine.start();
    return CompletableFuture.completedFuture(null);
  }

  /** Keeps the weight and category of the order an update names (the hot pool table shows them). */
  private void remember(@Nullable Object update) {
    if (update instanceof Map<?, ?> u && u.get("id") instanceof String id) {
      if ("DEAD".equals(u.get("stage"))) {
        scores.remove(id);
        return;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("weight", u.get("weight"));
      m.put("category", u.get("category"));
      scores.put(id, m);
    }
  }

  @Override
  public CompletableFuture<Void> stop() {
    FeedSubscription s = subscription;
    if (s != null) {
      s.close();
    }
    engine.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> emergencyStop(boolean flatten) {
    return stop();
  }

  private Map<String, Object> scored(LargeOrder o) {
    Map<String, Object> m = order(o);
    Map<String, Object> score = scores.get(o.id());
    m.put("weight", score == null ? null : score.get("weight"));
    m.put("category", score == null ? null : score.get("category"));
    return m;
  }

  private static Map<String, Object> order(LargeOrder o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("symbol", o.symbol());
    m.put("side", o.side().name());
    m.put("price", EngineJson.dec(o.price()));
    m.put("quantity", o.quantity());
    m.put("stage", o.stage().name());
    m.put("usdValue", Math.round(o.usdValue() * 100) / 100.0);
    m.put("firstSeen", o.firstSeen());
    m.put("lastSeen", o.lastSeen());
    return m;
  }

  /** Keeps scanning and keeping its hot pool, but publishes no updates until resumed. */
  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  /** The hot pool, the observer pool, the walls tracked and the request weight used. */
  @Override
  public List<BotMeters.GaugeSpec> gauges() {
    return List.of(
        new BotMeters.GaugeSpec(
            "tradekit.bot.scanner.hot.pool",
            "Large orders in the scanner's hot pool",
            null,
            () -> engine.hotOrders().size()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.scanner.candidates",
            "Large orders under observation before the hot pool",
            null,
            () -> engine.candidates().size()),
        new BotMeters.GaugeSpec(
            "tradekit.bot.scanner.weight.used",
            "Request weight the scan used of the venue's budget",
            null,
            () -> engine.metrics().weightUsed()));
  }

  @Override
  public Map<String, Object> status() {
    ScannerMetrics mt = engine.metrics();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("engine", "Scanner");
    m.put("paused", paused);
    m.put("health", engine.health().status().name());
    m.put("problems", engine.health().problems());
    m.put("scansCompleted", mt.scansCompleted());
    m.put("venueCalls", mt.venueCalls());
    m.put("activeOrders", mt.activeOrders());
    m.put("hotOrders", engine.hotOrders().stream().map(this::scored).toList());
    m.put("candidates", engine.candidates().size());
    m.put("observerPool", engine.candidates().stream().map(ScannerRun::order).toList());
    m.put("weightUsed", mt.weightUsed());
    m.put("weightLimit", mt.weightLimit());
    m.put("rateLimitHits", mt.rateLimitHits());
    m.put("time", ctx.scheduler.currentTimeMillis());
    return m;
  }

  @Override
  public List<Map<String, Object>> openOrders() {
    return List.of();
  }

  @Override
  public List<Map<String, Object>> recent(int offset, int limit, Map<String, String> filter) {
    return engine.hotOrders().stream().skip(offset).limit(limit).map(ScannerRun::order).toList();
  }

  @Override
  public Map<String, Exchange> accounts() {
    return Map.of("bot", exchange);
  }

  @Override
  public void apply(Map<String, Object> before, Map<String, Object> after) {
    if (!before.equals(after)) {
      throw BotRun.restartRequired("a scanner's symbols and threshold");
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
