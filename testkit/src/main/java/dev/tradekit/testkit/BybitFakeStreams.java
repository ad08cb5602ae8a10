package dev.tradekit.testkit;

import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.KlineAggregator;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Bybit's two WebSockets on the simulated venue: {@code /v5/public/linear} ({@code
 * orderbook.{depth}.{symbol}} as a snapshot then deltas of the top levels with {@code u}/{@code
 * seq} one apart, {@code publicTrade}, {@code tickers}, {@code kline} built from the trades) and
 * {@code /v5/private} ({@code auth} checked against the account's secret, then {@code order},
 * {@code execution}, {@code position} and {@code wallet} of that account). Ops answer as Bybit does
 * ({@code success}, {@code ret_msg}, {@code op}); {@code ping} gets {@code pong}. Market events
 * arrive on the venue's thread; frozen sockets get nothing.
 */
final class BybitFakeStreams {
  private static final Map<String, KlineInterval> INTERVALS =
      Map.ofEntries(
          Map.entry("1", KlineInterval.M1),
          Map.entry("3", KlineInterval.M3),
          Map.entry("5", KlineInterval.M5),
          Map.entry("15", KlineInterval.M15),
          Map.entry("30", KlineInterval.M30),
          Map.entry("60", KlineInterval.H1),
          Map.entry("120", KlineInterval.H2),
          Map.entry("240", KlineInterval.H4),
          Map.entry("360", KlineInterval.H6),
          Map.entry("720", KlineInterval.H12),
          Map.entry("D", KlineInterval.D1),
          Map.entry("W", KlineInterval.W1));

  private final SimVenue venue;
  private final VenueDriver driver;
  private final Map<String, Instrument> instruments;
  private final Map<String, String> secrets;
  private final Faults faults;
  private final LongSupplier serverTime;
  private final BybitFakeDcp dcp;
  private final List<WsSocket> publicSockets = new CopyOnWriteArrayList<>();
  private final List<WsSocket> privateSockets = new CopyOnWriteArrayList<>();
  private final Map<WsSocket, String> authenticated = new ConcurrentHashMap<>();
  private final Map<WsSocket, Map<String, Book>> books = new ConcurrentHashMap<>();
  private final Map<String, KlineAggregator> klines = new ConcurrentHashMap<>();
  private long publishTime;

  /** The last top levels sent on one socket's book topic, and its update id. */
  private static final class Book {
    final int depth;
    long u;
    Map<Long, Double> bids = new HashMap<>();
    Map<Long, Double> asks = new HashMap<>();

    Book(int depth) {
      this.depth = depth;
    }
  }

  BybitFakeStreams(
      SimVenue venue,
      VenueDriver driver,
      Map<String, Instrument> instruments,
      Map<String, String> secrets,
      Faults faults,
      LongSupplier serverTime,
      BybitFakeDcp dcp) {
    this.dcp = dcp;
    this.venue = venue;
    this.driver = driver;
    this.instruments = instruments;
    this.secrets = secrets;
    this.faults = faults;
    this.serverTime = serverTime;
  }

  WsSocket openPublic() {
    WsSocket s = new WsSocket(true, null, this::onPublicText, this::closed);
    publicSockets.add(s);
    return s;
  }

  WsSocket openPrivate() {
    WsSocket s = new WsSocket(true, null, this::onPrivateText, this::closed);
    privateSockets.add(s);
    return s;
  }

  private void closed(WsSocket s) {
    publicSockets.remove(s);
    privateSockets.remove(s);
    String apiKey = authenticated.remove(s);
    books.remove(s);
    if (apiKey != null) {
      dcp.closed(apiKey, s);
    }
  }

  /** Disconnects every socket without a close frame. */
  void dropAll() {
    publicSockets.forEach(WsSocket::disconnect);
    privateSockets.forEach(WsSocket::disconnect);
  }

  /** Open public sockets and their topics, for tests waiting on subscriptions. */
  List<WsSocket> publicSockets() {
    return publicSockets;
  }

  // ---------------------------------------------------------------- public

  private void onPublicText(WsSocket s, String text) {
    Map<String, @Nullable Object> msg = object(text);
    String op = String.valueOf(msg.get("op"));
    List<String> args = strings(msg.get("args"));
    switch (op) {
      case "ping" -> s.send(pong());
      case "subscribe" -> {
        driver.run(
            () -> {
              for (String topic : args) {
                subscribe(s, topic);
              }
              return null;
            });
        s.send(reply("subscribe", true, ""));
      }
      case "unsubscribe" -> {
        driver.run(
            () -> {
              for (String topic : args) {
                s.streams.remove(topic);
                Map<String, Book> b = books.get(s);
                if (b != null) {
                  b.remove(topic);
                }
              }
              return null;
            });
        s.send(reply("unsubscribe", true, ""));
      }
      default -> s.send(reply(op, false, "unknown op " + op));
    }
  }

