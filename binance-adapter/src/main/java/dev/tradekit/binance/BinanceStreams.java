package dev.tradekit.binance;

import dev.tradekit.adapter.WsConnection;
import dev.tradekit.api.BookTickerListener;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.TradeListener;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.runtime.Scheduler;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance USD-M streams over OkHttp WebSockets: combined market streams on the 2026 {@code /public}
 * and {@code /market} paths (or the legacy {@code /stream}), local order books kept in sync, and
 * the user data stream with gap recovery.
 *
 * <p>Every listener is called on the context's {@link Scheduler}, one event at a time and in the
 * order received; the calls made here hand their work to that scheduler too, so they may come from
 * any thread. A listener that throws is logged and stays subscribed.
 */
final class BinanceStreams implements Streams, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BinanceStreams.class);

  private final StreamsContext ctx;
  private final Scheduler scheduler;
  private final MarketStreams market;
  private final @Nullable UserStream user;

  BinanceStreams(StreamsContext ctx) {
    this(ctx, StreamSettings.defaults());
  }

  BinanceStreams(StreamsContext ctx, StreamSettings settings) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    Objects.requireNonNull(settings, "settings");
    this.scheduler = ctx.scheduler();
    OkHttpClient http =
        ctx.http()
            .newBuilder()
            .pingInterval(settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS)
            .build();
    this.market = new MarketStreams(ctx, settings, http);
    this.user = ctx.authenticated() ? new UserStream(ctx, settings, http) : null;
  }

  /**
   * Sets how a symbol's tick size is found for its local book (the REST side answers from
   * exchangeInfo). A lookup that fails or answers {@code null} makes the book fall back to the
   * finest decimal step among its snapshot's prices.
   */
  void tickScales(Function<String, CompletableFuture<TickScale>> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    scheduler.execute(() -> market.tickLookup(symbol -> lookup.apply(symbol).thenApply(t -> t)));
  }

  /** Closes every connection and stops all timers (and closes the listenKey); idempotent. */
  @Override
  public void close() {
    WsConnection.handOver(
        scheduler,
        () -> {
          market.close();
          if (user != null) {
            user.stop(true);
          }
        });
  }

  @Override
  public Subscription orderBook(String symbol, OrderBookListener listener) {
    String s = symbol(symbol);
    Objects.requireNonNull(listener, "listener");
    Listeners.Handle<OrderBookListener> h =
        new Listeners.Handle<>(listener, scheduler, x -> market.removeBook(s, x));
    scheduler.execute(() -> market.addBook(s, h));
    return h;
  }

  @Override
  public Subscription trades(String symbol, TradeListener listener) {
    String s = symbol(symbol);
    Objects.requireNonNull(listener, "listener");
    Listeners.Handle<TradeListener> h =
        new Listeners.Handle<>(listener, scheduler, x -> market.removeTrades(s, x));
    scheduler.execute(() -> market.addTrades(s, h));
    return h;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Stream {@code <symbol>@kline_<interval>} on the {@code /market} path. Closed bars missed
   * while a socket was down are fetched from {@code GET /fapi/v1/klines} and delivered before the
   * event that revealed the gap; a closed bar already delivered is dropped.
   */
  @Override
  public Subscription klines(String symbol, KlineInterval interval, KlineListener listener) {
    String s = symbol(symbol);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(listener, "listener");
    Listeners.Handle<KlineListener> h =
        new Listeners.Handle<>(listener, scheduler, x -> market.removeKlines(s, interval, x));
    scheduler.execute(() -> market.addKlines(s, interval, h));
    return h;
  }

  @Override
  public Subscription bookTicker(String symbol, BookTickerListener listener) {
    String s = symbol(symbol);
    Objects.requireNonNull(listener, "listener");
    Listeners.Handle<BookTickerListener> h =
        new Listeners.Handle<>(listener, scheduler, x -> market.removeTicker(s, x));
    scheduler.execute(() -> market.addTicker(s, h));
    return h;
  }

  /**
   * {@inheritDoc}
   *
   * @throws AuthenticationException when the exchange was built without API credentials
   */
  @Override
  public Subscription userEvents(UserEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    UserStream u = user;
    if (u == null) {
      throw new AuthenticationException(
          "binance-usdm", 0, "user events need API credentials: build the exchange with them");
    }
    Listeners.Handle<UserEventListener> h = new Listeners.Handle<>(listener, scheduler, u::remove);
    scheduler.execute(() -> u.add(h));
    return h;
  }

  private static String symbol(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    return symbol.strip().toUpperCase(Locale.ROOT);
  }
}
