package dev.tradekit.testkit;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * A local Binance USD-M exchange on a loopback port: the REST endpoints and WebSocket streams the
 * real adapter uses, answered by a simulated venue ({@link SimVenue}), with Binance's JSON shapes,
 * status codes, error bodies, signing, rate limits and injectable {@link Faults}.
 *
 * <pre>{@code
 * try (FakeBinance fake = FakeBinance.builder()
 *         .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
 *         .start();
 *     Exchange ex = fake.adapter("key-1").build()) {
 *   ex.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"))).join();
 * }
 * }</pre>
 *
 * <p><b>Time.</b> On a {@link dev.tradekit.api.runtime.VirtualScheduler} nothing moves until {@link
 * #runUntil} replays the market data up to a time; requests are served at the current virtual time
 * (with order latency above zero, a request waits until the clock is advanced past its arrival). On
 * a live scheduler (the default owns one) the source is pumped at its timestamps relative to the
 * start, divided by {@link Builder#speed}.
 */
public final class FakeBinance implements AutoCloseable {
  private final Server server;
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Faults faults;
  private final UserStreamHub users;
  private final MarketStreamHub market;
  private final @Nullable LiveScheduler ownedScheduler;

  /** Secret by API key, for {@link #adapter}; never logged. */
  private final Map<String, String> secrets;

  private final MarketDataSource source;
  private final int port;

  private FakeBinance(Builder b) throws Exception {
    Scheduler scheduler = b.scheduler;
    this.ownedScheduler = scheduler == null ? LiveScheduler.create("fake-binance") : null;
    if (scheduler == null) {
      scheduler = Objects.requireNonNull(ownedScheduler);
    }
    Map<String, Instrument> instruments = new LinkedHashMap<>();
    if (b.instruments.isEmpty()) {
      instruments.put("BTCUSDT", defaultInstrument());
    } else {
      b.instruments.forEach(i -> instruments.put(i.symbol(), i));
    }
    SimVenue.Builder vb =
        SimVenue.builder()
            .scheduler(scheduler)
            .fees(b.makerFee, b.takerFee)
            .orderLatency(b.orderLatency)
            .marketDataLatency(LatencyModel.zero())
            .seed(b.seed);
    instruments.values().forEach(vb::instrument);
    this.venue = vb.build();
    Scheduler clock = scheduler;
    this.source =
        b.source != null
            ? b.source
            : new SyntheticMarket(
                SyntheticMarket.Config.builder()
                    .startTimeMillis(scheduler.currentTimeMillis())
                    .duration(Duration.ofHours(6))
                    .seed(b.seed)
                    .build());
    this.faults = new Faults(this::dropSockets, this::invalidateKeys);
    this.market = new MarketStreamHub(instruments, faults);
    // depth diffs come from the venue (recorded diffs with account orders merged in, and the
    // venue's own level changes); every other event is published as the source has it
    venue.addDepthListener(market::publish);
    this.driver =
        new VenueDriver(
            scheduler,
            venue,
            source,
            b.speed,
            e -> {
              if (e.type() != MarketEvent.Type.DEPTH_UPDATE) {
                market.publish(e);
              }
            });
    this.users = new UserStreamHub(() -> clock.currentTimeMillis(), faults);
    Map<String, Exchange> accounts = new ConcurrentHashMap<>();
    this.secrets = new ConcurrentHashMap<>();
    b.accounts.forEach(
        (apiKey, secretAndSetup) -> {
          accounts.put(apiKey, venue.openAccount(apiKey, secretAndSetup.getValue()));
          secrets.put(apiKey, secretAndSetup.getKey());
        });
    OrderHistory history = new OrderHistory();
    Endpoints endpoints =
        new Endpoints(
            venue,
            driver,
            instruments,
            accounts,
            new ConcurrentHashMap<>(),
            users,
            faults,
            b.limits,
            history);
    RestHandler rest =
        new RestHandler(endpoints, new RequestMeter(b.limits), faults, secrets, driver);

    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(server, context, c -> WsRoutes.map(c, market, users));
    ws.setHandler(rest);
    context.setHandler(ws);
    server.setHandler(context);
    driver.start();
    accounts.forEach(
        (key, ex) ->
            driver.run(
                () -> {
                  ex.streams().userEvents(history.listener(key));
                  return ex.streams().userEvents(users.listener(key));
                }));
    driver.run(() -> clock.scheduleAtFixedRate(users::expire, 1000, 1000, TimeUnit.MILLISECONDS));
    server.start();
    this.port = connector.getLocalPort();
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}, the REST base URL to give the adapter. */
  public String restBaseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The Binance USD-M adapter ({@code binance-usdm}, which must be on the class path) pointed at
   * this server and signing as the account of {@code apiKey}; add a scheduler or options, then
   * build.
   *
   * <pre>{@code
   * Exchange ex = fake.adapter("key-1").scheduler(clock).build();
   * }</pre>
   *
   * @throws IllegalArgumentException when no account was set up with {@code apiKey}
   */
  public Exchanges.Builder adapter(String apiKey) {
    String secret = secrets.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (secret == null) {
      throw new IllegalArgumentException(
          "no account with API key " + apiKey + ": add it with FakeBinance.builder().account(..)");
    }
    return Exchanges.builder("binance-usdm")
        .restBaseUrl(restBaseUrl())
        .wsBaseUrl(wsBaseUrl())
        .credentials(Credentials.of(apiKey, secret));
  }

  /** {@code ws://127.0.0.1:<port>}, the WebSocket base URL to give the adapter. */
  public String wsBaseUrl() {
    return "ws://127.0.0.1:" + port;
  }

  /** The open market WebSockets, for tests that wait on a (re)subscription. */
  public List<WsSocket> marketSockets() {
    return market.sockets();
  }

  /** The simulated venue behind the server, to assert on its state. */
  public SimVenue venue() {
    return venue;
  }

  /** The faults to inject. */
  public Faults faults() {
    return faults;
  }

  /**
   * Virtual mode: replays market data up to {@code epochMillis} and runs the timers due by then.
   */
  public void runUntil(long epochMillis) {
    driver.runUntil(epochMillis);
  }

  /** Virtual mode: {@link #runUntil} the current time plus {@code duration}. */
  public void advance(Duration duration) {
    driver.runUntil(driver.run(driver::now) + duration.toMillis());
  }

  /** The server's clock (scheduler time plus any injected skew) in epoch milliseconds. */
  public long serverTime() {
    return driver.now() + faults.skewMillis();
  }

  /** Runs {@code work} on the venue's scheduler thread and returns its result. */
  public <T> T onVenueThread(java.util.function.Supplier<T> work) {
    return driver.run(work);
  }

  private void dropSockets() {
    market.dropAll();
    users.dropAll();
  }

  private void invalidateKeys() {
    users.invalidateAll();
  }

  /** Stops the server, the driver and an owned scheduler; closes the market source. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the fake Binance server failed", e);
    } finally {
      driver.close();
      users.close();
      if (ownedScheduler != null) {
        ownedScheduler.close();
      }
      source.close();
    }
  }

  static Instrument defaultInstrument() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(new BigDecimal("0.1"))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  /**
   * Builds and starts a {@link FakeBinance}. Defaults: a {@link LiveScheduler} it owns, BTCUSDT
   * (tick 0.1, step 0.001) on a {@link SyntheticMarket} starting now, zero order latency, fees
   * 0.0002 / 0.0005, {@link RateLimits#binance()}, speed 1, seed 1, no accounts.
   *
   * <pre>{@code
   * FakeBinance fake = FakeBinance.builder().scheduler(new VirtualScheduler(t0))
   *     .source(MarketDataSources.synthetic(config)).account("k", "s", setup).start();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private final List<Instrument> instruments = new java.util.ArrayList<>();
    private @Nullable MarketDataSource source;
    private final Map<String, Map.Entry<String, AccountSetup>> accounts = new LinkedHashMap<>();
    private BigDecimal makerFee = new BigDecimal("0.0002");
    private BigDecimal takerFee = new BigDecimal("0.0005");
    private LatencyModel orderLatency = LatencyModel.zero();
    private RateLimits limits = RateLimits.binance();
    private double speed = 1;
    private long seed = 1;

    private Builder() {}

    /** The venue's clock: a VirtualScheduler (driven by runUntil) or a live one. */
    public Builder scheduler(Scheduler value) {
      this.scheduler = Objects.requireNonNull(value, "scheduler");
      return this;
    }

    /** Lists a symbol (default: BTCUSDT only). */
    public Builder instrument(Instrument value) {
      instruments.add(Objects.requireNonNull(value, "instrument"));
      return this;
    }

    /** The market data (default: a synthetic BTCUSDT market); closed with the server. */
    public Builder source(MarketDataSource value) {
      this.source = Objects.requireNonNull(value, "source");
      return this;
    }

    /** An account of the venue reached with {@code apiKey}, signing with {@code secret}. */
    public Builder account(String apiKey, String secret, AccountSetup setup) {
      Objects.requireNonNull(apiKey, "apiKey");
      Objects.requireNonNull(secret, "secret");
      Objects.requireNonNull(setup, "setup");
      if (apiKey.isBlank() || secret.isBlank()) {
        throw new IllegalArgumentException("apiKey and secret must not be blank");
      }
      if (accounts.containsKey(apiKey)) {
        throw new IllegalArgumentException("apiKey " + apiKey + " is already an account");
      }
      accounts.put(apiKey, Map.entry(secret, setup));
      return this;
    }

    /** Maker and taker fee rates, passed to the venue (default 0.0002 / 0.0005). */
    public Builder fees(BigDecimal maker, BigDecimal taker) {
      this.makerFee = Objects.requireNonNull(maker, "maker");
      this.takerFee = Objects.requireNonNull(taker, "taker");
      return this;
    }

    /** How long an order takes to reach the matcher (default: zero). */
    public Builder orderLatency(LatencyModel value) {
      this.orderLatency = Objects.requireNonNull(value, "orderLatency");
      return this;
    }

    /** The limits enforced (default {@link RateLimits#binance()}). */
    public Builder rateLimits(RateLimits value) {
      this.limits = Objects.requireNonNull(value, "rateLimits");
      return this;
    }

    /** Live mode: how many times faster than recorded the market is pumped (default 1). */
    public Builder speed(double value) {
      if (!(value > 0 && value < 1e6)) {
        throw new IllegalArgumentException("speed must be in (0, 1e6), was " + value);
      }
      this.speed = value;
      return this;
    }

    /** Seed of the venue's latency draws and the default synthetic market (default 1). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Validates, builds and starts the server on an ephemeral loopback port.
     *
     * @throws IllegalStateException if the server cannot start
     */
    public FakeBinance start() {
      try {
        return new FakeBinance(this);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the fake Binance server did not start", e);
      }
    }
  }
}
