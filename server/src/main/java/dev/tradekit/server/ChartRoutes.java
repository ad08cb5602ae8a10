package dev.tradekit.server;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.server.Http.Access;
import dev.tradekit.server.Http.Call;
import dev.tradekit.server.Http.Reply;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The reads the dashboard's charts need: {@code GET /api/bots/{id}/klines}, candles from the venue
 * the running bot trades on (through its account's {@code MarketData}), so its fills and open
 * orders can be drawn on the price. The symbol is the {@code symbol} query parameter, else the
 * bot's configured symbol, else the symbol of its newest copy (a copier). And {@code GET
 * /api/bots/{id}/equity}, the bot's stored equity history ({@link EquitySampler}), running or not.
 */
final class ChartRoutes {
  static final int DEFAULT_LIMIT = 120;
  static final int MAX_LIMIT = 500;
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,30}");

  /** The most equity samples one answer holds (the retention's upper bound). */
  static final int MAX_EQUITY = 100_000;

  private final Api api;
  private final Bots bots;
  private final Store store;

  ChartRoutes(Api api, Bots bots, Store store) {
    this.api = api;
    this.bots = bots;
    this.store = store;
  }

  /** The routes, for {@link Api} to serve. */
  List<Http.Route> routes() {
    return List.of(
        Http.Route.of("GET", "/api/bots/{id}/klines", Access.READ, this::klines),
        Http.Route.of("GET", "/api/bots/{id}/equity", Access.READ, this::equity));
  }

  private Reply equity(Call c) {
    Store.Bot b = api.ownedBot(c);
    long from = millis(c.query().get("from"), "from", 0);
    long to = millis(c.query().get("to"), "to", Long.MAX_VALUE);
    if (from > to) {
      throw ApiException.invalid("from", "must not be after to");
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Store.EquitySample s : store.equity(b.id(), from, to, MAX_EQUITY)) {
      BigDecimal realised = new BigDecimal(s.realisedPnl());
      BigDecimal unrealised = new BigDecimal(s.unrealisedPnl());
      BigDecimal fees = new BigDecimal(s.fees());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", s.at());
      m.put("realisedPnl", EngineJson.dec(realised));
      m.put("unrealisedPnl", EngineJson.dec(unrealised));
      m.put("fees", EngineJson.dec(fees));
      m.put("totalPnl", EngineJson.dec(realised.subtract(fees).add(unrealised)));
      m.put("position", EngineJson.dec(new BigDecimal(s.position())));
      items.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bot", b.id());
    body.put("items", items);
    return Reply.ok(body);
  }

  private static long millis(@Nullable String v, String name, long absent) {
    if (v == null || v.isBlank()) {
      return absent;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid(name, "must be a time in epoch milliseconds (0 or more)");
  }

  private Reply klines(Call c) {
    Store.Bot b = api.ownedBot(c);
    BotRun run = bots.run(b.id());
    if (run == null) {
      throw ApiException.conflict(
          "bot-not-running", "bot " + b.id() + " is " + b.state() + "; start it first");
    }
    KlineInterval interval = interval(c.query().getOrDefault("interval", "1m"));
    int limit = limit(c.query().get("limit"));
    String symbol = symbol(c, b, run);
    Exchange venue = run.accounts().values().iterator().next();
    List<Kline> klines =
        Venue.get(
            venue
                .marketData()
                .klines(
                    KlineQuery.builder().symbol(symbol).interval(interval).limit(limit).build()));
    List<Map<String, Object>> items = new ArrayList<>(klines.size());
    for (Kline k : klines) {
      items.add(candle(k));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("symbol", symbol);
    body.put("interval", interval.code());
    body.put("items", items);
    return Reply.ok(body);
  }

  static Map<String, Object> candle(Kline k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("openTime", k.openTime());
    m.put("closeTime", k.closeTime());
    m.put("open", EngineJson.dec(k.open()));
    m.put("high", EngineJson.dec(k.high()));
    m.put("low", EngineJson.dec(k.low()));
    m.put("close", EngineJson.dec(k.close()));
    m.put("volume", EngineJson.dec(k.volume()));
    return m;
  }

  private static KlineInterval interval(String code) {
    try {
      return KlineInterval.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("interval", "must be a kline interval such as 1m, 5m, 1h or 1d");
    }
  }

  private static int limit(@Nullable String v) {
    if (v == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
  }

  private static String symbol(Call c, Store.Bot b, BotRun run) {
    String given = c.query().get("symbol");
    if (given != null && !given.isBlank()) {
      if (!SYMBOL.matcher(given).matches()) {
        throw ApiException.invalid("symbol", "must be a venue symbol such as BTCUSDT");
      }
      return given;
    }
    Object configured = Json.objectAt(Json.readObject(b.configJson()), "config").get("symbol");
    if (configured != null) {
      return String.valueOf(configured);
    }
    for (Map<String, Object> r : run.recent(0, 1, Map.of())) {
      Object s = r.get("symbol");
      if (s != null) {
        return String.valueOf(s);
      }
    }
    throw ApiException.invalid(
        "symbol", "must be given: this bot has no symbol of its own and has copied nothing yet");
  }
}
