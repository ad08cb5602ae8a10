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
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * A local Bybit v5 exchange (linear perpetuals, unified account) on a loopback port: the REST
 * endpoints and the public and private WebSockets the {@code bybit-linear} adapter uses, answered
 * by a simulated venue ({@link SimVenue}) in Bybit's JSON shapes, retCodes and signing, with the
 * same injectable {@link Faults} as {@link FakeBinance}.
 *
 * <pre>{@code
 * try (FakeBybit fake = FakeBybit.builder()
 *         .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
 *         .start();
 *     Exchange ex = fake.adapter("key-1").build()) {
 *   ex.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.01"))).join();
 * }
 * }</pre>
 *
 * <p>Paths: REST {@code /v5/...}; WebSockets {@code /v5/public/linear} and {@code /v5/private}. The
 * market is pumped live (relative to the start, scaled by {@link Builder#speed}) or, on a {@link
 * dev.tradekit.api.runtime.VirtualScheduler}, up to {@link #runUntil}.
 */
public final class FakeBybit implements AutoCloseable {
  private static final String MARKET_ACCOUNT = "fake-bybit-market-data";

  private final BybitFakeDcp dcp;
  private final Server server;
  private final SimVenue venue;
  private final VenueDriver driver;
  private final Faults faults;
  private final BybitFakeStreams streams;
  private final @Nullable LiveScheduler ownedScheduler;
  private final Map<String, String> secrets;
  private final MarketDataSource source;
  private final int port;

  private FakeBybit(Builder b) throws Exception {
    Scheduler scheduler = b.scheduler;
    this.ownedScheduler = scheduler == null ? LiveScheduler.create("fake-bybit") : null;
    if (scheduler == null) {
      scheduler = Objects.requireNonNull(ownedScheduler);
    }
    Map<String, Instrument> instruments = new LinkedHashMap<>();
    if (b.instruments.isEmpty()) {
      instruments.put("BTCUSDT", FakeBinance.defaultInstrument());
    } else {
      b.instruments.forEach(i -> instruments.put(i.symbol(), i));
    }
    SimVenue.Builder vb =
        SimVenue.builder()
            .scheduler(scheduler)
            .fees(b.makerFee, b.takerFee)
            .orderLatency(LatencyModel.zero())
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
    this.secrets = new ConcurrentHashMap<>();
    this.faults = new Faults(this::dropSockets, () -> {});
    Map<String, Exchange> accounts = new ConcurrentHashMap<>();
    this.dcp = new BybitFakeDcp(accounts, List.copyOf(instruments.keySet()));
    BybitFakeStreams[] hub = new BybitFakeStreams[1];
    this.driver =
        new VenueDriver(
            scheduler,
            venue,
            source,
            b.speed,
            e -> {
              if (hub[0] != null) {
                hub[0].publish(e);
              }
            });
    this.streams =
        new BybitFakeStreams(
            venue,
            driver,
            instruments,
            secrets,
            faults,
            () -> clock.currentTimeMillis() + faults.skewMillis(),
            dcp);
    hub[0] = streams;
    venue.addDepthListener(
        e -> {
          if (e.type() == MarketEvent.Type.DEPTH_UPDATE) {
            streams.publish(e);
          }
        });
    b.accounts.forEach(
        (apiKey, secretAndSetup) -> {
          accounts.put(apiKey, venue.openAccount(apiKey, secretAndSetup.getValue()));
          secrets.put(apiKey, secretAndSetup.getKey());
        });
    Exchange market = venue.openAccount(MARKET_ACCOUNT, AccountSetup.usdt(BigDecimal.ZERO));
    OrderHistory history = new OrderHistory();
    BybitFakeStops stops = new BybitFakeStops();
    BybitFakeRest rest =
        new BybitFakeRest(
            venue,
            driver,
            instruments,
            accounts,
            market,
            secrets,
            faults,
            history,
            b.ordersPerSecond,
            dcp,
            stops);

    this.server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            server,
            context,
            c -> {
              c.addMapping("/v5/public/linear", (req, resp, cb) -> streams.openPublic());
              c.addMapping("/v5/private", (req, resp, cb) -> streams.openPrivate());
            });
    ws.setHandler(rest);
    context.setHandler(ws);
    server.setHandler(context);
    driver.start();
    accounts.forEach(
        (key, ex) ->
            driver.run(
                () -> {
                  ex.streams().userEvents(history.listener(key));
                  return ex.streams()
                      .userEvents(stops.wrap(key, streams.listener(key, instruments, stops)));
                }));
    server.start();
    this.port = connector.getLocalPort();
  }

  /**
   * Whether a private WebSocket of the account of {@code apiKey} subscribes {@code dcp.future} now,
   * so that Bybit's disconnect-cancel-all will cancel its orders once every such socket has been
   * gone for the account's window (set with {@code POST /v5/order/disconnected-cancel-all}, default
   * 10 s).
   */
  public boolean dcpWatched(String apiKey) {
    return dcp.watched(Objects.requireNonNull(apiKey, "apiKey"));
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}, the REST base URL to give the adapter. */
  public String restBaseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code ws://127.0.0.1:<port>}, the WebSocket base URL to give the adapter. */
  public String wsBaseUrl() {
    return "ws://127.0.0.1:" + port;
  }

  /**
   * The Bybit adapter ({@code bybit-linear}, which must be on the class path) pointed at this
   * server and signing as the account of {@code apiKey}; add a scheduler or options, then build.
   *
   * @throws IllegalArgumentException when no account was set up with {@code apiKey}
   */
  public Exchanges.Builder adapter(String apiKey) {
    String secret = secrets.get(Objects.requireNonNull(apiKey, "apiKey"));
    if (secret == null) {
      throw new IllegalArgumentException(
          "no account with API key " + apiKey + ": add it with FakeBybit.builder().account(..)");
    }
    return Exchanges.builder("bybit-linear")
        .restBaseUrl(restBaseUrl())
        .wsBaseUrl(wsBaseUrl())
        .credentials(Credentials.of(apiKey, secret));
  }

  /** The open public WebSockets (for tests in this package to wait on subscriptions). */
  List<WsSocket> publicSockets() {
    return streams.publicSockets();
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

  /** The server's clock (scheduler time plus any injected skew) in epoch milliseconds. */
  public long serverTime() {
    return driver.now() + faults.skewMillis();
  }

  /** Runs {@code work} on the venue's scheduler thread and returns its result. */
  public <T> T onVenueThread(java.util.function.Supplier<T> work) {
    return driver.run(work);
  }

  private void dropSockets() {
    streams.dropAll();
  }

  /** Stops the server, the driver and an owned scheduler; closes the market source. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the fake Bybit server failed", e);
    } finally {
      driver.close();
      if (ownedScheduler != null) {
        ownedScheduler.close();
      }
      source.close();
    }
  }

  /**
   * Builds and starts a {@link FakeBybit}. Defaults: a {@link LiveScheduler} it owns, BTCUSDT (tick
   * 0.1, step 0.001) on a {@link SyntheticMarket} starting now, fees 0.0002 / 0.0005, 10 order
   * requests per second per account and endpoint, speed 1, seed 1, no accounts.
   *
   * <pre>{@code
   * FakeBybit fake = FakeBybit.builder().account("k", "s", AccountSetup.usdt(usdt)).start();
   * }</pre>
   */
  public static final class Builder {
    private @Nullable Scheduler scheduler;
    private final List<Instrument> instruments = new java.util.ArrayList<>();
    private @Nullable MarketDataSource source;
    private final Map<String, Map.Entry<String, AccountSetup>> accounts = new LinkedHashMap<>();
    private BigDecimal makerFee = new BigDecimal("0.0002");
    private BigDecimal takerFee = new BigDecimal("0.0005");
    private int ordersPerSecond = 10;
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
      if (accounts.containsKey(apiKey) || apiKey.equals(MARKET_ACCOUNT)) {
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

    /**
     * Create and amend requests each account may send per endpoint per second before retCode 10006
     * (Bybit's default 10); at least 1.
     */
    public Builder ordersPerSecond(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("ordersPerSecond must be >= 1, was " + value);
      }
      this.ordersPerSecond = value;
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
    public FakeBybit start() {
      try {
        return new FakeBybit(this);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("the fake Bybit server did not start", e);
      }
    }
  }
}
