package dev.tradekit.bybit;

import dev.tradekit.adapter.KlineSync;
import dev.tradekit.adapter.ServerClock;
import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Trade;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams facet: one public socket ({@code <ws>/v5/public/linear}) for every market topic and
 * one private socket ({@code <ws>/v5/private}) for the account's events, each opened on first use
 * and fanned out to the subscriptions. Listeners run on the exchange's scheduler. A topic stays
 * subscribed on the venue until the exchange closes; closing a subscription stops its delivery.
 *
 * <p>Closed klines are delivered exactly once per subscription: a {@code confirm} bar whose open
 * time is not after the last delivered one (a repeat after a reconnect) is dropped, and closed bars
 * missed while the socket was down are fetched from REST and delivered first ({@link KlineSync}).
 * Book tickers come from the {@code tickers} topic (Bybit's best bid and ask) with update id 0.
 */
final class BybitStreams implements Streams, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BybitStreams.class);

  /** What the streams are built from. */
  record Context(
      String publicUrl,
      String privateUrl,
      Scheduler scheduler,
      OkHttpClient http,
      BybitStreamSettings settings,
      int bookDepth,
      BybitInstruments instruments,
      BybitRest rest,
      @Nullable BybitSigner signer,
      @Nullable String apiKey,
      ServerClock clock,
      BybitPositionSides sides,
      KlineSync.Fetcher klineRest) {}

  private final Context ctx;
  private final Map<String, CopyOnWriteArrayList<OrderBookListener>> books =
      new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<TradeListener>> trades = new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<KlineSub>> klines = new ConcurrentHashMap<>();
  private final Map<String, CopyOnWriteArrayList<BookTickerListener>> tickers =
      new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<UserEventListener> users = new CopyOnWriteArrayList<>();
  private @Nullable BybitPublicStream publicStream;
  private @Nullable BybitPrivateStream privateStream;
  private volatile boolean wasLive;

  BybitStreams(Context ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  @Override
  public Subscription orderBook(String symbol, OrderBookListener listener) {
    Objects.requireNonNull(listener, "listener");
    boolean first = add(books, symbol, listener);
    if (first) {
      var unused =
          ctx.instruments()
              .get(symbol)
              .whenComplete(
                  (i, e) -> {
                    if (e != null) {
                      log.warn("bybit-linear: no book for {}: {}", symbol, e.toString());
                      return;
                    }
                    publicStream().subscribeBook(symbol, ctx.bookDepth());
                  });
    }
    return new Sub<>(books, symbol, listener);
  }

  @Override
  public Subscription trades(String symbol, TradeListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (add(trades, symbol, listener)) {
      publicStream().subscribeTrades(symbol);
    }
    return new Sub<>(trades, symbol, listener);
  }

  @Override
  public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
    Objects.requireNonNull(listener, "listener");
    BybitKlines.code(interval);
    String key = BybitKlines.topic(symbol, interval);
    KlineSub sub =
        new KlineSub(
            new KlineSync(symbol, interval, ctx.scheduler(), ctx.klineRest(), listener::onKline));
    if (add(klines, key, sub)) {
      publicStream().subscribeKlines(symbol, interval);
    }
    return new Sub<>(klines, key, sub, () -> WsConnection.handOver(ctx.scheduler(), sub::close));
  }

  @Override
  public Subscription bookTicker(String symbol, BookTickerListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (add(tickers, symbol, listener)) {
      publicStream().subscribeTicker(symbol);
    }
    return new Sub<>(tickers, symbol, listener);
  }

  @Override
  public Subscription userEvents(UserEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (ctx.signer() == null) {
      throw new AuthenticationException(
          BybitErrorCodes.VENUE,
          ExchangeException.NO_CODE,
          "user events need credentials: build the exchange with an API key and secret");
    }
    users.add(listener);
    privateStream();
    return new Subscription() {
      private volatile boolean active = true;

      @Override
      public boolean isActive() {
        return active;
      }

      @Override
      public void close() {
        active = false;
        users.remove(listener);
      }
    };
  }

  private static <L> boolean add(Map<String, CopyOnWriteArrayList<L>> map, String key, L l) {
    CopyOnWriteArrayList<L> list = map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
    boolean first = list.isEmpty();
    list.add(l);
    return first;
  }

  private synchronized BybitPublicStream publicStream() {
    BybitPublicStream s = publicStream;
    if (s == null) {
      s =
          new BybitPublicStream(
              ctx.publicUrl(),
              ctx.scheduler(),
              ctx.http(),
              ctx.settings(),
              this::ticks,
              new PublicListener());
      s.start();
      publicStream = s;
    }
    return s;
  }

  private TickScale ticks(String symbol) {
    Instrument i = ctx.instruments().cached(symbol);
    if (i == null) {
      throw new IllegalStateException("instrument " + symbol + " is not loaded");
    }
    return TickScale.of(i.tickSize());
  }

  private synchronized void privateStream() {
    if (privateStream != null) {
      return;
    }
    BybitPrivateStream s =
        new BybitPrivateStream(
            ctx.privateUrl(),
            ctx.scheduler(),
            ctx.http(),
            ctx.settings(),
            Objects.requireNonNull(ctx.signer()),
            Objects.requireNonNull(ctx.apiKey()),
            ctx.clock()::now,
            ctx.rest(),
            new PrivateListener(),
            e -> BybitMapper.positionIdx(ctx.sides().of(e)));
    s.start();
    privateStream = s;
  }

  /**
   * Opens the private socket if needed and has it subscribe (or stop subscribing) the venue's
   * disconnect-cancel-all topic.
   */
  synchronized void watchDcp(boolean on) {
    privateStream();
    Objects.requireNonNull(privateStream).watchDcp(on);
  }

  /** Drops both sockets as if the network failed; they reconnect. For tests and operations. */
  synchronized void dropConnections(String reason) {
    if (publicStream != null) {
      publicStream.dropConnection(reason);
    }
    if (privateStream != null) {
      privateStream.dropConnection(reason);
    }
  }

  @Override
  public synchronized void close() {
    if (publicStream != null) {
      publicStream.close();
    }
    if (privateStream != null) {
      privateStream.close();
    }
  }

  private static <L> void each(@Nullable List<L> list, Consumer<L> call) {
    if (list == null) {
      return;
    }
    for (L l : list) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        log.warn("bybit-linear: a stream listener threw {}", e.toString());
      }
    }
  }

  private final class PublicListener implements BybitPublicStream.Listener {
    @Override
    public void onBook(String symbol, OrderBookView book) {
      each(books.get(symbol), l -> l.onBook(book));
    }

    @Override
    public void onStale(String symbol, String reason) {
      each(books.get(symbol), l -> l.onStale(symbol, reason));
    }

    @Override
    public void onTrades(List<BybitWire.TradeDto> list) {
      for (BybitWire.TradeDto t : list) {
        Trade trade =
            new Trade(
                t.symbol,
                t.tradeId,
                new BigDecimal(t.price),
                new BigDecimal(t.size),
                "Sell".equals(t.takerSide),
                t.time);
        each(trades.get(t.symbol), l -> l.onTrade(trade));
      }
    }

    @Override
    public void onTicker(BybitWire.TickerDto t) {
      if (t.bid1Price == null || t.ask1Price == null) {
        return;
      }
      BookTicker bt =
          new BookTicker(
              t.symbol,
              0,
              new BigDecimal(t.bid1Price),
              dec(t.bid1Size),
              new BigDecimal(t.ask1Price),
              dec(t.ask1Size),
              Math.max(0, ctx.clock().now()));
      each(tickers.get(t.symbol), l -> l.onBookTicker(bt));
    }

    @Override
    public void onKline(Kline kline, boolean closed) {
      each(
          klines.get(BybitKlines.topic(kline.symbol(), kline.interval())),
          s -> s.deliver(kline, closed));
    }
  }

  private final class PrivateListener implements BybitPrivateStream.Listener {
    @Override
    public void onOrder(Order order) {
      ctx.sides().remember(order.orderId(), order.positionSide());
      each(users, l -> l.onOrderUpdate(order));
    }

    @Override
    public void onFill(Fill fill) {
      each(users, l -> l.onFill(fill));
    }

    @Override
    public void onPosition(Position position) {
      AccountUpdate u =
          new AccountUpdate(
              Math.max(position.updateTime(), 0), "POSITION", List.of(), List.of(position));
      each(users, l -> l.onAccountUpdate(u));
    }

    @Override
    public void onWallet(BybitWire.WalletDto wallet) {
      AccountUpdate u =
          new AccountUpdate(
              Math.max(0, ctx.clock().now()),
              "WALLET",
              BybitAccount.balances(List.of(wallet)),
              List.of());
      each(users, l -> l.onAccountUpdate(u));
    }

    @Override
    public void onLive(boolean live) {
      ConnectionState state =
          !live
              ? ConnectionState.DISCONNECTED
              : wasLive ? ConnectionState.RECONNECTED : ConnectionState.CONNECTED;
      if (live) {
        wasLive = true;
      }
      each(users, l -> l.onConnectionState(state));
    }
  }

  /**
   * One kline subscription made gap-free by the shared {@link KlineSync}: each closed bar exactly
   * once, a gap left by a reconnect filled from {@code GET /v5/market/kline}. On the scheduler
   * only.
   */
  private static final class KlineSub {
    private final KlineSync sync;

    KlineSub(KlineSync sync) {
      this.sync = sync;
    }

    void deliver(Kline k, boolean closed) {
      sync.onKline(k, closed);
    }

    void close() {
      sync.close();
    }
  }

  private static final class Sub<L> implements Subscription {
    private final Map<String, CopyOnWriteArrayList<L>> map;
    private final String key;
    private final L listener;
    private final Runnable onClose;
    private volatile boolean active = true;

    Sub(Map<String, CopyOnWriteArrayList<L>> map, String key, L listener) {
      this(map, key, listener, () -> {});
    }

    Sub(Map<String, CopyOnWriteArrayList<L>> map, String key, L listener, Runnable onClose) {
      this.map = map;
      this.key = key;
      this.listener = listener;
      this.onClose = onClose;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public void close() {
      active = false;
      List<L> list = map.get(key);
      if (list != null && list.remove(listener)) {
        onClose.run();
      }
    }
  }

  private static BigDecimal dec(@Nullable String s) {
    return s == null || s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }
}
