package dev.tradekit.binance;

import dev.tradekit.adapter.KlineSync;
import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.internal.wire.BinanceFrame;
import dev.tradekit.api.internal.wire.BinanceFrameParser;
import dev.tradekit.api.internal.wire.MalformedFrameException;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Trade;
import dev.tradekit.api.runtime.Scheduler;
import java.io.IOException;
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
 *
 * <p>The hot frames (depth, book ticker, trade) are read by the shared allocation-free {@link
 * BinanceFrameParser}: depth frames go to their book as text, which reads them into primitive
 * levels; book tickers and trades become the public model objects straight from the frame's text.
 * Klines (a few a second at most) still go through Moshi.
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
  private BookSync[] bookArray = new BookSync[0];
  private final BinanceFrameParser parser = new BinanceFrameParser(new TextOnly());
  private final BinanceFrame frame = new BinanceFrame();
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
    bookArray = books.values().toArray(new BookSync[0]);
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
      bookArray = books.values().toArray(new BookSync[0]);
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
    bookArray = new BookSync[0];
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
    MarketConnection c = new MarketConnection(base, path, this);
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
  public void onFrame(String text) {
    BinanceFrame.Kind kind;
    try {
      kind = parser.route(text, frame);
    } catch (MalformedFrameException e) {
      // A lost diff shows as a pu gap at the book's next diff, which then resyncs.
      log.warn("unreadable market frame dropped: {}", e.getMessage());
      return;
    }
    if (kind == BinanceFrame.Kind.DEPTH_UPDATE) {
      BookSync book = bookOf(text, frame.symbolStart(), frame.symbolEnd());
      if (book != null) {
        book.onDiff(text, parser.payloadStart());
      }
    } else if (kind == BinanceFrame.Kind.BOOK_TICKER) {
      Listeners<BookTickerListener> ls = tickers.get(symbolOf(text));
      BookTicker ticker = ls == null ? null : toTicker(text);
      if (ls != null && ticker != null) {
        ls.forEach(l -> l.onBookTicker(ticker));
      }
    } else if (kind == BinanceFrame.Kind.TRADE) {
      Listeners<TradeListener> ls = trades.get(symbolOf(text));
      Trade trade = ls == null ? null : toTrade(text);
      if (ls != null && trade != null) {
        ls.forEach(l -> l.onTrade(trade));
      }
    } else if (kind == BinanceFrame.Kind.KLINE) {
      onKline(text);
    }
  }

  /** The book whose symbol is {@code text[from, to)}, found without allocating. */
  private @Nullable BookSync bookOf(String text, int from, int to) {
    for (BookSync b : bookArray) {
      String s = b.symbol();
      if (s.length() == to - from && text.regionMatches(from, s, 0, s.length())) {
        return b;
      }
    }
    return null;
  }

  private String symbolOf(String text) {
    return text.substring(frame.symbolStart(), frame.symbolEnd());
  }

  private void onKline(String text) {
    MarketEventDto event;
    try {
      event = ctx.json().marketFrame(text).data();
    } catch (IOException | RuntimeException e) {
      log.warn("unreadable kline frame dropped: {}", e.getMessage());
      return;
    }
    if (event instanceof MarketEventDto.Kline k) {
      KlineSync sync = klines.get(stream(k.symbol, "@kline_" + k.bar.interval));
      if (sync != null) {
        Kline bar = toKline(k);
        if (bar != null) {
          sync.onKline(bar, k.bar.closed);
        }
      }
    }
  }

  /** Symbols for the parser of book tickers and trades: any symbol, prices kept as text. */
  private static final class TextOnly implements BinanceFrameParser.Symbols {
    @Override
    public int find(CharSequence text, int from, int to) {
      return 0;
    }

    @Override
    public @Nullable TickScale scale(int index) {
      return null;
    }
  }

  private @Nullable BookTicker toTicker(String text) {
    BinanceFrame t = frame;
    try {
      parser.parsePayload(text, parser.payloadStart(), t);
      return new BookTicker(
          symbolOf(text),
          t.lastUpdateId(),
          decimal(text, t, BinanceFrame.BID_PRICE),
          decimal(text, t, BinanceFrame.BID_QTY),
          decimal(text, t, BinanceFrame.ASK_PRICE),
          decimal(text, t, BinanceFrame.ASK_QTY),
          time(t.transactionTime(), t.eventTime()));
    } catch (IllegalArgumentException | MalformedFrameException e) {
      log.warn("book ticker dropped: {}", e.getMessage());
      return null;
    }
  }

  private @Nullable Trade toTrade(String text) {
    BinanceFrame t = frame;
    try {
      parser.parsePayload(text, parser.payloadStart(), t);
      // Only order-book trades: insurance-fund and ADL executions are not market trades.
      if (!t.marketExecution()) {
        return null;
      }
      return new Trade(
          symbolOf(text),
          Long.toString(t.tradeId()),
          decimal(text, t, BinanceFrame.PRICE),
          decimal(text, t, BinanceFrame.QTY),
          t.buyerIsMaker(),
          time(t.transactionTime(), t.eventTime()));
    } catch (IllegalArgumentException | MalformedFrameException e) {
      log.warn("trade dropped: {}", e.getMessage());
      return null;
    }
  }

  private static BigDecimal decimal(String text, BinanceFrame f, int field) {
    return new BigDecimal(text.substring(f.start(field), f.end(field)));
  }

  /** {@code T} if the frame has one (and it is not 0), else {@code E} (0 if neither). */
  private static long time(long transactionTime, long eventTime) {
    if (transactionTime != BinanceFrame.ABSENT && transactionTime != 0) {
      return transactionTime;
    }
    return eventTime != BinanceFrame.ABSENT ? eventTime : 0;
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
}
