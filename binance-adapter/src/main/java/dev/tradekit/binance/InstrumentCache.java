package dev.tradekit.binance;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The venue's instruments from exchangeInfo, held in a Caffeine cache and refreshed in the
 * background once {@code refresh} has passed (the old list serves until the new one is in; a failed
 * load is not cached). Each load also hands the venue's rate limits to the limiter.
 */
final class InstrumentCache {
  private static final String KEY = "exchangeInfo";

  private final AsyncLoadingCache<String, Map<String, Instrument>> cache;

  InstrumentCache(
      Supplier<CompletableFuture<ExchangeInfoDto>> fetch,
      RateLimiter limiter,
      Scheduler scheduler,
      Duration refresh) {
    this.cache =
        Caffeine.newBuilder()
            .refreshAfterWrite(refresh)
            .ticker(scheduler::nanoTime)
            .buildAsync(
                (key, executor) ->
                    fetch
                        .get()
                        .thenApply(
                            info -> {
                              limiter.applyExchangeLimits(info.rateLimits);
                              Map<String, Instrument> bySymbol = new LinkedHashMap<>();
                              for (Instrument i : InstrumentMapper.instruments(info)) {
                                bySymbol.put(i.symbol(), i);
                              }
                              return Collections.unmodifiableMap(bySymbol);
                            }));
  }

  /** Every instrument, in the venue's order. */
  CompletableFuture<List<Instrument>> all() {
    return cache.get(KEY).thenApply(m -> List.copyOf(m.values()));
  }

  /** One instrument; fails with {@link UnknownSymbolException} when the venue does not list it. */
  CompletableFuture<Instrument> get(String symbol) {
    return cache
        .get(KEY)
        .thenApply(
            m -> {
              Instrument i = m.get(symbol);
              if (i == null) {
                throw new UnknownSymbolException(
                    BinanceErrorCodes.VENUE,
                    -1121,
                    "Binance USD-M does not list "
                        + symbol
                        + " ("
                        + m.size()
                        + " symbols known); check the spelling (upper case, e.g. BTCUSDT)");
              }
              return i;
            });
  }
}
