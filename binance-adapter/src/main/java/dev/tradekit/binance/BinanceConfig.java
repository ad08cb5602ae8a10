package dev.tradekit.binance;

import dev.tradekit.adapter.ConfigChecks;
import dev.tradekit.api.ExchangeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binance USD-M specific settings, passed to the exchange builder as an extension; every setting
 * has a default, so the extension itself is optional.
 *
 * <pre>{@code
 * BinanceConfig config = BinanceConfig.builder()
 *     .recvWindow(Duration.ofSeconds(10))
 *     .sharedLimits(limits)            // one BinanceLimits per IP, shared by every account
 *     .build();
 * Exchange ex = Exchanges.builder("binance-usdm")
 *     .credentials(creds)
 *     .extension(BinanceConfig.class, config)
 *     .build();
 * }</pre>
 *
 * <p>The string options {@code recvWindow} (ms), {@code legacyWsPaths} and {@code httpLogging}
 * ({@code true}/{@code false}) of {@link dev.tradekit.api.Exchanges.Builder#option} override the
 * corresponding settings; any other option key is rejected.
 */
public final class BinanceConfig {
  /** Option keys accepted through {@code Exchanges.Builder#option}. */
  static final Set<String> OPTION_KEYS = Set.of("recvWindow", "legacyWsPaths", "httpLogging");

  private final Duration recvWindow;
  private final boolean legacyWsPaths;
  private final Duration timeSyncPeriod;
  private final Duration exchangeInfoRefresh;
  private final Duration listenKeyKeepAlive;
  private final Duration requestTimeout;
  private final Duration orderResolveDelay;
  private final @Nullable BinanceLimits sharedLimits;
  private final boolean httpLogging;

  private BinanceConfig(Builder b) {
    this.recvWindow = b.recvWindow;
    this.legacyWsPaths = b.legacyWsPaths;
    this.timeSyncPeriod = b.timeSyncPeriod;
    this.exchangeInfoRefresh = b.exchangeInfoRefresh;
    this.listenKeyKeepAlive = b.listenKeyKeepAlive;
    this.requestTimeout = b.requestTimeout;
    this.orderResolveDelay = b.orderResolveDelay;
    this.sharedLimits = b.sharedLimits;
    this.httpLogging = b.httpLogging;
  }

  /** A builder holding the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every setting at its default. */
  public static BinanceConfig defaults() {
    return builder().build();
  }

  /**
   * The settings for {@code config}: its {@code BinanceConfig} extension (or the defaults) with its
   * string options applied on top.
   *
   * @throws IllegalArgumentException for an unknown option key or a malformed value
   */
  static BinanceConfig from(ExchangeConfig config) {
    BinanceConfig base = config.extension(BinanceConfig.class).orElseGet(BinanceConfig::defaults);
    Map<String, String> options = config.options();
    if (options.isEmpty()) {
      return base;
    }
    Builder b = base.toBuilder();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String v = e.getValue().trim();
      switch (e.getKey()) {
        case "recvWindow" ->
            b.recvWindow(Duration.ofMillis(ConfigChecks.wholeNumber("recvWindow", v)));
        case "legacyWsPaths" -> b.legacyWsPaths(ConfigChecks.trueOrFalse("legacyWsPaths", v));
        case "httpLogging" -> b.httpLogging(ConfigChecks.trueOrFalse("httpLogging", v));
        default ->
            throw ConfigChecks.unknownOption(
                "binance-usdm", e.getKey(), OPTION_KEYS, "BinanceConfig");
      }
    }
    return b.build();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recvWindow = recvWindow;
    b.legacyWsPaths = legacyWsPaths;
    b.timeSyncPeriod = timeSyncPeriod;
    b.exchangeInfoRefresh = exchangeInfoRefresh;
    b.listenKeyKeepAlive = listenKeyKeepAlive;
    b.requestTimeout = requestTimeout;
    b.orderResolveDelay = orderResolveDelay;
    b.sharedLimits = sharedLimits;
    b.httpLogging = httpLogging;
    return b;
  }

  /** How long after its timestamp the venue may still accept a signed request. */
  public Duration recvWindow() {
    return recvWindow;
  }

  /** Whether market streams use the legacy {@code /ws} and {@code /stream} paths. */
  public boolean legacyWsPaths() {
    return legacyWsPaths;
  }

  /** How often the server-time offset is measured again. */
  public Duration timeSyncPeriod() {
    return timeSyncPeriod;
  }

  /** How long exchangeInfo (instruments, limits) is used before it is fetched again. */
  public Duration exchangeInfoRefresh() {
    return exchangeInfoRefresh;
  }

  /** How often the user stream's listenKey is kept alive. */
  public Duration listenKeyKeepAlive() {
    return listenKeyKeepAlive;
  }

  /** The longest a REST call may take, from connecting to reading the whole reply. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** How long to wait before querying an order whose placement outcome is unknown. */
  public Duration orderResolveDelay() {
    return orderResolveDelay;
  }

  /** The limits shared with other exchanges on the same IP; empty means this exchange's own. */
  public Optional<BinanceLimits> sharedLimits() {
    return Optional.ofNullable(sharedLimits);
  }

  /** Whether each REST call is logged (method, path, redacted query, status, time) at INFO. */
  public boolean httpLogging() {
    return httpLogging;
  }

  @Override
  public String toString() {
    return "BinanceConfig[recvWindow="
        + recvWindow.toMillis()
        + "ms, legacyWsPaths="
        + legacyWsPaths
        + ", timeSyncPeriod="
        + timeSyncPeriod
        + ", exchangeInfoRefresh="
        + exchangeInfoRefresh
        + ", listenKeyKeepAlive="
        + listenKeyKeepAlive
        + ", requestTimeout="
        + requestTimeout
        + ", orderResolveDelay="
        + orderResolveDelay
        + ", sharedLimits="
        + (sharedLimits != null)
        + ", httpLogging="
        + httpLogging
        + "]";
  }

  /**
   * A builder for {@link BinanceConfig}. Defaults: recvWindow 5 s, legacy WebSocket paths off, time
   * sync every 5 min, exchangeInfo refreshed every 1 h, listenKey kept alive every 30 min, request
   * timeout 10 s, order resolve delay 500 ms, limits of the exchange's own (not shared), HTTP
   * logging off.
   *
   * <pre>{@code
   * BinanceConfig c = BinanceConfig.builder().requestTimeout(Duration.ofSeconds(5)).build();
   * }</pre>
   */
  public static final class Builder {
    private Duration recvWindow = Duration.ofMillis(5000);
    private boolean legacyWsPaths;
    private Duration timeSyncPeriod = Duration.ofMinutes(5);
    private Duration exchangeInfoRefresh = Duration.ofHours(1);
    private Duration listenKeyKeepAlive = Duration.ofMinutes(30);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration orderResolveDelay = Duration.ofMillis(500);
    private @Nullable BinanceLimits sharedLimits;
    private boolean httpLogging;

    private Builder() {}

    /** 1 ms to 60 s (Binance's maximum); default 5 s. */
    public Builder recvWindow(Duration recvWindow) {
      Objects.requireNonNull(recvWindow, "recvWindow");
      if (recvWindow.toMillis() < 1 || recvWindow.toMillis() > RequestSigner.MAX_RECV_WINDOW_MS) {
        throw new IllegalArgumentException(
            "recvWindow must be between 1 ms and 60000 ms (Binance's maximum), was "
                + recvWindow.toMillis()
                + " ms");
      }
      this.recvWindow = recvWindow;
      return this;
    }

    /** Use the legacy {@code /ws} and {@code /stream} WebSocket paths; default false. */
    public Builder legacyWsPaths(boolean legacyWsPaths) {
      this.legacyWsPaths = legacyWsPaths;
      return this;
    }

    /** At least 1 s; default 5 min. */
    public Builder timeSyncPeriod(Duration period) {
      this.timeSyncPeriod = ConfigChecks.atLeast(period, Duration.ofSeconds(1), "timeSyncPeriod");
      return this;
    }

    /** At least 1 s; default 1 h. */
    public Builder exchangeInfoRefresh(Duration period) {
      this.exchangeInfoRefresh =
          ConfigChecks.atLeast(period, Duration.ofSeconds(1), "exchangeInfoRefresh");
      return this;
    }

    /**
     * How often the user stream's listenKey is extended: 30 to 50 min (a key expires 60 min after
     * its last keep-alive); default 30 min.
     */
    public Builder listenKeyKeepAlive(Duration period) {
      ConfigChecks.atLeast(period, Duration.ofMinutes(30), "listenKeyKeepAlive");
      if (period.compareTo(Duration.ofMinutes(50)) > 0) {
        throw new IllegalArgumentException(
            "listenKeyKeepAlive must be 30 to 50 min (a listenKey expires 60 min after its last"
                + " keep-alive), was "
                + period);
      }
      this.listenKeyKeepAlive = period;
      return this;
    }

    /** Above 0 and at most 5 min; default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = ConfigChecks.requestTimeout(timeout);
      return this;
    }

    /** 0 to 10 s; default 500 ms. */
    public Builder orderResolveDelay(Duration delay) {
      Objects.requireNonNull(delay, "orderResolveDelay");
      if (delay.isNegative() || delay.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException(
            "orderResolveDelay must be between 0 and 10 s, was " + delay);
      }
      this.orderResolveDelay = delay;
      return this;
    }

    /** Limits shared with other exchanges on the same IP; default: the exchange's own. */
    public Builder sharedLimits(BinanceLimits limits) {
      this.sharedLimits = Objects.requireNonNull(limits, "sharedLimits");
      return this;
    }

    /** Log each REST call at INFO with the API key and signature redacted; default false. */
    public Builder httpLogging(boolean httpLogging) {
      this.httpLogging = httpLogging;
      return this;
    }

    /** The configuration. */
    public BinanceConfig build() {
      return new BinanceConfig(this);
    }
  }
}