  /** On the venue's thread, so a book snapshot and the deltas after it are in order. */
  private void subscribe(WsSocket s, String topic) {
    String[] parts = topic.split("\\.");
    if (parts.length < 2 || !instruments.containsKey(parts[parts.length - 1])) {
      return;
    }
    String symbol = parts[parts.length - 1];
    s.streams.add(topic);
    switch (parts[0]) {
      case "orderbook" -> {
        Book b = new Book(Integer.parseInt(parts[1]));
        books.computeIfAbsent(s, k -> new ConcurrentHashMap<>()).put(topic, b);
        sendBook(s, topic, symbol, b, true);
      }
      case "tickers" -> s.send(ticker(topic, symbol));
      case "kline" -> klineStream(topic, parts[1], symbol);
      default -> {}
    }
  }

  /** A market event of the venue (venue thread). */
  void publish(MarketEvent e) {
    publishTime = e.eventTime();
    String symbol = e.symbol();
    Instrument i = instruments.get(symbol);
    if (i == null) {
      return;
    }
    if (e.type() == MarketEvent.Type.TRADE) {
      for (Map.Entry<String, KlineAggregator> k : klines.entrySet()) {
        if (k.getKey().endsWith("." + symbol)) {
          k.getValue()
              .onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
        }
      }
    } else {
      for (Map.Entry<String, KlineAggregator> k : klines.entrySet()) {
        if (k.getKey().endsWith("." + symbol)) {
          k.getValue().advanceTo(e.eventTime());
        }
      }
    }
    if (publicSockets.isEmpty() || faults.frozen()) {
      return;
    }
    switch (e.type()) {
      case DEPTH_UPDATE, BOOK_TICKER -> {
        for (WsSocket s : publicSockets) {
          Map<String, Book> mine = books.get(s);
          if (mine != null) {
            for (Map.Entry<String, Book> b : mine.entrySet()) {
              if (b.getKey().endsWith("." + symbol)) {
                sendBook(s, b.getKey(), symbol, b.getValue(), false);
              }
            }
          }
          String tickers = "tickers." + symbol;
          if (s.streams.contains(tickers)) {
            s.send(ticker(tickers, symbol));
          }
        }
      }
      case TRADE -> {
        String topic = "publicTrade." + symbol;
        Json j = new Json().obj().str("topic", topic).str("type", "snapshot");
        j.num("ts", now()).key("data").arr().obj().num("T", e.eventTime()).str("s", symbol);
        j.str("S", e.buyerMaker() ? "Sell" : "Buy").str("v", BinanceWire.qty(i, e.tradeQuantity()));
        j.str("p", BinanceWire.price(i, e.tradePriceTicks()));
        j.str("L", "PlusTick").str("i", tradeUuid(symbol, e.tradeId())).bool("BT", false);
        String frame = j.end().endArr().end().toString();
        for (WsSocket s : publicSockets) {
          if (s.streams.contains(topic)) {
            s.send(frame);
          }
        }
      }
      default -> {}
    }
  }

