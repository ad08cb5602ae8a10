package dev.tradekit.bybit;

import dev.tradekit.adapter.ConfigChecks;
import dev.tradekit.api.ExchangeConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bybit linear specific settings, passed to the exchange builder as an extension; every setting has
 * a default, so the extension itself is optional.
 *
 * <pre>{@code
 * Exchange ex = Exchanges.builder("bybit-linear")
 *     .credentials(creds)
 *     .extension(BybitConfig.class, BybitConfig.builder().recvWindow(Duration.ofSeconds(10)).build())
 *     .build();
 * }</pre>
 *
 * <p>The string options {@code recvWindow} (ms), {@code bookDepth} and {@code settleCoin} of {@link
 * dev.tradekit.api.Exchanges.Builder#option} override the corresponding settings; any other option
 * key is rejected.
 */
public final class BybitConfig {
  /** Option keys accepted through {@code Exchanges.Builder#option}. */
  static final Set<String> OPTION_KEYS = Set.of("recvWindow", "bookDepth", "settleCoin");

  private final Duration recvWindow;
  private final Duration timeSyncPeriod;
  private final Duration instrumentsRefresh;
  private final Duration requestTimeout;
  private final int bookDepth;
  private final String settleCoin;

  private BybitConfig(Builder b) {
    this.recvWindow = b.recvWindow;
    this.timeSyncPeriod = b.timeSyncPeriod;
    this.instrumentsRefresh = b.instrumentsRefresh;
    this.requestTimeout = b.requestTimeout;
    this.bookDepth = b.bookDepth;
    this.settleCoin = b.settleCoin;
  }

  /** A builder holding the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Every setting at its default. */
  public static BybitConfig defaults() {
    return builder().build();
  }

  /**
   * The settings for {@code config}: its {@code BybitConfig} extension (or the defaults) with its
   * string options applied on top.
   *
   * @throws IllegalArgumentException for an unknown option key or a malformed value
   */
  static BybitConfig from(ExchangeConfig config) {
    BybitConfig base = config.extension(BybitConfig.class).orElseGet(BybitConfig::defaults);
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
        case "bookDepth" -> b.bookDepth((int) ConfigChecks.wholeNumber("bookDepth", v));
        case "settleCoin" -> b.settleCoin(v);
        default ->
            throw ConfigChecks.unknownOption(
                BybitLinearProvider.ID, e.getKey(), OPTION_KEYS, "BybitConfig");
      }
    }
    return b.build();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.recvWindow = recvWindow;
    b.timeSyncPeriod = timeSyncPeriod;
    b.instrumentsRefresh = instrumentsRefresh;
    b.requestTimeout = requestTimeout;
    b.bookDepth = bookDepth;
    b.settleCoin = settleCoin;
    return b;
  }

  /** How long after its timestamp the venue may still accept a signed request. */
  public Duration recvWindow() {
    return recvWindow;
  }

  /** How often the server-time offset is measured again. */
  public Duration timeSyncPeriod() {
    return timeSyncPeriod;
  }

  /** How long the instrument list is used before it is fetched again. */
  public Duration instrumentsRefresh() {
    return instrumentsRefresh;
  }

  /** The longest a REST call may take, from connecting to reading the whole reply. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The depth of the {@code orderbook.{depth}.{symbol}} topic a local book is kept from. */
  public int bookDepth() {
    return bookDepth;
  }

  /**
   * The settle coin whose symbols, positions and orders account-wide queries cover ({@code USDT}).
   */
  public String settleCoin() {
    return settleCoin;
  }

  @Override
  public String toString() {
    return "BybitConfig[recvWindow="
        + recvWindow.toMillis()
        + "ms, timeSyncPeriod="
        + timeSyncPeriod
        + ", instrumentsRefresh="
        + instrumentsRefresh
        + ", requestTimeout="
        + requestTimeout
        + ", bookDepth="
        + bookDepth
        + ", settleCoin="
        + settleCoin
        + "]";
  }

  /**
   * A builder for {@link BybitConfig}. Defaults: recvWindow 5 s, time sync every 5 min, instruments
   * refreshed every 1 h, request timeout 10 s, book depth 50, settle coin {@code USDT}.
   *
   * <pre>{@code
   * BybitConfig c = BybitConfig.builder().bookDepth(200).build();
   * }</pre>
   */
  public static final class Builder {
    private Duration recvWindow = Duration.ofMillis(BybitSigner.DEFAULT_RECV_WINDOW_MS);
    private Duration timeSyncPeriod = Duration.ofMinutes(5);
    private Duration instrumentsRefresh = Duration.ofHours(1);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int bookDepth = 50;
    private String settleCoin = "USDT";

    private Builder() {}

    /** 1 ms to 60 s (Bybit's maximum); default 5 s. */
    public Builder recvWindow(Duration recvWindow) {
      Objects.requireNonNull(recvWindow, "recvWindow");
      if (recvWindow.toMillis() < 1 || recvWindow.toMillis() > BybitSigner.MAX_RECV_WINDOW_MS) {
        throw new IllegalArgumentException(
            "recvWindow must be between 1 ms and 60000 ms (Bybit's maximum), was "
                + recvWindow.toMillis()
                + " ms");
      }
      this.recvWindow = recvWindow;
      return this;
    }

    /** At least 1 s; default 5 min. */
    public Builder timeSyncPeriod(Duration period) {
      this.timeSyncPeriod = ConfigChecks.atLeast(period, Duration.ofSeconds(1), "timeSyncPeriod");
      return this;
    }

    /** At least 1 s; default 1 h. */
    public Builder instrumentsRefresh(Duration period) {
      this.instrumentsRefresh =
          ConfigChecks.atLeast(period, Duration.ofSeconds(1), "instrumentsRefresh");
      return this;
    }

    /** Above 0 and at most 5 min; default 10 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = ConfigChecks.requestTimeout(timeout);
      return this;
    }

    /** One of Bybit's linear depths 1, 50, 200 or 1000; default 50. */
    public Builder bookDepth(int depth) {
      if (!BybitPublicStream.BOOK_DEPTHS.contains(depth)) {
        throw new IllegalArgumentException(
            "bookDepth must be one of Bybit's linear depths 1, 50, 200, 1000, was " + depth);
      }
      this.bookDepth = depth;
      return this;
    }

    /** An upper-case coin such as {@code USDT} or {@code USDC}; default {@code USDT}. */
    public Builder settleCoin(String coin) {
      Objects.requireNonNull(coin, "settleCoin");
      if (coin.isEmpty()
          || !coin.equals(coin.toUpperCase(Locale.ROOT))
          || !coin.chars().allMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException(
            "settleCoin must be an upper-case coin such as USDT, was '" + coin + "'");
      }
      this.settleCoin = coin;
      return this;
    }

    /** The configuration. */
    public BybitConfig build() {
      return new BybitConfig(this);
    }
  }
}
