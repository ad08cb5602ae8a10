package dev.tradekit.binance;

import dev.tradekit.adapter.ServerClock;
import dev.tradekit.api.Account;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.Credentials;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Environment;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.MarginModes;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * One Binance USD-M account: the REST facets built here, the WebSocket facet built by the streams
 * factory on first use. At start it measures the server-time offset and loads exchangeInfo (which
 * also sets the limiter's limits); both repeat on their periods.
 */
final class BinanceExchange implements Exchange {
  static final URI MAINNET_REST = URI.create("https://fapi.binance.com");
  static final URI TESTNET_REST = URI.create("https://demo-fapi.binance.com");
  static final URI MAINNET_WS = URI.create("wss://fstream.binance.com");
  static final URI TESTNET_WS = URI.create("wss://fstream.binancefuture.com");

  private static final Logger LOG = LoggerFactory.getLogger(BinanceExchange.class);

  /** What an exchange is built from, as taken from an {@link ExchangeConfig}. */
  record Setup(
      @Nullable Credentials credentials,
      URI restBaseUrl,
      URI wsBaseUrl,
      @Nullable Scheduler scheduler,
      @Nullable OkHttpClient http,
      BinanceConfig config) {

    static Setup from(ExchangeConfig c) {
      boolean mainnet = c.environment() == Environment.MAINNET;
      return new Setup(
          c.credentials().orElse(null),
          c.restBaseUrl().orElse(mainnet ? MAINNET_REST : TESTNET_REST),
          c.wsBaseUrl().orElse(mainnet ? MAINNET_WS : TESTNET_WS),
          c.scheduler().orElse(null),
          c.extension(OkHttpClient.class).orElse(null),
          BinanceConfig.from(c));
    }
  }

  private final Scheduler scheduler;
  private final @Nullable LiveScheduler ownScheduler;
  private final OkHttpClient baseHttp;
  private final boolean ownsHttp;
  private final Setup setup;
  private final BinanceJson json;
  private final BinanceLimits limits;
  private final ServerClock clock;
  private final ClockSync clockSync;
  private final RestCaller caller;
  private final BinanceRest rest;
  private final BinanceMarketData marketData;
  private final BinanceTrading trading;
  private final BinanceAccount account;
  private final @Nullable OrderAmendment amendment;
  private final @Nullable DeadManSwitch deadManSwitch;
  private final @Nullable MarginModes marginModes;
  private final Capabilities capabilities;
  private final StreamsFactory streamsFactory;
  private final CompletableFuture<Void> started;
  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable Streams streams;

  BinanceExchange(Setup setup, StreamsFactory streamsFactory) {
    this.setup = Objects.requireNonNull(setup, "setup");
    this.streamsFactory = Objects.requireNonNull(streamsFactory, "streamsFactory");
    BinanceConfig cfg = setup.config();
    Scheduler given = setup.scheduler();
    this.ownScheduler = given == null ? LiveScheduler.create("tradekit-binance-usdm") : null;
    this.scheduler = given != null ? given : Objects.requireNonNull(ownScheduler);
    OkHttpClient http = setup.http();
    this.ownsHttp = http == null;
    this.baseHttp = http != null ? http : new OkHttpClient();
    this.limits = cfg.sharedLimits().orElseGet(BinanceLimits::create);
    this.clock = new ServerClock(scheduler::currentTimeMillis);
    Credentials creds = setup.credentials();
    RequestSigner signer =
        creds == null
            ? null
            : new RequestSigner(creds, clock::now, clock::offset, cfg.recvWindow().toMillis());
    this.json = new BinanceJson();
    this.caller = new RestCaller(limits, scheduler, json, breaker(creds), creds != null);
    this.rest =
        new BinanceRest(
            api(setup.restBaseUrl(), restClient(creds, signer, cfg), json), caller, json);
    this.clockSync = new ClockSync(clock, scheduler, rest::time);
    caller.onClockSkew(clockSync::resync);
    InstrumentCache instruments =
        new InstrumentCache(
            rest::exchangeInfo, limits.limiter(), scheduler, cfg.exchangeInfoRefresh());
    this.marketData = new BinanceMarketData(rest, instruments);
    OrderPlacer placer = new OrderPlacer(rest, instruments, scheduler, cfg.orderResolveDelay());
    this.trading = new BinanceTrading(rest, placer, scheduler, new AlgoOrders(rest, instruments));
    this.account = new BinanceAccount(rest, clock::now);
    this.amendment = creds == null ? null : new BinanceAmendment(rest, instruments);
    this.deadManSwitch = creds == null ? null : new BinanceDeadManSwitch(rest);
    this.marginModes = creds == null ? null : new BinanceMarginModes(rest);
    this.capabilities =
        new Capabilities(
            OrderPlacer.MAX_BATCH,
            BinanceTrading.MAX_BATCH_CANCEL,
            true,
            true,
            true,
            true,
            creds != null,
            java.util.EnumSet.of(
                dev.tradekit.api.model.OrderType.STOP_MARKET,
                dev.tradekit.api.model.OrderType.TAKE_PROFIT_MARKET,
                dev.tradekit.api.model.OrderType.TRAILING_STOP_MARKET));
    CompletableFuture<Void> synced = clockSync.start(cfg.timeSyncPeriod());
    caller.signedAfter(synced);
    this.started =
        CompletableFuture.allOf(
            synced.exceptionally(e -> warn("initial server-time sync", e)),
            instruments
                .all()
                .thenApply(l -> (Void) null)
                .exceptionally(e -> warn("initial exchangeInfo load", e)));
  }

  private static @Nullable Void warn(String what, Throwable e) {
    LOG.warn("{} failed: {}", what, Futures.unwrap(e).toString());
    return null;
  }

  private static CircuitBreaker breaker(@Nullable Credentials creds) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(10)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .permittedNumberOfCallsInHalfOpenState(2)
            .recordException(
                e -> e instanceof TransportException || e instanceof UnknownOrderStatusException)
            .build();
    String name = "binance-usdm-orders-" + (creds == null ? "public" : creds.fingerprint());
    return CircuitBreaker.of(name, config);
  }

  private OkHttpClient restClient(
      @Nullable Credentials creds, @Nullable RequestSigner signer, BinanceConfig cfg) {
    OkHttpClient.Builder b =
        baseHttp
            .newBuilder()
            // OkHttp would otherwise silently resend a request after some failures: never for
            // orders. Reads are retried by RestCaller instead.
            .retryOnConnectionFailure(false)
            .callTimeout(cfg.requestTimeout())
            .addInterceptor(new AuthInterceptor(creds, signer))
            .addNetworkInterceptor(new SentMarker());
    if (cfg.httpLogging()) {
      b.addNetworkInterceptor(new HttpLog());
    }
    return b.build();
  }

  private static BinanceApi api(URI base, OkHttpClient client, BinanceJson json) {
    String url = base.toString();
    HttpUrl httpUrl = HttpUrl.get(url.endsWith("/") ? url : url + "/");
    return new Retrofit.Builder()
        .baseUrl(httpUrl)
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(json.moshi()))
        .build()
        .create(BinanceApi.class);
  }

  /** Completes when the first clock sync and exchangeInfo load have finished (or failed). */
  CompletableFuture<Void> started() {
    return started;
  }

  /** The limits this exchange counts against. */
  BinanceLimits limits() {
    return limits;
  }

  /** Server time minus local time, as last measured. */
  long clockOffsetMillis() {
    return clock.offset();
  }

  @Override
  public String venue() {
    return BinanceUsdmProvider.ID;
  }

  @Override
  public MarketData marketData() {
    return marketData;
  }

  @Override
  public Trading trading() {
    return trading;
  }

  @Override
  public Account account() {
    return account;
  }

  /** Built on first use by the streams factory. */
  @Override
  public synchronized Streams streams() {
    Streams s = streams;
    if (s == null) {
      s =
          streamsFactory.create(
              new StreamsContext(
                  baseHttp,
                  setup.wsBaseUrl(),
                  new BinanceStreamRest(rest),
                  scheduler,
                  json,
                  setup.config().legacyWsPaths(),
                  setup.credentials() != null),
              marketData,
              setup.config());
      streams = s;
    }
    return s;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return Optional.ofNullable(amendment);
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return Optional.ofNullable(deadManSwitch);
  }

  @Override
  public Optional<MarginModes> marginModes() {
    return Optional.ofNullable(marginModes);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Streams s;
    synchronized (this) {
      s = streams;
    }
    if (s instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("closing the streams failed: {}", e.toString());
      }
    }
    clockSync.close();
    caller.close();
    if (ownsHttp) {
      baseHttp.dispatcher().executorService().shutdown();
      baseHttp.connectionPool().evictAll();
    }
    if (ownScheduler != null) {
      ownScheduler.close();
    }
  }

  @Override
  public String toString() {
    return "BinanceExchange[" + setup.restBaseUrl() + ", " + setup.credentials() + "]";
  }
}
