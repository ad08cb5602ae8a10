package dev.tradekit.scanner;

import dev.tradekit.api.Account;
import dev.tradekit.api.Capabilities;
import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Streams;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A test wrapper that gives any exchange Binance's request-weight rule: weights per call (depth by
 * limit, 24h tickers 40, instruments 1), at most {@code limit} per calendar minute, and a 429
 * ({@link RateLimitException}) for a call that would break it. It records what it saw, can fail
 * chosen calls, and can hide the local order book capability to force polling.
 */
final class LimitedExchange implements Exchange {
  private final Exchange inner;
  private final Scheduler clock;
  private final int limit;
  private final boolean localOrderBook;
  private final Map<Long, Integer> weightByMinute = new HashMap<>();
  final List<String> depthCalls = new ArrayList<>(); // "SYMBOL@millis"
  int rejections;
  private boolean streamsUsed;
  int inFlight;
  int maxInFlight;

  /** Returns an error to fail a depth call of a symbol with, or null to let it through. */
  Function<String, @Nullable RuntimeException> depthFailures = s -> null;

  LimitedExchange(Exchange inner, Scheduler clock, int limit, boolean localOrderBook) {
    this.inner = inner;
    this.clock = clock;
    this.limit = limit;
    this.localOrderBook = localOrderBook;
  }

  int maxWeightInAnyMinute() {
    return weightByMinute.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private <T> CompletableFuture<T> call(int weight, Supplier<CompletableFuture<T>> call) {
    long minute = Math.floorDiv(clock.currentTimeMillis(), 60_000L);
    int used = weightByMinute.getOrDefault(minute, 0);
    if (used + weight > limit) {
      rejections++;
      return CompletableFuture.failedFuture(
          new RateLimitException(venue(), -1003, "Too many requests", Duration.ofSeconds(1), null));
    }
    weightByMinute.put(minute, used + weight);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return call.get().whenComplete((v, e) -> inFlight--);
  }

  private final MarketData marketData =
      new MarketData() {
        @Override
        public CompletableFuture<List<Instrument>> instruments() {
          return call(1, () -> inner.marketData().instruments());
        }

        @Override
        public CompletableFuture<Instrument> instrument(String symbol) {
          return call(1, () -> inner.marketData().instrument(symbol));
        }

        @Override
        public CompletableFuture<OrderBookSnapshot> orderBook(String symbol, int depth) {
          depthCalls.add(symbol + "@" + clock.currentTimeMillis());
          RuntimeException failure = depthFailures.apply(symbol);
          if (failure != null) {
            return call(
                ScannerConfig.depthWeight(depth), () -> CompletableFuture.failedFuture(failure));
          }
          return call(
              ScannerConfig.depthWeight(depth), () -> inner.marketData().orderBook(symbol, depth));
        }

        @Override
        public CompletableFuture<List<Ticker24h>> tickers24h() {
          return call(40, () -> inner.marketData().tickers24h());
        }

        @Override
        public CompletableFuture<Ticker24h> ticker24h(String symbol) {
          return call(1, () -> inner.marketData().ticker24h(symbol));
        }

        @Override
        public CompletableFuture<BookTicker> bookTicker(String symbol) {
          return call(2, () -> inner.marketData().bookTicker(symbol));
        }

        @Override
        public CompletableFuture<BigDecimal> markPrice(String symbol) {
          return call(1, () -> inner.marketData().markPrice(symbol));
        }

        @Override
        public CompletableFuture<List<Kline>> klines(KlineQuery query) {
          return call(5, () -> inner.marketData().klines(query));
        }

        @Override
        public CompletableFuture<Long> serverTime() {
          return call(1, () -> inner.marketData().serverTime());
        }
      };

  @Override
  public String venue() {
    return inner.venue();
  }

  @Override
  public MarketData marketData() {
    return marketData;
  }

  @Override
  public Trading trading() {
    return inner.trading();
  }

  @Override
  public Account account() {
    return inner.account();
  }

  @Override
  public Streams streams() {
    streamsUsed = true;
    return inner.streams();
  }

  /** Whether the scanner asked for the venue's streams. */
  boolean streamsFollowed() {
    return streamsUsed;
  }

  @Override
  public Capabilities capabilities() {
    Capabilities c = inner.capabilities();
    return new Capabilities(
        c.maxBatchPlace(),
        c.maxBatchCancel(),
        c.amend(),
        c.hedgeMode(),
        c.deadManSwitch(),
        localOrderBook && c.localOrderBook(),
        c.userStream());
  }

  @Override
  public Optional<OrderAmendment> amendment() {
    return inner.amendment();
  }

  @Override
  public Optional<DeadManSwitch> deadManSwitch() {
    return inner.deadManSwitch();
  }

  @Override
  public void close() {
    inner.close();
  }
}
