package dev.tradekit.binance;

import dev.tradekit.adapter.KlineSync;
import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Trade;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market side: which streams are wanted (reference-counted), which connection carries each
 * (grouped by path, at most {@code maxStreamsPerConnection} per connection), and routing of events
 * by type and symbol to local books, book-ticker and trade listeners. Runs on the scheduler only.
 */
final class MarketStreams implements MarketConnection.Owner {
  private static final Logger log = LoggerFactory.getLogger(MarketStreams.class);

  static final String DEPTH_SUFFIX = "@depth@100ms";
  static final String BOOK_TICKER_SUFFIX = "@bookTicker";
  static final String TRADE_SUFFIX = "@trade";

  private final StreamsContext ctx;
  private final StreamSettings settings;
  private final OkHttpClient http;
  private final Scheduler scheduler;
  private final Map<String, Integer> wanted = new HashMap<>();
  private final Map<String, MarketConnection> connectionOf = new HashMap<>();
  private final List<MarketConnection> connections = new ArrayList<>();
  private final Map<String, BookSync> books = new HashMap<>();
  private final Map<String, Listeners<OrderBookListener>> bookListeners = new HashMap<>();
  private final Map<String, Listeners<BookTickerListener>> tickers = new HashMap<>();
  private final Map<String, Listeners<TradeListener>> trades = new HashMap<>();
  private final Map<String, Listeners<KlineListener>> klineListeners = new HashMap<>();
  private final Map<String, KlineSync> klines = new HashMap<>();
  private Function<String, CompletableFuture<@Nullable TickScale>> tickLookup =
      symbol -> CompletableFuture.completedFuture(null);
  private int connectionCount;

  MarketStreams(StreamsContext ctx, StreamSettings settings, OkHttpClient http) {
    this.ctx = ctx;
    this.settings = settings;
    this.http = http;
    this.scheduler = ctx.scheduler();
  }

  void tickLookup(Function<String, CompletableFuture<@Nullable TickScale>> lookup) {
    this.tickLookup = lookup;
  }

  void addBook(String symbol, Listeners.Handle<OrderBookListener> handle) {
    Listeners<OrderBookListener> ls =
        bookListeners.computeIfAbsent(symbol, s -> new Listeners<>("order book " + s));
    ls.add(handle);
    books.computeIfAbsent(
        symbol,
        s -> new BookSync(s, scheduler, ctx.rest(), sym -> tickLookup.apply(sym), settings, ls));
    want(stream(symbol, DEPTH_SUFFIX));
  }

  void removeBook(String symbol, Listeners.Handle<OrderBookListener> handle) {
    Listeners<OrderBookListener> ls = bookListeners.get(symbol);
    if (ls != null && ls.remove(handle)) {
      bookListeners.remove(symbol);
      BookSync book = books.remove(symbol);
      if (book != null) {
        book.close();
      }
    }
    unwant(stream(symbol, DEPTH_SUFFIX));
  }

  void addTicker(String symbol, Listeners.Handle<BookTickerListener> handle) {
    tickers.computeIfAbsent(symbol, s -> new Listeners<>("book ticker " + s)).add(handle);
    want(stream(symbol, BOOK_TICKER_SUFFIX));
  }

  void removeTicker(String symbol, Listeners.Handle<BookTickerListener> handle) {
    Listeners<BookTickerListener> ls = tickers.get(symbol);
    if (ls != null && ls.remove(handle)) {
      tickers.remove(symbol);
    }
    unwant(stream(symbol, BOOK_TICKER_SUFFIX));
  }

  void addTrades(String symbol, Listeners.Handle<TradeListener> handle) {
    trades.computeIfAbsent(symbol, s -> new Listeners<>("trades " + s)).add(handle);
    want(stream(symbol, TRADE_SUFFIX));
  }

  void removeTrades(String symbol, Listeners.Handle<TradeListener> handle) {
    Listeners<TradeListener> ls = trades.get(symbol);
    if (ls != null && ls.remove(handle)) {
      trades.remove(symbol);
    }
    unwant(stream(symbol, TRADE_SUFFIX));
  }

  static String klineSuffix(KlineInterval interval) {
    return "@kline_" + interval.code();
  }

  void addKlines(String symbol, KlineInterval interval, Listeners.Handle<KlineListener> handle) {
    String name = stream(symbol, klineSuffix(interval));
    Listeners<KlineListener> ls =
        klineListeners.computeIfAbsent(name, n -> new Listeners<>("klines " + n));
    ls.add(handle);
    klines.computeIfAbsent(
        name,
        n ->
            new KlineSync(
                symbol,
                interval,
                scheduler,
                ctx.rest()::klines,
                (bar, closed) -> ls.forEach(l -> l.onKline(bar, closed))));
    want(name);
  }

  void removeKlines(String symbol, KlineInterval interval, Listeners.Handle<KlineListener> h) {
    String name = stream(symbol, klineSuffix(interval));
    Listeners<KlineListener> ls = klineListeners.get(name);
    if (ls != null && ls.remove(h)) {
      klineListeners.remove(name);
      KlineSync sync = klines.remove(name);
      if (sync != null) {
        sync.close();
      }
    }
    unwant(name);
  }

  void close() {
    for (MarketConnection c : connections) {
      c.close();
    }
    connections.clear();
    connectionOf.clear();
    books.values().forEach(BookSync::close);
    klines.values().forEach(KlineSync::close);
    klines.clear();
    books.clear();
  }

