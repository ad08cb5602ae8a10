package dev.tradekit.bybit;

import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public linear WebSocket: {@code orderbook.{1,50,200,1000}}, {@code publicTrade}, {@code
 * tickers} and {@code kline} topics on one connection.
 *
 * <p>Every topic is subscribed again after each (re)connect, and every book is reset then and waits
 * for its snapshot. A book gap (see {@link BybitBook}) unsubscribes and resubscribes that topic,
 * which makes Bybit send a fresh snapshot. {@code {"op":"ping"}} goes out every {@link
 * BybitStreamSettings#ping()}. Ticker deltas are merged into the last snapshot, so the listener
 * always sees every field. Listener methods run on the scheduler, in arrival order.
 */
final class BybitPublicStream implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BybitPublicStream.class);
  static final Set<Integer> BOOK_DEPTHS = Set.of(1, 50, 200, 1000);
  private static final int TOPICS_PER_REQUEST = 10;

  /** What the stream delivers; default no-ops. Called on the scheduler. */
  interface Listener {
    /** The book of {@code symbol} after a snapshot or an in-sequence delta. */
    default void onBook(String symbol, OrderBookView book) {}

    /**
     * The book of {@code symbol} cannot be trusted until its next {@link #onBook}: a gap or a
     * dropped connection.
     */
    default void onStale(String symbol, String reason) {}

    /** Public trades in match order. */
    default void onTrades(List<BybitWire.TradeDto> trades) {}

    /** The ticker with every delta merged in. */
    default void onTicker(BybitWire.TickerDto ticker) {}

    /** A candle update; {@code closed} once the candle is final ({@code confirm}). */
    default void onKline(Kline kline, boolean closed) {}

    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};
  }

  /** A text frame with its routing head. */
  record Frame(BybitWire.Head head, String text) {}

  private final Scheduler scheduler;
  private final BybitStreamSettings settings;
  private final Function<String, TickScale> ticks;
  private final Listener listener;
  private final BybitJson json = new BybitJson();
  private final WsConnection<Frame> connection;
  private final Set<String> topics = new LinkedHashSet<>();
  private final Map<String, BybitBook> books = new HashMap<>();
  private final Map<String, BybitWire.TickerDto> tickers = new HashMap<>();
  private @Nullable Cancellable pinger;
  private int resubscriptions;
  private int pings;

  /**
   * @param url e.g. {@code wss://stream.bybit.com/v5/public/linear}
   * @param ticks the tick size of a symbol, for its book
   */
  BybitPublicStream(
      String url,
      Scheduler scheduler,
      OkHttpClient http,
      BybitStreamSettings settings,
      Function<String, TickScale> ticks,
      Listener listener) {
    Objects.requireNonNull(url, "url");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.ticks = Objects.requireNonNull(ticks, "ticks");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.connection =
        new WsConnection<>(
            "bybit-public",
            scheduler,
            http,
            settings.connection(),
            settings.silence(),
            new WsConnection.Handler<>() {
              @Override
              public CompletableFuture<String> url() {
                return CompletableFuture.completedFuture(url);
              }

              @Override
              public Frame parse(String text) {
                return new Frame(json.parse(BybitWire.Head.class, text), text);
              }

              @Override
              public void onOpen() {
                opened();
              }

              @Override
              public void onMessage(Frame message) {
                route(message);
              }

              @Override
              public void onDown(String reason) {
                down();
              }
            });
  }

  /** Subscribes {@code orderbook.{depth}.{symbol}}; depth is 1, 50, 200 or 1000. */
  void subscribeBook(String symbol, int depth) {
    if (!BOOK_DEPTHS.contains(depth)) {
      throw new IllegalArgumentException(
          "Bybit linear book depth must be one of " + BOOK_DEPTHS + ", was " + depth);
    }
    TickScale scale = ticks.apply(symbol);
    String topic = "orderbook." + depth + "." + symbol;
    WsConnection.handOver(
        scheduler,
        () -> {
          books.put(topic, new BybitBook(symbol, scale));
          add(topic);
        });
  }

  /** Subscribes {@code publicTrade.{symbol}}. */
  void subscribeTrades(String symbol) {
    WsConnection.handOver(scheduler, () -> add("publicTrade." + symbol));
  }

  /** Subscribes {@code tickers.{symbol}}. */
  void subscribeTicker(String symbol) {
    WsConnection.handOver(scheduler, () -> add("tickers." + symbol));
  }

  /** Subscribes {@code kline.{interval}.{symbol}}. */
  void subscribeKlines(String symbol, KlineInterval interval) {
    String topic = BybitKlines.topic(symbol, interval);
    WsConnection.handOver(scheduler, () -> add(topic));
  }

  /** Connects; subscriptions made before or after are sent once the socket is open. */
  void start() {
    WsConnection.handOver(scheduler, connection::start);
  }

  /** Drops the socket as if the network failed (the stream reconnects). For tests and ops. */
  void dropConnection(String reason) {
    WsConnection.handOver(scheduler, () -> connection.reconnect(reason, 0));
  }

  /** How many times a book gap made a topic resubscribe. Read on the scheduler. */
  int resubscriptions() {
    return resubscriptions;
  }

  /** How many pings were sent. Read on the scheduler. */
  int pings() {
    return pings;
  }

  @Override
  public void close() {
    WsConnection.handOver(
        scheduler,
        () -> {
          cancelPinger();
          connection.close();
        });
  }

  private void add(String topic) {
    if (topics.add(topic) && connection.isOpen()) {
      send("subscribe", List.of(topic));
    }
  }

  private void opened() {
    books.values().forEach(BybitBook::reset);
    tickers.clear();
    List<String> all = new ArrayList<>(topics);
    for (int i = 0; i < all.size(); i += TOPICS_PER_REQUEST) {
      send("subscribe", all.subList(i, Math.min(all.size(), i + TOPICS_PER_REQUEST)));
    }
    cancelPinger();
    long period = settings.ping().toMillis();
    pinger = scheduler.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
  }

  private void down() {
    cancelPinger();
    books.values().forEach(BybitBook::reset);
    for (String topic : books.keySet()) {
      listener.onStale(symbolOf(topic), "connection lost");
    }
  }

  private void ping() {
    if (connection.isOpen()) {
      pings++;
      connection.send(() -> "{\"op\":\"ping\"}");
    }
  }

  private void cancelPinger() {
    Cancellable p = pinger;
    pinger = null;
    if (p != null) {
      p.cancel();
    }
  }

  private void send(String op, List<String> args) {
    StringBuilder sb = new StringBuilder("{\"op\":\"").append(op).append("\",\"args\":[");
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"").append(args.get(i)).append('"');
    }
    String text = sb.append("]}").toString();
    connection.send(() -> text);
  }

  private void route(Frame frame) {
    String topic = frame.head().topic;
    if (topic == null) {
      BybitWire.OpReply reply = json.parse(BybitWire.OpReply.class, frame.text());
      if (!reply.success && !"pong".equals(reply.op)) {
        log.warn("bybit-public: {} failed: {}", reply.op, reply.message());
      }
      return;
    }
    if (topic.startsWith("orderbook.")) {
      onBook(topic, json.parse(BybitWire.BookFrame.class, frame.text()));
    } else if (topic.startsWith("publicTrade.")) {
      listener.onTrades(json.parse(BybitWire.TradeFrame.class, frame.text()).data);
    } else if (topic.startsWith("tickers.")) {
      onTicker(json.parse(BybitWire.TickerFrame.class, frame.text()));
    } else if (topic.startsWith("kline.")) {
      for (BybitKlines.Update u :
          BybitKlines.fromFrame(json.parse(BybitWire.KlineFrame.class, frame.text()))) {
        listener.onKline(u.kline(), u.closed());
      }
    }
  }

  private void onBook(String topic, BybitWire.BookFrame frame) {
    BybitBook book = books.get(topic);
    if (book == null) {
      return;
    }
    switch (book.apply(frame)) {
      case SNAPSHOT, APPLIED -> listener.onBook(frame.data.s, book.view());
      case GAP -> {
        resubscriptions++;
        listener.onStale(frame.data.s, "update id gap on " + topic);
        log.info("bybit-public: gap on {}; resubscribing for a fresh snapshot", topic);
        send("unsubscribe", List.of(topic));
        send("subscribe", List.of(topic));
      }
      case AWAITING_SNAPSHOT -> {}
    }
  }

  private static String symbolOf(String topic) {
    return topic.substring(topic.lastIndexOf('.') + 1);
  }

  private void onTicker(BybitWire.TickerFrame frame) {
    BybitWire.TickerDto d = frame.data;
    BybitWire.TickerDto last = tickers.get(d.symbol);
    if (!"snapshot".equals(frame.type) && last != null) {
      d = merge(last, d);
    }
    tickers.put(d.symbol, d);
    listener.onTicker(d);
  }

  private static BybitWire.TickerDto merge(BybitWire.TickerDto base, BybitWire.TickerDto delta) {
    BybitWire.TickerDto m = new BybitWire.TickerDto();
    m.symbol = base.symbol;
    m.lastPrice = pick(delta.lastPrice, base.lastPrice);
    m.markPrice = pick(delta.markPrice, base.markPrice);
    m.indexPrice = pick(delta.indexPrice, base.indexPrice);
    m.prevPrice24h = pick(delta.prevPrice24h, base.prevPrice24h);
    m.price24hPcnt = pick(delta.price24hPcnt, base.price24hPcnt);
    m.highPrice24h = pick(delta.highPrice24h, base.highPrice24h);
    m.lowPrice24h = pick(delta.lowPrice24h, base.lowPrice24h);
    m.volume24h = pick(delta.volume24h, base.volume24h);
    m.turnover24h = pick(delta.turnover24h, base.turnover24h);
    m.openInterest = pick(delta.openInterest, base.openInterest);
    m.fundingRate = pick(delta.fundingRate, base.fundingRate);
    m.nextFundingTime = pick(delta.nextFundingTime, base.nextFundingTime);
    m.bid1Price = pick(delta.bid1Price, base.bid1Price);
    m.bid1Size = pick(delta.bid1Size, base.bid1Size);
    m.ask1Price = pick(delta.ask1Price, base.ask1Price);
    m.ask1Size = pick(delta.ask1Size, base.ask1Size);
    return m;
  }

  private static @Nullable String pick(@Nullable String fresh, @Nullable String old) {
    return fresh != null ? fresh : old;
  }
}
