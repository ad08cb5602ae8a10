package dev.tradekit.server;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane: an authenticated HTTP API (REST and server-sent events) over which users keep
 * exchange keys in an encrypted vault, define bots, read the audit log and follow live events.
 *
 * <p>{@code try (ControlPlane plane = ControlPlane.builder() .bind("127.0.0.1", 8080)
 * .store(Stores.sqlite(Path.of("data/tradekit.db")))
 * .vault(MasterKey.fromEnv("TRADEKIT_MASTER_KEY")) .build() .start()) {
 * plane.setupLink().ifPresent(System.out::println); } }
 *
 * <p>On first start (no user yet) the control plane makes a one-time setup token: {@link
 * #setupLink()} returns the link that creates the admin account; there is no default password.
 * {@link #close()} stops the HTTP server, ends every event stream and closes the store.
 */
public final class ControlPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

  private final PlaneOptions options;
  private @Nullable RunningPlane running;
  private int port;
  private int metricsPort = -1;

  private ControlPlane(PlaneOptions options) {
    this.options = options;
  }

  /** A builder with the defaults written on each of its methods. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Opens the store (running migrations), opens the key vault and starts listening.
   *
   * @return this
   * @throws IllegalStateException if the master key is not the vault's ("wrong master key"), or the
   *     store or the port cannot be opened
   */
  public synchronized ControlPlane start() {
    if (running != null) {
      throw new IllegalStateException("the control plane is already started");
    }
    RunningPlane r = RunningPlane.start(options);
    this.port = r.port();
    this.metricsPort = r.metricsPort();
    this.running = r;
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    return options.url(port);
  }

  /** The port listened on (the actual one when the builder asked for port 0). */
  public int port() {
    return port;
  }

  /**
   * The loopback port that serves {@code GET /metrics} without authentication (the actual one when
   * the builder asked for port 0), or -1 when {@link Builder#metricsPort(int)} was not set.
   */
  public int metricsPort() {
    return metricsPort;
  }

  /**
   * The one-time link that creates the admin account, while no user exists; empty afterwards. It
   * opens the dashboard's setup page (the token travels in the URL fragment, which the browser
   * never sends to a server). Print it to the operator; it is never logged.
   */
  public Optional<String> setupLink() {
    Api a = running == null ? null : running.api();
    String token = a == null ? null : a.setupToken();
    return token == null ? Optional.empty() : Optional.of(url() + "/#/setup?token=" + token);
  }

  /** The one-time setup token while no user exists (the value {@link #setupLink()} carries). */
  public Optional<String> setupToken() {
    Api a = running == null ? null : running.api();
    return a == null ? Optional.empty() : Optional.ofNullable(a.setupToken());
  }

  /**
   * Adds a user unless one of that name exists, for a host that provisions accounts itself (the
   * demo signs its user in with {@link #signInLink}); a user added this way closes first-run setup.
   *
   * @param role {@code admin}, {@code trader} or {@code viewer}
   * @return whether the user was added (false: the name was taken; nothing changed)
   * @throws IllegalArgumentException if the name is malformed, the role unknown or the password
   *     shorter than 12 characters
   */
  public boolean addUser(String username, String password, String role) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (!username.matches("[A-Za-z0-9_.@-]{3,64}")) {
      throw new IllegalArgumentException(
          "username must be 3 to 64 letters, digits or _ . @ -, was " + username);
    }
    if (!Api.ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be one of " + Api.ROLES + ", was " + role);
    }
    if (password.length() < Passwords.MIN_LENGTH) {
      throw new IllegalArgumentException(
          "password must be at least " + Passwords.MIN_LENGTH + " characters");
    }
    Store s = store();
    synchronized (s) {
      if (s.userByName(username).isPresent()) {
        return false;
      }
      s.insertUser(
          new Store.User(
              Ids.next("usr"), username, role, Passwords.hash(password), options.clock().millis()));
    }
    api().closeSetup();
    api()
        .audit(
            "-", "-", "user.create", "user " + username + " (" + role + ") by the host", "-", "ok");
    return true;
  }

  /**
   * A one-time link that signs {@code username} into the dashboard: its token works once (a second
   * use is refused), only within {@code life} (at most 24 h) and not after a restart. It opens the
   * dashboard's link page; the token travels in the URL fragment, which browsers never send to a
   * server, and is never logged: print it to the person it is for.
   *
   * @throws IllegalArgumentException if there is no such user or {@code life} is out of range
   */
  public String signInLink(String username, Duration life) {
    Store.User u =
        store()
            .userByName(username)
            .orElseThrow(() -> new IllegalArgumentException("no user named " + username));
    return url() + "/#/link?token=" + api().links().issue(u.id(), life);
  }

  /** The key vault, for modules that keep their own secrets in it (notifications). */
  public VaultSecrets secrets() {
    return started().vault();
  }

  /**
   * Re-wraps the vault's data key under a new master key while serving: stored records stay
   * readable throughout; the next start must use {@code next}.
   */
  public void rotateMasterKey(MasterKey next) {
    Objects.requireNonNull(next, "next");
    started().vault().rotate(next);
    LOG.info("control plane: the vault's master key was rotated to {}", next);
  }

  private RunningPlane started() {
    return Objects.requireNonNull(running, "start() the control plane first");
  }

  Api api() {
    return started().api();
  }

  Store store() {
    return started().store();
  }

  /**
   * Stops every running bot with its engine's own stop (the market maker cancels its orders and
   * waits until the venue lists none; the copier halts), then the HTTP server, every event stream
   * and the store. Bots stopped this way stay {@code running} in the store and are started again by
   * the next {@link #start()} (unless {@link Builder#resumeBots(boolean)} is off).
   */
  @Override
  public synchronized void close() {
    RunningPlane r = running;
    running = null;
    metricsPort = -1;
    if (r != null) {
      r.close();
    }
  }

  /**
   * Opens a venue account for a bot: the provider id of the bot's definition ({@code sim}, {@code
   * binance-usdm}, {@code bybit-linear}) and the credentials of its vault key. The default opens
   * the provider found by {@link java.util.ServiceLoader} ({@code
   * Exchanges.builder(provider).credentials(..).build()}, on the provider's default environment,
   * the testnet for {@code binance-usdm} and {@code bybit-linear}); a host or a test passes its
   * own, e.g. one that points the Binance adapter at a local {@code FakeBinance}.
   *
   * <p>{@code builder.exchanges((provider, credentials) ->
   * fake.adapter(credentials.apiKey()).build())}
   *
   * <p>Called on a request thread when a bot starts; the control plane closes each account when its
   * bot stops.
   */
  @FunctionalInterface
  public interface ExchangeFactory {
    /** The default: the provider's {@link java.util.ServiceLoader} registration. */
    ExchangeFactory SERVICE_LOADER =
        (provider, credentials) -> Exchanges.builder(provider).credentials(credentials).build();

    /** Opens the account that {@code credentials} reach on {@code provider}. */
    Exchange open(String provider, Credentials credentials);
  }

  /**
   * Configures a {@link ControlPlane}; every setter validates its argument at once.
   *
   * <p>{@code ControlPlane.builder().store(Stores.sqlite(file)).vault(key).build()}
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private @Nullable Stores store;
    private @Nullable MasterKey masterKey;
    private byte @Nullable [] tokenKey;
    private @Nullable Path keyStore;
    private char @Nullable [] keyStorePassword;
    private boolean insecureBind;
    private final List<String> corsOrigins = new ArrayList<>();
    private int maxRequestBytes = 64 * 1024;
    private Duration accessTokenLife = Duration.ofMinutes(15);
    private Duration refreshTokenLife = Duration.ofDays(30);
    private int loginFailuresPerUser = 5;
    private int loginFailuresPerAddress = 20;
    private Duration loginWindow = Duration.ofMinutes(15);
    private int eventRetention = 10_000;
    private int subscriberQueue = 256;
    private int maxThreads = 200;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Clock clock = Clock.systemUTC();
    private ExchangeFactory exchanges = ExchangeFactory.SERVICE_LOADER;
    private @Nullable Path journals;
    private boolean resumeBots = true;
    private String telegramApi = "https://api.telegram.org";
    private @Nullable String telegramToken;
    private @Nullable Map<String, String> smtp;
    private Duration notifyRetryDelay = Duration.ofSeconds(5);
    private int backtestThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private int backtestQueue = 16;
    private Duration backtestProgressEvery = Duration.ofMillis(500);
    private int backtestRetention = 100;
    private @Nullable Path backtestData;
    private @Nullable MeterRegistry meterRegistry;
    private int metricsPort = -1;
    private Duration equityEvery = Duration.ofMinutes(1);
    private int equityRetention = 10_080;

    private Builder() {}

    /**
     * Where the control plane's meters go (HTTP, JVM, per bot, backtest jobs). Default: a {@link
     * PrometheusMeterRegistry} the control plane makes at each start and closes with it. A host's
     * registry is not closed; {@code GET /metrics} serves it when it is a {@code
     * PrometheusMeterRegistry} (or a composite holding one), and answers 404 otherwise.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Also serves {@code GET /metrics} (Prometheus text format) without authentication on this port
     * of {@code 127.0.0.1} only, where nothing else is served. Default: off; the scrape is then
     * only on the API port, for admins.
     *
     * @param port 0 to 65535; 0 picks a free port ({@link ControlPlane#metricsPort()})
     */
    public Builder metricsPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: must be 0 to 65535, got " + port);
      }
      this.metricsPort = port;
      return this;
    }

    /**
     * The equity history of market-maker, grid and DCA bots: every {@code every} the control plane
     * stores each running bot's realised and unrealised PnL, fees and position, and keeps the
     * newest {@code keepPerBot} samples of each bot (served by {@code GET /api/bots/{id}/equity};
     * deleted with the bot). Default one sample a minute, 10,080 kept (7 days). {@code every} is 10
     * ms to 1 hour; {@code keepPerBot} 1 to 100,000.
     */
    public Builder equityHistory(Duration every, int keepPerBot) {
      positive(every, "every");
      if (every.compareTo(Duration.ofMillis(10)) < 0 || every.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("every: must be 10 ms to 1 hour, got " + every);
      }
      if (keepPerBot < 1 || keepPerBot > ChartRoutes.MAX_EQUITY) {
        throw new IllegalArgumentException(
            "keepPerBot: must be 1 to " + ChartRoutes.MAX_EQUITY + ", got " + keepPerBot);
      }
      this.equityEvery = every;
      this.equityRetention = keepPerBot;
      return this;
    }

    /**
     * The backtest job pool: how many jobs run at once and how many more may wait; a submission
     * beyond that gets 503 with a problem body. Default half the cores (at least 1) and 16 waiting.
     */
    public Builder backtestPool(int threads, int queue) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("threads: must be 1 to 64, got " + threads);
      }
      if (queue < 0 || queue > 10_000) {
        throw new IllegalArgumentException("queue: must be 0 to 10000, got " + queue);
      }
      this.backtestThreads = threads;
      this.backtestQueue = queue;
      return this;
    }

    /**
     * How many finished backtest jobs (done, failed or cancelled) each user keeps, with their
     * results and reports: when a job finishes, that user's older finished jobs beyond the newest
     * {@code keepPerUser} are deleted. Queued and running jobs are never removed. Default 100.
     */
    public Builder backtestRetention(int keepPerUser) {
      if (keepPerUser < 1 || keepPerUser > 100_000) {
        throw new IllegalArgumentException("keepPerUser: must be 1 to 100000, got " + keepPerUser);
      }
      this.backtestRetention = keepPerUser;
      return this;
    }

    /**
     * The shortest time between two progress events of one backtest job on the event stream.
     * Default 500 ms.
     */
    public Builder backtestProgressEvery(Duration interval) {
      this.backtestProgressEvery = positive(interval, "interval");
      return this;
    }

    /**
     * The folder whose recorded market-data files backtest jobs may name ({@code "data": {"source":
     * "file", "file": "btcusdt.csv"}}); nothing outside it is ever read. Default none: jobs run on
     * the synthetic market only.
     */
    public Builder backtestData(Path folder) {
      Objects.requireNonNull(folder, "folder");
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("folder: " + folder + " is not a folder");
      }
      this.backtestData = folder;
      return this;
    }

    /**
     * The operator's Telegram bot token (from @BotFather), written to the vault at {@link #start()}
     * (replacing one an admin set over the API). Default none: set it over the API ({@code PUT
     * /api/admin/notifications/telegram}) or not at all. Never logged or returned.
     */
    public Builder telegramBot(String token) {
      Objects.requireNonNull(token, "token");
      if (!NotifyAdminRoutes.TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException(
            "token: must be a Telegram bot token as @BotFather gives it (<digits>:<key>)");
      }
      this.telegramToken = token;
      return this;
    }

    /**
     * The Telegram Bot API's base URL. Default {@code https://api.telegram.org}; tests point it at
     * a local server.
     */
    public Builder telegramApi(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
        throw new IllegalArgumentException("baseUrl: must be an http or https URL, got " + baseUrl);
      }
      this.telegramApi = baseUrl;
      return this;
    }

    /**
     * The operator's SMTP server for the {@code email} channel, written to the vault at {@link
     * #start()} (replacing settings an admin set over the API). Default none.
     *
     * @param security {@code STARTTLS} (port 587), {@code TLS} (465) or {@code NONE} (local relays)
     * @param username the login, or null for none
     * @param password the password (with a username), or null; never logged or returned
     */
    public Builder smtp(
        String host,
        int port,
        dev.tradekit.notify.EmailChannel.Security security,
        String from,
        @Nullable String username,
        @Nullable String password) {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(security, "security");
      Objects.requireNonNull(from, "from");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host: must not be blank");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port: must be 1 to 65535, got " + port);
      }
      if (!NotifyRoutes.EMAIL.matcher(from).matches()) {
        throw new IllegalArgumentException("from: must be an email address");
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException("username and password: give both or neither");
      }
      Map<String, String> m = new java.util.LinkedHashMap<>();
      m.put("host", host);
      m.put("port", Integer.toString(port));
      m.put("security", security.name());
      m.put("from", from);
      if (username != null && password != null) {
        m.put("username", username);
        m.put("password", password);
      }
      this.smtp = Map.copyOf(m);
      return this;
    }

    /**
     * The first retry delay of a failed notification (doubled per attempt, up to an hour, half of
     * it random). Default 5 s.
     */
    public Builder notifyRetryDelay(Duration delay) {
      this.notifyRetryDelay = positive(delay, "delay");
      if (delay.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException("delay: must be at most 1 hour, got " + delay);
      }
      return this;
    }

    /**
     * How bots reach their venues. Default {@link ExchangeFactory#SERVICE_LOADER} (the exchange
     * SPI's providers on the class path).
     */
    public Builder exchanges(ExchangeFactory factory) {
      this.exchanges = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * The folder for engine files: each copier's journal ({@code copier-<bot id>.db}) and each
     * scanner's hot pool. Default: the SQLite store's folder; for PostgreSQL, {@code
     * tradekit-journals} in the working directory.
     */
    public Builder journals(Path folder) {
      Objects.requireNonNull(folder, "folder");
      try {
        Files.createDirectories(folder);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException("folder: cannot create " + folder + ": " + e, e);
      }
      this.journals = folder;
      return this;
    }

    /**
     * Whether {@link #start()} starts again the bots that were running when the control plane last
     * closed (their stored state is {@code running}). Default {@code true}.
     */
    public Builder resumeBots(boolean resume) {
      this.resumeBots = resume;
      return this;
    }

    /**
     * The address and port to listen on. Default {@code 127.0.0.1:8080}. A non-loopback address
     * needs {@link #tls} or {@link #allowInsecureBind()}.
     *
     * @param port 0 to 65535; 0 picks a free port
     */
    public Builder bind(String host, int port) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("host: must not be blank");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: must be 0 to 65535, got " + port);
      }
      this.host = host;
      this.port = port;
      return this;
    }

    /** Where users, the vault, bots, the audit log and events live. Required. */
    public Builder store(Stores store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The master key that wraps the vault's data key. Required. */
    public Builder vault(MasterKey masterKey) {
      this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
      return this;
    }

    /**
     * The HS256 key that signs access tokens. Default: 32 random bytes per start (access tokens
     * then end with the process; refresh tokens, kept in the store, survive).
     *
     * @param key at least 32 bytes; copied
     */
    public Builder tokenKey(byte[] key) {
      Objects.requireNonNull(key, "key");
      if (key.length < 32) {
        throw new IllegalArgumentException("key: must be at least 32 bytes, got " + key.length);
      }
      this.tokenKey = key.clone();
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate in a PKCS#12 or JKS key store. Default: plain HTTP,
     * allowed on loopback only. Cookies are marked {@code Secure} under TLS.
     */
    public Builder tls(Path keyStore, char[] password) {
      Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(password, "password");
      if (!Files.isReadable(keyStore)) {
        throw new IllegalArgumentException("keyStore: cannot read " + keyStore);
      }
      this.keyStore = keyStore;
      this.keyStorePassword = password.clone();
      return this;
    }

    /**
     * Allows plain HTTP on a non-loopback address (behind a TLS-terminating proxy, say). Default:
     * refused. Logged as a warning at every start.
     */
    public Builder allowInsecureBind() {
      this.insecureBind = true;
      return this;
    }

    /**
     * Browser origins allowed to call the API cross-origin, exact (scheme, host, port; no trailing
     * slash). Default: none, so no CORS header is ever sent. {@code *} is refused.
     */
    public Builder corsOrigins(String... origins) {
      for (String o : origins) {
        Objects.requireNonNull(o, "origins");
        if (o.equals("*") || !o.matches("https?://[^/\\s]+")) {
          throw new IllegalArgumentException(
              "origins: each must be an exact origin such as https://app.example.com, got " + o);
        }
        corsOrigins.add(o);
      }
      return this;
    }

    /** The largest request body accepted; larger ones get 413. Default 64 KiB. */
    public Builder maxRequestBytes(int bytes) {
      if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("bytes: must be 1 KiB to 16 MiB, got " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /** How long an access token lives. Default 15 minutes. */
    public Builder accessTokenLife(Duration life) {
      this.accessTokenLife = positive(life, "life");
      return this;
    }

    /** How long a refresh token lives (each use replaces it). Default 30 days. */
    public Builder refreshTokenLife(Duration life) {
      this.refreshTokenLife = positive(life, "life");
      return this;
    }

    /**
     * Login throttling: failed logins allowed per user name and per client address within the
     * window. Default 5 per user, 20 per address, in 15 minutes.
     */
    public Builder loginThrottle(int perUser, int perAddress, Duration window) {
      if (perUser < 1 || perAddress < 1) {
        throw new IllegalArgumentException("perUser, perAddress: must be at least 1");
      }
      this.loginFailuresPerUser = perUser;
      this.loginFailuresPerAddress = perAddress;
      this.loginWindow = positive(window, "window");
      return this;
    }

    /**
     * How many events the persisted event log keeps for {@code Last-Event-ID} replay. Default
     * 10,000 (all users together).
     */
    public Builder eventRetention(int events) {
      if (events < 100) {
        throw new IllegalArgumentException("events: must be at least 100, got " + events);
      }
      this.eventRetention = events;
      return this;
    }

    /**
     * How many events may wait for one slow event-stream client before it is dropped. Default 256.
     */
    public Builder subscriberQueue(int events) {
      if (events < 1 || events > 100_000) {
        throw new IllegalArgumentException("events: must be 1 to 100000, got " + events);
      }
      this.subscriberQueue = events;
      return this;
    }

    /** The most request threads (each open event stream holds one). Default 200. */
    public Builder maxThreads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("threads: must be at least 8, got " + threads);
      }
      this.maxThreads = threads;
      return this;
    }

    /** The clock for token expiry, throttling and timestamps. Default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + ": must be positive, got " + d);
      }
      return d;
    }

    /**
     * Checks the whole configuration.
     *
     * @throws IllegalArgumentException naming what is missing or unsafe
     */
    public ControlPlane build() {
      if (store == null) {
        throw new IllegalArgumentException("store: required, e.g. Stores.sqlite(path)");
      }
      if (masterKey == null) {
        throw new IllegalArgumentException("vault: required, e.g. MasterKey.fromEnv(..)");
      }
      if (!loopback(host) && keyStore == null) {
        if (!insecureBind) {
          throw new IllegalArgumentException(
              "bind: "
                  + host
                  + " is not a loopback address; serve TLS (tls(..)) or, behind a TLS proxy,"
                  + " call allowInsecureBind()");
        }
        LOG.warn(
            "SECURITY WARNING: the control plane serves plain HTTP on the non-loopback address {}"
                + " (allowInsecureBind). Tokens and passwords cross the network in clear unless"
                + " a TLS proxy stands in front.",
            host);
      }
      return new ControlPlane(
          new PlaneOptions(
              host,
              port,
              store,
              masterKey,
              tokenKey == null ? null : tokenKey.clone(),
              keyStore,
              keyStorePassword == null ? null : keyStorePassword.clone(),
              List.copyOf(corsOrigins),
              maxRequestBytes,
              accessTokenLife,
              refreshTokenLife,
              loginFailuresPerUser,
              loginFailuresPerAddress,
              loginWindow,
              eventRetention,
              subscriberQueue,
              maxThreads,
              idleTimeout,
              clock,
              exchanges,
              journals,
              resumeBots,
              telegramApi,
              telegramToken,
              smtp,
              notifyRetryDelay,
              backtestThreads,
              backtestQueue,
              backtestProgressEvery,
              backtestRetention,
              backtestData,
              meterRegistry,
              metricsPort,
              equityEvery,
              equityRetention));
    }

    private static boolean loopback(String host) {
      if (host.equals("localhost")) {
        return true;
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
