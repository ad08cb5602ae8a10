package dev.tradekit.testkit;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.data.KlineAggregator;
import dev.tradekit.backtest.data.MarketEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Market WebSockets: combined-stream frames ({@code {"stream":…,"data":…}}) or raw frames, for
 * depth diffs, bookTicker, trade, aggTrade and kline (bars built from the published trades by
 * {@link KlineAggregator}), with SUBSCRIBE / UNSUBSCRIBE on open connections.
 */
final class MarketStreamHub {
  private final List<WsSocket> sockets = new CopyOnWriteArrayList<>();
  private final Map<String, Instrument> instruments;
  private final Faults faults;
  private final Map<String, KlineAggregator> klines = new ConcurrentHashMap<>();
  private long publishTime;

  MarketStreamHub(Map<String, Instrument> instruments, Faults faults) {
    this.instruments = instruments;
    this.faults = faults;
  }

  WsSocket open(boolean raw, List<String> streams) {
    WsSocket s = new WsSocket(raw, null, this::onText, sockets::remove);
    streams.forEach(
        n -> {
          String name = n.toLowerCase(Locale.ROOT);
          s.streams.add(name);
          klineStream(name);
        });
    sockets.add(s);
    return s;
  }

  List<WsSocket> sockets() {
    return sockets;
  }

  private void onText(WsSocket s, String text) {
    Object msg;
    try {
      msg = Json.parse(text);
    } catch (IllegalArgumentException e) {
      s.send(
          new Json()
              .obj()
              .num("code", 3)
              .str("msg", "Invalid JSON: " + e.getMessage())
              .end()
              .toString());
      return;
    }
    if (!(msg instanceof Map<?, ?> m)) {
      return;
    }
    Object id = m.get("id");
    Object method = m.get("method");
    Object params = m.get("params");
    if ("LIST_SUBSCRIPTIONS".equals(method)) {
      Json j = new Json().obj().key("result").arr();
      s.streams.forEach(j::str);
      s.send(j.endArr().key("id").echo(id).end().toString());
      return;
    }
    if (params instanceof List<?> list
        && ("SUBSCRIBE".equals(method) || "UNSUBSCRIBE".equals(method))) {
      for (Object p : list) {
        String name = String.valueOf(p).toLowerCase(Locale.ROOT);
        if ("SUBSCRIBE".equals(method)) {
          s.streams.add(name);
          klineStream(name);
        } else {
          s.streams.remove(name);
        }
      }
      s.send(new Json().obj().str("result", null).key("id").echo(id).end().toString());
    }
  }

  /** Sends one market event to every socket subscribed to one of its streams. */
  void publish(MarketEvent e) {
    if (!klines.isEmpty()) {
      publishTime = e.eventTime();
      for (Map.Entry<String, KlineAggregator> k : klines.entrySet()) {
        if (k.getKey().startsWith(e.symbol().toLowerCase(Locale.ROOT) + "@kline_")) {
          KlineAggregator a = k.getValue();
          switch (e.type()) {
            case TRADE ->
                a.onTrade(e.eventTime(), e.tradePriceTicks(), e.tradeQuantity(), e.buyerMaker());
            case BAR -> bar(a, e);
            default -> a.advanceTo(e.eventTime());
          }
        }
      }
    }
    if (sockets.isEmpty() || faults.frozen()) {
      return;
    }
    Instrument i = instruments.get(e.symbol());
    if (i == null) {
      return;
    }
    String base = e.symbol().toLowerCase(Locale.ROOT);
    switch (e.type()) {
      case DEPTH_UPDATE -> {
        String data = depth(i, e);
        send(base + "@depth", data);
        send(base + "@depth@100ms", data);
        send(base + "@depth@500ms", data);
        send(base + "@depth@250ms", data);
      }
      case BOOK_TICKER -> send(base + "@bookTicker".toLowerCase(Locale.ROOT), bookTicker(i, e));
      case TRADE -> {
        send(base + "@trade", trade(i, e, false));
        send(base + "@aggtrade", trade(i, e, true));
      }
      default -> {}
    }
  }

  /**
   * Starts building the bars of a {@code <symbol>@kline_<interval>} stream the first time a socket
   * names it; the bars are kept across reconnects, like the venue's.
   */
  private void klineStream(String name) {
    int at = name.indexOf("@kline_");
    if (at <= 0 || klines.containsKey(name)) {
      return;
    }
    String symbol = name.substring(0, at).toUpperCase(Locale.ROOT);
    Instrument i = instruments.get(symbol);
    KlineInterval interval;
    try {
      interval = KlineInterval.fromCode(name.substring(at + 7));
      if (i == null || interval == KlineInterval.MN1) {
        return;
      }
    } catch (IllegalArgumentException e) {
      return;
    }
    klines.computeIfAbsent(
        name,
        n ->
            new KlineAggregator(
                symbol,
                interval,
                ticks -> new BigDecimal(BinanceWire.price(i, ticks)),
                (bar, closed) -> {
                  if (!faults.frozen()) {
                    send(n, kline(i, bar, closed, publishTime));
                  }
                }));
  }

