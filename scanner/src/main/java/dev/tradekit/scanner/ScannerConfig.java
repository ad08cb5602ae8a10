package dev.tradekit.scanner;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The validated settings of one scanner; {@link ScannerBuilder} documents each default. */
record ScannerConfig(
    int topSymbols,
    Set<String> stablecoins,
    int depthLimit,
    int maxConcurrentRequests,
    int weightPerMinute,
    double multiplier,
    int referenceLevels,
    double minUsd,
    Map<String, Double> minUsdBySymbol,
    double maxSizeLoss,
    Duration promotionAge,
    Duration observerInterval,
    int symbolsPerObserverWorker,
    Duration hotPollInterval,
    int hotPollConcurrency,
    Duration primaryScanInterval,
    double weightTrigger,
    double valueTrigger,
    WeightAlgorithm algorithm,
    FeedSettings feed,
    HotPoolStore store,
    int maxRetries,
    Duration retryBackoff) {

  /** The most observer workers the load can call for. */
  static final int MAX_OBSERVER_WORKERS = 3;

  /** Request weight of a 24-hour ticker call for every symbol (Binance USD-M). */
  static final int TICKERS_WEIGHT = 40;

  /** Request weight of the instrument list (exchangeInfo). */
  static final int INSTRUMENTS_WEIGHT = 1;

  ScannerConfig {
    stablecoins = Set.copyOf(stablecoins);
    minUsdBySymbol = Map.copyOf(minUsdBySymbol);
  }

  /**
   * Request weight of a depth call (Binance USD-M): 2 up to 50 levels, 5 up to 100, 10 up to 500,
   * 20 beyond.
   */
  static int depthWeight(int limit) {
    if (limit <= 50) {
      return 2;
    }
    if (limit <= 100) {
      return 5;
    }
    return limit <= 500 ? 10 : 20;
  }

  /** The USD floor of {@code symbol}: its own, else the global one. */
  double minUsdFor(String symbol) {
    return minUsdBySymbol.getOrDefault(symbol, minUsd);
  }

  /** Observer workers for {@code symbols} observed symbols: {@code clamp(⌈n / per⌉, 1, 3)}. */
  int observerWorkers(int symbols) {
    int n = (symbols + symbolsPerObserverWorker - 1) / symbolsPerObserverWorker;
    return Math.max(1, Math.min(MAX_OBSERVER_WORKERS, n));
  }

  /** Settings of the tiered feed. */
  record FeedSettings(
      Set<String> privateTokens,
      Set<String> vipKeys,
      Duration publicDelay,
      int publicMessagesPerSecond,
      int queueCapacity,
      Duration busyRetry) {
    FeedSettings {
      privateTokens = Set.copyOf(privateTokens);
      vipKeys = Set.copyOf(vipKeys);
    }
  }
}