  /** A trade id in Bybit's shape (a UUID), stable for one venue trade id. */
  static String tradeUuid(String symbol, long tradeId) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((symbol + ':' + tradeId).getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder(36);
      for (int k = 0; k < 16; k++) {
        if (k == 4 || k == 6 || k == 8 || k == 10) {
          b.append('-');
        }
        b.append(Character.forDigit((h[k] >> 4) & 0xf, 16))
            .append(Character.forDigit(h[k] & 0xf, 16));
      }
      return b.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private void sendBook(WsSocket s, String topic, String symbol, Book b, boolean snapshot) {
    Instrument i = instruments.get(symbol);
    OrderBookView view = venue.publicBook(symbol);
    Map<Long, Double> bids = top(view, Side.BUY, b.depth);
    Map<Long, Double> asks = top(view, Side.SELL, b.depth);
    Json j = new Json().obj().str("topic", topic).str("type", snapshot ? "snapshot" : "delta");
    j.num("ts", now()).key("data").obj().str("s", symbol);
    boolean changed = snapshot;
    j.key("b").arr();
    changed |= levels(j, i, b.bids, bids, snapshot);
    j.endArr().key("a").arr();
    changed |= levels(j, i, b.asks, asks, snapshot);
    j.endArr();
    if (!changed) {
      return;
    }
    b.u++;
    b.bids = bids;
    b.asks = asks;
    j.num("u", b.u).num("seq", b.u).end().num("cts", now());
    s.send(j.end().toString());
  }

  private static Map<Long, Double> top(OrderBookView view, Side side, int depth) {
    Map<Long, Double> out = new TreeMap<>();
    int n = Math.min(depth, view.depth(side));
    for (int k = 0; k < n; k++) {
      out.put(view.priceTicks(side, k), view.quantity(side, k));
    }
    return out;
  }

  /** Writes the changed (or, for a snapshot, all) levels; true when one was written. */
  private static boolean levels(
      Json j, @Nullable Instrument i, Map<Long, Double> was, Map<Long, Double> now, boolean all) {
    if (i == null) {
      return false;
    }
    boolean any = false;
    for (Map.Entry<Long, Double> e : now.entrySet()) {
      Double old = was.get(e.getKey());
      if (all || old == null || !old.equals(e.getValue())) {
        j.arr().str(BinanceWire.price(i, e.getKey())).str(BinanceWire.qty(i, e.getValue()));
        j.endArr();
        any = true;
      }
    }
    if (!all) {
      for (Long p : was.keySet()) {
        if (!now.containsKey(p)) {
          j.arr().str(BinanceWire.price(i, p)).str("0").endArr();
          any = true;
        }
      }
    }
    return any;
  }

  private String ticker(String topic, String symbol) {
    Instrument i = instruments.get(symbol);
    OrderBookView v = venue.publicBook(symbol);
    Json j =
        new Json().obj().str("topic", topic).str("type", "snapshot").num("cs", v.lastUpdateId());
    j.num("ts", now()).key("data").obj().str("symbol", symbol);
    if (i != null && !v.isEmpty(Side.BUY) && !v.isEmpty(Side.SELL)) {
      j.str("bid1Price", BinanceWire.price(i, v.bestBidTicks()));
      j.str("bid1Size", BinanceWire.qty(i, v.bestBidQuantity()));
      j.str("ask1Price", BinanceWire.price(i, v.bestAskTicks()));
      j.str("ask1Size", BinanceWire.qty(i, v.bestAskQuantity()));
      j.str("markPrice", BinanceWire.price(i, (v.bestBidTicks() + v.bestAskTicks()) / 2));
    }
    return j.end().end().toString();
  }

  private void klineStream(String topic, String code, String symbol) {
    KlineInterval interval = INTERVALS.get(code);
    Instrument i = instruments.get(symbol);
    if (interval == null || i == null) {
      return;
    }
    klines.computeIfAbsent(
        topic,
        t ->
            new KlineAggregator(
                symbol,
                interval,
                ticks -> new BigDecimal(BinanceWire.price(i, ticks)),
                (bar, closed) -> sendKline(t, code, bar, closed)));
  }

  private void sendKline(String topic, String code, Kline k, boolean closed) {
    if (faults.frozen()) {
      return;
    }
    Json j = new Json().obj().str("topic", topic).str("type", "snapshot").num("ts", publishTime);
    j.key("data").arr().obj().num("start", k.openTime()).num("end", k.closeTime());
    j.str("interval", code).str("open", k.open().toPlainString());
    j.str("close", k.close().toPlainString()).str("high", k.high().toPlainString());
    j.str("low", k.low().toPlainString()).str("volume", k.volume().toPlainString());
    j.str("turnover", k.quoteVolume().toPlainString()).bool("confirm", closed);
    String frame = j.num("timestamp", publishTime).end().endArr().end().toString();
    for (WsSocket s : publicSockets) {
      if (s.streams.contains(topic)) {
        s.send(frame);
      }
    }
  }

  // ---------------------------------------------------------------- private

  private void onPrivateText(WsSocket s, String text) {
    Map<String, @Nullable Object> msg = object(text);
    String op = String.valueOf(msg.get("op"));
    List<@Nullable Object> args = list(msg.get("args"));
    switch (op) {
      case "ping" -> s.send(pong());
      case "auth" -> {
        String apiKey = args.isEmpty() ? "" : String.valueOf(args.get(0));
        long expires = args.size() < 2 ? 0 : Long.parseLong(String.valueOf(args.get(1)));
        String sig = args.size() < 3 ? "" : String.valueOf(args.get(2));
        String secret = secrets.get(apiKey);
        if (secret == null) {
          s.send(reply("auth", false, "Invalid apikey"));
        } else if (expires <= serverTime.getAsLong()) {
          s.send(reply("auth", false, "Params Error: auth expired"));
        } else if (!MessageDigest.isEqual(
            Auth.sign(secret, "GET/realtime" + expires).getBytes(StandardCharsets.US_ASCII),
            sig.getBytes(StandardCharsets.US_ASCII))) {
          s.send(reply("auth", false, "Invalid sign"));
        } else {
          authenticated.put(s, apiKey);
          s.send(reply("auth", true, ""));
        }
      }
      case "subscribe" -> {
        String apiKey = authenticated.get(s);
        if (apiKey == null) {
          s.send(reply("subscribe", false, "Request not authorized"));
          return;
        }
        for (Object a : args) {
          String topic = String.valueOf(a);
          s.streams.add(topic);
          if (topic.equals("dcp.future")) {
            dcp.subscribed(apiKey, s);
          }
        }
        s.send(reply("subscribe", true, "", msg.get("req_id")));
      }
      case "unsubscribe" -> {
        String apiKey = authenticated.get(s);
        if (apiKey == null) {
          s.send(reply("unsubscribe", false, "Request not authorized"));
          return;
        }
        for (Object a : args) {
          String topic = String.valueOf(a);
          s.streams.remove(topic);
          if (topic.equals("dcp.future")) {
            dcp.unsubscribed(apiKey, s);
          }
        }
        s.send(reply("unsubscribe", true, "", msg.get("req_id")));
      }
      default -> s.send(reply(op, false, "unknown op " + op));
    }
  }

  /** The listener that turns account {@code apiKey}'s sim events into private frames. */
  UserEventListener listener(
      String apiKey, Map<String, Instrument> bySymbol, BybitFakeStops stops) {
    return new UserEventListener() {
      @Override
      public void onOrderUpdate(Order o) {
        Json j = frame("order").key("data").arr();
        BybitFakeWire.order(j, o, stops.triggerBy(o));
        sendPrivate(apiKey, "order", j.endArr().end().toString());
      }

      @Override
      public void onFill(Fill f) {
        Json j = frame("execution").key("data").arr();
        BybitFakeWire.execution(j, f);
        sendPrivate(apiKey, "execution", j.endArr().end().toString());
      }

      @Override
      public void onAccountUpdate(AccountUpdate u) {
        if (!u.positions().isEmpty()) {
          Json j = frame("position").key("data").arr();
          for (Position p : u.positions()) {
            BybitFakeWire.position(j, p, bySymbol.get(p.symbol()), true);
          }
          sendPrivate(apiKey, "position", j.endArr().end().toString());
        }
        if (!u.balances().isEmpty()) {
          Json j = frame("wallet").key("data").arr();
          BybitFakeWire.wallet(j, u.balances());
          sendPrivate(apiKey, "wallet", j.endArr().end().toString());
        }
      }
    };
  }

  private Json frame(String topic) {
    return new Json()
        .obj()
        .str("id", topic + "-" + now())
        .str("topic", topic)
        .num("creationTime", now());
  }

  private void sendPrivate(String apiKey, String topic, String frame) {
    if (faults.frozen()) {
      return;
    }
    for (WsSocket s : privateSockets) {
      if (apiKey.equals(authenticated.get(s)) && s.streams.contains(topic)) {
        s.send(frame);
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private long now() {
    return serverTime.getAsLong();
  }

  private static String pong() {
    return "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"fake\",\"op\":\"pong\"}";
  }

  private static String reply(String op, boolean success, String msg) {
    return reply(op, success, msg, null);
  }

  /** An op reply echoing the request's {@code req_id}, as Bybit does. */
  private static String reply(String op, boolean success, String msg, @Nullable Object reqId) {
    Json j = new Json().obj();
    if (reqId != null) {
      j.str("req_id", String.valueOf(reqId));
    }
    return j.bool("success", success)
        .str("ret_msg", msg)
        .str("conn_id", "fake")
        .str("op", op)
        .end()
        .toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(String text) {
    try {
      Object o = Json.parse(text);
      return o instanceof Map<?, ?> m ? (Map<String, @Nullable Object>) m : Map.of();
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> list(@Nullable Object o) {
    return o instanceof List<?> l ? (List<@Nullable Object>) l : List.of();
  }

  private static List<String> strings(@Nullable Object o) {
    return list(o).stream().map(String::valueOf).toList();
  }
}
