package dev.tradekit.scanner;

import dev.tradekit.api.Capabilities;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.ForwardingExchange;
import dev.tradekit.api.MarketData;
import dev.tradekit.api.Streams;
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
final class LimitedExchange extends ForwardingExchange {
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
    super(inner);
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
          return call(1, () -> delegate.marketData().instruments());
        }

        @Override
        public CompletableFuture<Instrument> instrument(String symbol) {
          return call(1, () -> delegate.marketData().instrument(symbol));
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
              ScannerConfig.depthWeight(depth),
              () -> delegate.marketData().orderBook(symbol, depth));
        }

        @Override
        public CompletableFuture<List<Ticker24h>> tickers24h() {
          return call(40, () -> delegate.marketData().tickers24h());
        }

        @Override
        public CompletableFuture<Ticker24h> ticker24h(String symbol) {
          return call(1, () -> delegate.marketData().ticker24h(symbol));
        }

        @Override
        public CompletableFuture<BookTicker> bookTicker(String symbol) {
          return call(2, () -> delegate.marketData().bookTicker(symbol));
        }

        @Override
        public CompletableFuture<BigDecimal> markPrice(String symbol) {
          return call(1, () -> delegate.marketData().markPrice(symbol));
        }

        @Override
        public CompletableFuture<List<Kline>> klines(KlineQuery query) {
          return call(5, () -> delegate.marketData().klines(query));
        }

        @Override
        public CompletableFuture<Long> serverTime() {
          return call(1, () -> delegate.marketData().serverTime());
        }
      };

  @Override
  public MarketData marketData() {
    return marketData;
  }

  @Override
  public Streams streams() {
    streamsUsed = true;
    return delegate.streams();
  }

  /** Whether the scanner asked for the venue's streams. */
  boolean streamsFollowed() {
    return streamsUsed;
  }

  @Override
  public Capabilities capabilities() {
    Capabilities c = delegate.capabilities();
    return new Capabilities(
        c.maxBatchPlace(),
        c.maxBatchCancel(),
        c.amend(),
        c.hedgeMode(),
        c.deadManSwitch(),
        localOrderBook && c.localOrderBook(),
        c.userStream());
  }
}