  private static void bar(KlineAggregator a, MarketEvent e) {
    try {
      a.onBar(
          e.openTime(),
          e.closeTime(),
          e.openTicks(),
          e.highTicks(),
          e.lowTicks(),
          e.closeTicks(),
          e.volume(),
          e.quoteVolume(),
          e.barClosed());
    } catch (IllegalArgumentException ex) {
      // bars that cannot build this interval (longer, or not a divisor): the stream stays empty
    }
  }

  private static String kline(Instrument i, Kline k, boolean closed, long eventTime) {
    Json j = new Json().obj().str("e", "kline").num("E", eventTime).str("s", k.symbol());
    j.key("k").obj().num("t", k.openTime()).num("T", k.closeTime()).str("s", k.symbol());
    j.str("i", k.interval().code()).num("f", -1).num("L", -1);
    j.str("o", k.open().toPlainString()).str("c", k.close().toPlainString());
    j.str("h", k.high().toPlainString()).str("l", k.low().toPlainString());
    j.str("v", BinanceWire.qty(i, k.volume().doubleValue())).num("n", k.trades());
    j.bool("x", closed).str("q", k.quoteVolume().toPlainString());
    j.str("V", BinanceWire.qty(i, k.takerBuyBaseVolume().doubleValue())).str("Q", "0");
    j.str("B", "0").end();
    return j.end().toString();
  }

  private void send(String stream, String data) {
    String combined = null;
    for (WsSocket s : sockets) {
      if (s.streams.contains(stream)) {
        if (s.raw) {
          s.send(data);
        } else {
          if (combined == null) {
            combined = "{\"stream\":\"" + display(stream) + "\",\"data\":" + data + "}";
          }
          s.send(combined);
        }
      }
    }
  }

  private static String display(String stream) {
    return stream.endsWith("@bookticker")
        ? stream.substring(0, stream.length() - 10) + "bookTicker"
        : stream.endsWith("@aggtrade")
            ? stream.substring(0, stream.length() - 8) + "aggTrade"
            : stream;
  }

  private static String depth(Instrument i, MarketEvent e) {
    Json j = new Json().obj().str("e", "depthUpdate").num("E", e.eventTime());
    j.num("T", e.transactionTime() > 0 ? e.transactionTime() : e.eventTime()).str("s", e.symbol());
    j.num("U", e.firstUpdateId()).num("u", e.lastUpdateId()).num("pu", e.prevUpdateId());
    levels(j.key("b"), i, e, Side.BUY);
    levels(j.key("a"), i, e, Side.SELL);
    return j.end().toString();
  }

  private static void levels(Json j, Instrument i, MarketEvent e, Side side) {
    j.arr();
    for (int k = 0; k < e.levelCount(side); k++) {
      j.arr().str(BinanceWire.price(i, e.levelPriceTicks(side, k)));
      j.str(BinanceWire.qty(i, e.levelQuantity(side, k))).endArr();
    }
    j.endArr();
  }

  private static String bookTicker(Instrument i, MarketEvent e) {
    Json j =
        new Json().obj().str("e", "bookTicker").num("u", e.lastUpdateId()).str("s", e.symbol());
    j.str("b", BinanceWire.price(i, e.bestBidTicks()))
        .str("B", BinanceWire.qty(i, e.bestBidQuantity()));
    j.str("a", BinanceWire.price(i, e.bestAskTicks()))
        .str("A", BinanceWire.qty(i, e.bestAskQuantity()));
    return j.num("T", e.eventTime()).num("E", e.eventTime()).end().toString();
  }

  private static String trade(Instrument i, MarketEvent e, boolean agg) {
    Json j = new Json().obj().str("e", agg ? "aggTrade" : "trade").num("E", e.eventTime());
    j.str("s", e.symbol());
    if (agg) {
      j.num("a", e.tradeId()).num("f", e.tradeId()).num("l", e.tradeId());
    } else {
      j.num("t", e.tradeId()).str("X", "MARKET");
    }
    j.str("p", BinanceWire.price(i, e.tradePriceTicks()))
        .str("q", BinanceWire.qty(i, e.tradeQuantity()));
    return j.num("T", e.eventTime()).bool("m", e.buyerMaker()).end().toString();
  }

  void dropAll() {
    sockets.forEach(WsSocket::disconnect);
  }

  @Nullable Instrument instrument(String symbol) {
    return instruments.get(symbol);
  }
}
