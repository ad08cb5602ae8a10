package dev.tradekit.scanner;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link Scanner}. Only the exchange and the scheduler are required; every setter
 * checks its argument at once and says which one is wrong and why.
 *
 * <p>Defaults: top 250 symbols; stablecoin bases USDT, BUSD, USDC, FDUSD, TUSD, DAI, USDP, PYUSD
 * excluded; 20 levels per book; 5 primary requests in flight; 1200 request weight per minute (half
 * of Binance USD-M's 2400); a level is large above 3.5 × the mean of the top 10 levels of its side
 * and at least 25 000 USD; an order dies when it loses more than 70 % of its size; promotion after
 * 60 s; observer re-checks every 10 s with 1 worker per 10 observed symbols (1 to 3); hot polling
 * every 0.5 s with up to 8 in flight; a primary scan every 5 minutes; updates when the weight moves
 * by more than 0.05 or the USD value by more than 5 %; the {@linkplain
 * WeightAlgorithm#recommended() recommended} algorithm; public feed delay 5 s and 10 messages per
 * second; 1000 queued messages per subscriber; a busy subscriber is retried after 100 ms; no
 * private tokens or VIP keys; no hot-pool store; 3 retries starting at 500 ms backoff.
 *
 * <pre>{@code
 * Scanner scanner = Scanner.builder()
 *     .exchange(exchange).scheduler(scheduler)
 *     .topSymbols(100).multiplier(4.0).minUsd(50_000)
 *     .promotionAge(Duration.ofMinutes(2))
 *     .vipKeys(Set.of(vipKey))
 *     .build();
 * }</pre>
 */
public final class ScannerBuilder {
  /** The stablecoin bases excluded by default. */
  public static final Set<String> DEFAULT_STABLECOINS =
      Set.of("USDT", "BUSD", "USDC", "FDUSD", "TUSD", "DAI", "USDP", "PYUSD");

  private @Nullable Exchange exchange;
  private @Nullable Scheduler scheduler;
  private int topSymbols = 250;
  private Set<String> stablecoins = DEFAULT_STABLECOINS;
  private int depthLimit = 20;
  private int maxConcurrentRequests = 5;
  private int weightPerMinute = 1200;
  private double multiplier = 3.5;
  private int referenceLevels = 10;
  private double minUsd = 25_000;
  private final Map<String, Double> minUsdBySymbol = new HashMap<>();
  private double maxSizeLoss = 0.70;
  private Duration promotionAge = Duration.ofSeconds(60);
  private Duration observerInterval = Duration.ofSeconds(10);
  private int symbolsPerObserverWorker = 10;
  private Duration hotPollInterval = Duration.ofMillis(500);
  private int hotPollConcurrency = 8;
  private Duration primaryScanInterval = Duration.ofMinutes(5);
  private double weightTrigger = 0.05;
  private double valueTrigger = 0.05;
  private WeightAlgorithm algorithm = WeightAlgorithm.recommended();
  private Set<String> privateTokens = Set.of();
  private Set<String> vipKeys = Set.of();
  private Duration publicDelay = Duration.ofSeconds(5);
  private int publicMessagesPerSecond = 10;
  private int queueCapacity = 1000;
  private Duration busyRetry = Duration.ofMillis(100);
  private HotPoolStore store = HotPoolStore.NONE;
  private int maxRetries = 3;
  private Duration retryBackoff = Duration.ofMillis(500);

  ScannerBuilder() {}

  /** The venue to scan (required). The scanner uses market data and streams only. */
  public ScannerBuilder exchange(Exchange value) {
    this.exchange = Objects.requireNonNull(value, "exchange");
    return this;
  }

  /** The clock, timers and serial executor the scanner runs on (required). */
  public ScannerBuilder scheduler(Scheduler value) {
    this.scheduler = Objects.requireNonNull(value, "scheduler");
    return this;
  }

  /** How many of the most traded symbols a primary scan checks (default 250). */
  public ScannerBuilder topSymbols(int value) {
    this.topSymbols = atLeast(value, 1, "topSymbols");
    return this;
  }

  /** Base assets whose symbols are never scanned (default {@link #DEFAULT_STABLECOINS}). */
  public ScannerBuilder stablecoins(Set<String> value) {
    this.stablecoins = Set.copyOf(Objects.requireNonNull(value, "stablecoins"));
    return this;
  }

  /** Levels per side fetched and examined (default 20; 5 to 1000). */
  public ScannerBuilder depthLimit(int value) {
    this.depthLimit = within(value, 5, 1000, "depthLimit");
    return this;
  }

  /** Primary-scan book requests in flight at once (default 5). */
  public ScannerBuilder maxConcurrentRequests(int value) {
    this.maxConcurrentRequests = atLeast(value, 1, "maxConcurrentRequests");
    return this;
  }

  /** Request weight the scanner may spend in any minute, all its calls together (default 1200). */
  public ScannerBuilder weightPerMinute(int value) {
    this.weightPerMinute = atLeast(value, ScannerConfig.TICKERS_WEIGHT, "weightPerMinute");
    return this;
  }

  /** A level is large above this multiple of the top-levels mean (default 3.5; above 1). */
  public ScannerBuilder multiplier(double value) {
    if (!(value > 1.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "multiplier must be a finite number above 1, was " + value);
    }
    this.multiplier = value;
    return this;
  }

  /** How many best levels of a side make the reference mean (default 10). */
  public ScannerBuilder referenceLevels(int value) {
    this.referenceLevels = atLeast(value, 1, "referenceLevels");
    return this;
  }

  /** The USD floor of a large level on every symbol without its own (default 25 000). */
  public ScannerBuilder minUsd(double value) {
    this.minUsd = nonNegative(value, "minUsd");
    return this;
  }

  /** The USD floor of a large level on {@code symbol}, overriding {@link #minUsd(double)}. */
  public ScannerBuilder minUsd(String symbol, double value) {
    Objects.requireNonNull(symbol, "symbol");
    minUsdBySymbol.put(symbol, nonNegative(value, "minUsd for " + symbol));
    return this;
  }

  /** An order dies when it loses more than this share of its initial size (default 0.70). */
  public ScannerBuilder maxSizeLoss(double value) {
    if (!(value >= 0.0 && value < 1.0)) {
      throw new IllegalArgumentException("maxSizeLoss must be in [0, 1), was " + value);
    }
    this.maxSizeLoss = value;
    return this;
  }

  /** A candidate older than this when re-checked is promoted to the hot pool (default 60 s). */
  public ScannerBuilder promotionAge(Duration value) {
    this.promotionAge = nonNegative(value, "promotionAge");
    return this;
  }

  /** How often the observer re-checks candidates (default 10 s). */
  public ScannerBuilder observerInterval(Duration value) {
    this.observerInterval = positive(value, "observerInterval");
    return this;
  }

  /** Observed symbols per observer worker; workers = clamp(⌈n / this⌉, 1, 3) (default 10). */
  public ScannerBuilder symbolsPerObserverWorker(int value) {
    this.symbolsPerObserverWorker = atLeast(value, 1, "symbolsPerObserverWorker");
    return this;
  }

  /** How often polled hot symbols are fetched (default and minimum 0.5 s). */
  public ScannerBuilder hotPollInterval(Duration value) {
    if (positive(value, "hotPollInterval").toMillis() < 500) {
      throw new IllegalArgumentException("hotPollInterval must be at least 500 ms, was " + value);
    }
    this.hotPollInterval = value;
    return this;
  }

  /** Hot-pool poll requests in flight at once (default 8). */
  public ScannerBuilder hotPollConcurrency(int value) {
    this.hotPollConcurrency = atLeast(value, 1, "hotPollConcurrency");
    return this;
  }

  /** How often a started scanner repeats the primary scan (default 5 minutes). */
  public ScannerBuilder primaryScanInterval(Duration value) {
    this.primaryScanInterval = positive(value, "primaryScanInterval");
    return this;
  }

  /** An update is published when the weight moves by more than this (default 0.05). */
  public ScannerBuilder weightTrigger(double value) {
    this.weightTrigger = nonNegative(value, "weightTrigger");
    return this;
  }

  /** An update is published when the USD value moves by more than this share (default 0.05). */
  public ScannerBuilder valueTrigger(double value) {
    this.valueTrigger = nonNegative(value, "valueTrigger");
    return this;
  }

  /**
   * The algorithm whose weight gives the category (default {@link WeightAlgorithm#recommended()}).
   */
  public ScannerBuilder algorithm(WeightAlgorithm value) {
    this.algorithm = Objects.requireNonNull(value, "algorithm");
    return this;
  }

  /** Tokens accepted for {@link FeedTier#PRIVATE} (default none). */
  public ScannerBuilder privateTokens(Set<String> value) {
    this.privateTokens = credentials(value, "privateTokens");
    return this;
  }

  /** Keys accepted for {@link FeedTier#VIP} (default none). */
  public ScannerBuilder vipKeys(Set<String> value) {
    this.vipKeys = credentials(value, "vipKeys");
    return this;
  }

  /** How long public subscribers wait for a message (default 5 s). */
  public ScannerBuilder publicDelay(Duration value) {
    this.publicDelay = nonNegative(value, "publicDelay");
    return this;
  }

  /** At most this many messages in any second per public subscriber (default 10). */
  public ScannerBuilder publicMessagesPerSecond(int value) {
    this.publicMessagesPerSecond = atLeast(value, 1, "publicMessagesPerSecond");
    return this;
  }

  /** Messages queued per subscriber before the oldest is dropped (default 1000). */
  public ScannerBuilder subscriberQueueCapacity(int value) {
    this.queueCapacity = atLeast(value, 1, "subscriberQueueCapacity");
    return this;
  }

  /** When a subscriber refuses a message, it is offered again after this (default 100 ms). */
  public ScannerBuilder busySubscriberRetry(Duration value) {
    this.busyRetry = positive(value, "busySubscriberRetry");
    return this;
  }

  /**
   * Where the hot pool is saved on close and restored on start (default {@link HotPoolStore#NONE}).
   */
  public ScannerBuilder hotPoolStore(HotPoolStore value) {
    this.store = Objects.requireNonNull(value, "hotPoolStore");
    return this;
  }

  /** Retries of a failed venue call, with doubling backoff (default 3 and 500 ms). */
  public ScannerBuilder retries(int max, Duration firstBackoff) {
    this.maxRetries = atLeast(max, 0, "retries");
    this.retryBackoff = positive(firstBackoff, "firstBackoff");
    return this;
  }

  /**
   * Builds the scanner (not started).
   *
   * @throws NullPointerException if the exchange or the scheduler is missing
   * @throws IllegalArgumentException if the weight budget cannot pay for one depth request
   */
  public Scanner build() {
    Exchange ex = Objects.requireNonNull(exchange, "exchange: call exchange(...) before build()");
    Scheduler s =
        Objects.requireNonNull(scheduler, "scheduler: call scheduler(...) before build()");
    int depthWeight = ScannerConfig.depthWeight(depthLimit);
    if (weightPerMinute < depthWeight) {
      throw new IllegalArgumentException(
          "weightPerMinute "
              + weightPerMinute
              + " cannot pay for one depth request of "
              + depthLimit
              + " levels (weight "
              + depthWeight
              + ")");
    }
    ScannerConfig config =
        new ScannerConfig(
            topSymbols,
            stablecoins,
            depthLimit,
            maxConcurrentRequests,
            weightPerMinute,
            multiplier,
            referenceLevels,
            minUsd,
            minUsdBySymbol,
            maxSizeLoss,
            promotionAge,
            observerInterval,
            symbolsPerObserverWorker,
            hotPollInterval,
            hotPollConcurrency,
            primaryScanInterval,
            weightTrigger,
            valueTrigger,
            algorithm,
            new ScannerConfig.FeedSettings(
                privateTokens,
                vipKeys,
                publicDelay,
                publicMessagesPerSecond,
                queueCapacity,
                busyRetry),
            store,
            maxRetries,
            retryBackoff);
    return new Scanner(new ScannerEngine(ex, s, config));
  }

  private static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
    }
    return value;
  }

  private static int within(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  private static double nonNegative(double value, String name) {
    if (!(value >= 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
    }
    return value;
  }

  private static Duration nonNegative(Duration value, String name) {
    if (Objects.requireNonNull(value, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  private static Duration positive(Duration value, String name) {
    if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  private static Set<String> credentials(Set<String> value, String name) {
    Set<String> copy = Set.copyOf(Objects.requireNonNull(value, name));
    for (String c : copy) {
      if (c.isBlank()) {
        throw new IllegalArgumentException(name + " must not contain a blank credential");
      }
    }
    return copy;
  }
}
