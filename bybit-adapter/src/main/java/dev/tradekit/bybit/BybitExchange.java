package dev.tradekit.bybit;

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
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bybit unified account trading linear perpetuals: the REST facets built here, the WebSockets
 * opened on first use. At start it measures the server-time offset (again every {@link
 * BybitConfig#timeSyncPeriod()}, and at once on retCode 10002) and loads the instruments.
 *
 * <p>No dead-man switch: Bybit's disconnect-cancel-all fires when the private sockets die (not when
 * a countdown is not re-armed), covers the whole account, and is offered to institutional accounts
 * only. No margin-mode switch: a unified account sets its margin mode account-wide.
 */
final class BybitExchange implements Exchange {
  static final URI MAINNET_REST = URI.create("https://api.bybit.com");
  static final URI TESTNET_REST = URI.create("https://api-testnet.bybit.com");
  static final URI MAINNET_WS = URI.create("wss://stream.bybit.com");
  static final URI TESTNET_WS = URI.create("wss://stream-testnet.bybit.com");

  private static final Logger LOG = LoggerFactory.getLogger(BybitExchange.class);

  /** What an exchange is built from, as taken from an {@link ExchangeConfig}. */
  record Setup(
      @Nullable Credentials credentials,
      URI restBaseUrl,
      URI wsBaseUrl,
      @Nullable Scheduler scheduler,
      @Nullable OkHttpClient http,
      BybitConfig config,
      BybitStreamSettings streamSettings) {

    static Setup from(ExchangeConfig c) {
      boolean mainnet = c.environment() == Environment.MAINNET;
      return new Setup(
          c.credentials().orElse(null),
          c.restBaseUrl().orElse(mainnet ? MAINNET_REST : TESTNET_REST),
          c.wsBaseUrl().orElse(mainnet ? MAINNET_WS : TESTNET_WS),
          c.scheduler().orElse(null),
          c.extension(OkHttpClient.class).orElse(null),
          BybitConfig.from(c),
          BybitStreamSettings.defaults());
    }
  }

  private final Setup setup;
  private final Scheduler scheduler;
  private final @Nullable LiveScheduler ownScheduler;
  private final OkHttpClient baseHttp;
  private final boolean ownsHttp;
  private final ServerClock clock;
  private final BybitRest rest;
  private final BybitMarketData marketData;
  private final BybitTrading trading;
  private final BybitAccount account;
  private final BybitStreams streams;
  private final Capabilities capabilities;
  private final @Nullable BybitDeadManSwitch deadManSwitch;
  private final @Nullable BybitMarginModes marginModes;
  private final Cancellable timeSync;
  private final CompletableFuture<Void> started;
  private final AtomicBoolean closed = new AtomicBoolean();

  BybitExchange(Setup setup) {
    this.setup = Objects.requireNonNull(setup, "setup");
    BybitConfig cfg = setup.config();
    Scheduler given = setup.scheduler();
    this.ownScheduler = given == null ? LiveScheduler.create("tradekit-bybit-linear") : null;
    this.scheduler = given != null ? given : Objects.requireNonNull(ownScheduler);
    OkHttpClient http = setup.http();
    this.ownsHttp = http == null;
    this.baseHttp = http != null ? http : new OkHttpClient();
    OkHttpClient restHttp =
        baseHttp
            .newBuilder()
            // never let OkHttp re-send an order on its own; BybitRest resolves unknown outcomes
            .retryOnConnectionFailure(false)
            .callTimeout(cfg.requestTimeout())
            .build();
    this.clock = new ServerClock(scheduler::currentTimeMillis);
    Credentials creds = setup.credentials();
    BybitSigner signer = creds == null ? null : new BybitSigner(creds, cfg.recvWindow().toMillis());
    this.rest =
        new BybitRest(
            restHttp,
            httpUrl(setup.restBaseUrl()),
            signer,
            clock,
            new BybitRateLimiter(clock::now),
            scheduler::currentTimeMillis);
    BybitInstruments instruments =
        new BybitInstruments(rest, scheduler::nanoTime, cfg.instrumentsRefresh());
    BybitPositionSides sides = new BybitPositionSides();
    this.marketData = new BybitMarketData(rest, instruments);
    BybitOrders orders = new BybitOrders(rest, clock::now);
    this.trading = new BybitTrading(rest, orders, instruments, sides, clock::now, cfg.settleCoin());
    this.account = new BybitAccount(rest, sides, clock::now, cfg.settleCoin());
    String ws = setup.wsBaseUrl().toString().replaceAll("/+$", "");
    this.streams =
        new BybitStreams(
            new BybitStreams.Context(
                ws + "/v5/public/linear",
                ws + "/v5/private",
                scheduler,
                baseHttp,
                setup.streamSettings(),
                cfg.bookDepth(),
                instruments,
                rest,
                signer,
                creds == null ? null : creds.apiKey(),
                clock,
                sides,
                marketData::klines));
    this.capabilities =
        new Capabilities(
            BybitOrders.MAX_BATCH,
            BybitOrders.MAX_BATCH,
            true,
            true,
            creds != null,
            true,
            creds != null,
            BybitConditionals.TYPES);
    this.deadManSwitch = creds == null ? null : new BybitDeadManSwitch(orders, streams);
    this.marginModes = creds == null ? null : new BybitMarginModes(rest);
    long period = cfg.timeSyncPeriod().toMillis();
    this.timeSync =
        scheduler.scheduleAtFixedRate(
            () -> {
              var unused = rest.syncTime().exceptionally(e -> warn("server-time sync", e));
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
    this.started =
        CompletableFuture.allOf(
            rest.syncTime().thenApply(o -> (Void) null).exceptionally(e -> warnVoid("sync", e)),
            instruments.all().thenApply(l -> (Void) null).exceptionally(e -> warnVoid("load", e)));
  }

  private static @Nullable Long warn(String what, Throwable e) {
    LOG.warn("bybit-linear: {} failed: {}", what, ExchangeErrors.unwrap(e).getMessage());
    return null;
  }

  private static @Nullable Void warnVoid(String what, Throwable e) {
    warn("initial " + what, e);
    return null;
  }

  private static HttpUrl httpUrl(URI base) {
    String url = base.toString();
    return HttpUrl.get(url.endsWith("/") ? url : url + "/");
  }

  /** Completes when the first clock sync and instrument load have finished (or failed). */
  CompletableFuture<Void> started() {
    return started;
  }

  /** Server time minus local time, as last measured. */
  long clockOffsetMillis() {
    return clock.offset();
  }

  /** The streams, for tests that drop the sockets. */
  BybitStreams bybitStreams() {
    return streams;
  }

  @Override
  public String venue() {
    return BybitLinearProvider.ID;
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

  @Override
  public Streams streams() {
    return streams;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return setup.credentials() == null ? Optional.empty() : Optional.of(trading);
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
    timeSync.cancel();
    streams.close();
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
    return "BybitExchange[" + setup.restBaseUrl() + ", " + setup.credentials() + "]";
  }
}