  static String stream(String symbol, String suffix) {
    return symbol.toLowerCase(Locale.ROOT) + suffix;
  }

  /**
   * The path of a stream: depth and book ticker on {@code /public}, the rest (trades, aggTrades,
   * mark price, klines) on {@code /market}; everything on {@code /stream} with legacy paths.
   */
  String pathOf(String stream) {
    if (ctx.legacyPaths()) {
      return "/stream";
    }
    return stream.contains("@depth") || stream.endsWith(BOOK_TICKER_SUFFIX)
        ? "/public/stream"
        : "/market/stream";
  }

  private void want(String stream) {
    int n = wanted.merge(stream, 1, Integer::sum);
    if (n > 1) {
      return;
    }
    String path = pathOf(stream);
    MarketConnection target = null;
    for (MarketConnection c : connections) {
      if (c.path().equals(path) && c.size() < settings.maxStreamsPerConnection()) {
        target = c;
        break;
      }
    }
    if (target == null) {
      target = newConnection(path);
    }
    connectionOf.put(stream, target);
    target.add(stream);
  }

  private void unwant(String stream) {
    Integer n = wanted.get(stream);
    if (n == null) {
      return;
    }
    if (n > 1) {
      wanted.put(stream, n - 1);
      return;
    }
    wanted.remove(stream);
    MarketConnection c = connectionOf.remove(stream);
    if (c != null) {
      c.remove(stream);
      if (c.size() == 0) {
        c.close();
        connections.remove(c);
      }
    }
  }

  private MarketConnection newConnection(String path) {
    String base = trimSlash(ctx.wsBaseUrl().toString());
    MarketConnection c = new MarketConnection(base, path, ctx.json(), this);
    String name = "binance market " + path + " #" + (++connectionCount);
    c.bind(
        new WsConnection<>(
            name, scheduler, http, settings.connection(), settings.marketSilence(), c));
    connections.add(c);
    return c;
  }

  static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public void onDown(MarketConnection connection, String reason) {
    for (BookSync book : books.values()) {
      String s = book.symbol();
      if (connection.contains(stream(s, DEPTH_SUFFIX))) {
        book.connectionLost(reason);
      }
    }
  }

  @Override
  public void onEvent(MarketEventDto event) {
    if (event instanceof MarketEventDto.DepthUpdate d) {
      BookSync book = books.get(d.symbol);
      if (book != null) {
        book.onDiff(d);
      }
    } else if (event instanceof MarketEventDto.BookTicker t) {
      Listeners<BookTickerListener> ls = tickers.get(t.symbol);
      if (ls != null) {
        BookTicker ticker = toTicker(t);
        if (ticker != null) {
          ls.forEach(l -> l.onBookTicker(ticker));
        }
      }
    } else if (event instanceof MarketEventDto.Kline k) {
      KlineSync sync = klines.get(stream(k.symbol, "@kline_" + k.bar.interval));
      if (sync != null) {
        Kline bar = toKline(k);
        if (bar != null) {
          sync.onKline(bar, k.bar.closed);
        }
      }
    } else if (event instanceof MarketEventDto.Trade t) {
      Listeners<TradeListener> ls = trades.get(t.symbol);
      // Only order-book trades: insurance-fund and ADL executions are not market trades.
      if (ls != null && (t.executionType.isEmpty() || "MARKET".equals(t.executionType))) {
        Trade trade = toTrade(t);
        if (trade != null) {
          ls.forEach(l -> l.onTrade(trade));
        }
      }
    }
  }

  private static @Nullable BookTicker toTicker(MarketEventDto.BookTicker t) {
    try {
      return new BookTicker(
          t.symbol,
          t.updateId,
          new BigDecimal(t.bidPrice),
          new BigDecimal(t.bidQty),
          new BigDecimal(t.askPrice),
          new BigDecimal(t.askQty),
          t.transactionTime != 0 ? t.transactionTime : t.eventTime);
    } catch (IllegalArgumentException e) {
      log.warn("{}: book ticker dropped: {}", t.symbol, e.getMessage());
      return null;
    }
  }

  private static @Nullable Kline toKline(MarketEventDto.Kline k) {
    try {
      MarketEventDto.Bar b = k.bar;
      return new Kline(
          k.symbol,
          KlineInterval.fromCode(b.interval),
          b.openTime,
          b.closeTime,
          new BigDecimal(b.open),
          new BigDecimal(b.high),
          new BigDecimal(b.low),
          new BigDecimal(b.close),
          new BigDecimal(b.volume),
          new BigDecimal(b.quoteVolume.isEmpty() ? "0" : b.quoteVolume),
          b.trades,
          new BigDecimal(b.takerBuyBaseVolume.isEmpty() ? "0" : b.takerBuyBaseVolume));
    } catch (IllegalArgumentException e) {
      log.warn("{}: kline dropped: {}", k.symbol, e.getMessage());
      return null;
    }
  }

  private static @Nullable Trade toTrade(MarketEventDto.Trade t) {
    try {
      return new Trade(
          t.symbol,
          Long.toString(t.tradeId),
          new BigDecimal(t.price),
          new BigDecimal(t.qty),
          t.buyerIsMaker,
          t.tradeTime != 0 ? t.tradeTime : t.eventTime);
    } catch (IllegalArgumentException e) {
      log.warn("{}: trade dropped: {}", t.symbol, e.getMessage());
      return null;
    }
  }
}
