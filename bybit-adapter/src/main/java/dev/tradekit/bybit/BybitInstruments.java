package dev.tradekit.bybit;

import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Instrument;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The linear instruments of {@code /v5/market/instruments-info}, every page (there are more than
 * 500), kept for {@code refresh}; the old list serves until a fresh one is in, and a failed load is
 * not kept.
 */
final class BybitInstruments {
  static final String PATH = "/v5/market/instruments-info";

  private final BybitRest rest;
  private final LongSupplier nanoTime;
  private final long refreshNanos;
  private final BybitJson json = new BybitJson();
  private @Nullable CompletableFuture<Map<String, Instrument>> current;
  private long loadedAt;
  private boolean refreshing;

  BybitInstruments(BybitRest rest, LongSupplier nanoTime, Duration refresh) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.refreshNanos = refresh.toNanos();
  }

  /** Every instrument, in the venue's order. */
  CompletableFuture<List<Instrument>> all() {
    return map().thenApply(m -> List.copyOf(m.values()));
  }

  /** One instrument; fails with {@link UnknownSymbolException} when the venue does not list it. */
  CompletableFuture<Instrument> get(String symbol) {
    return map()
        .thenApply(
            m -> {
              Instrument i = m.get(symbol);
              if (i == null) {
                throw new UnknownSymbolException(
                    BybitErrorCodes.VENUE,
                    10001,
                    "Bybit linear does not list "
                        + symbol
                        + " ("
                        + m.size()
                        + " symbols known); check the spelling (upper case, e.g. BTCUSDT)");
              }
              return i;
            });
  }

  /** The instrument if it is loaded already, else null (never waits). */
  synchronized @Nullable Instrument cached(String symbol) {
    CompletableFuture<Map<String, Instrument>> c = current;
    return c != null && c.isDone() && !c.isCompletedExceptionally() ? c.join().get(symbol) : null;
  }

  private synchronized CompletableFuture<Map<String, Instrument>> map() {
    CompletableFuture<Map<String, Instrument>> c = current;
    if (c == null || c.isCompletedExceptionally()) {
      c = load();
      current = c;
      loadedAt = nanoTime.getAsLong();
      return c;
    }
    if (c.isDone() && !refreshing && nanoTime.getAsLong() - loadedAt >= refreshNanos) {
      refreshing = true;
      var unused =
          load()
              .whenComplete(
                  (fresh, error) -> {
                    synchronized (this) {
                      refreshing = false;
                      if (fresh != null) {
                        current = CompletableFuture.completedFuture(fresh);
                        loadedAt = nanoTime.getAsLong();
                      }
                    }
                  });
    }
    return c;
  }

  private CompletableFuture<Map<String, Instrument>> load() {
    return page(null, new LinkedHashMap<>()).thenApply(Collections::unmodifiableMap);
  }

  private CompletableFuture<Map<String, Instrument>> page(
      @Nullable String cursor, Map<String, Instrument> acc) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", "linear");
    q.put("limit", "1000");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    return rest.getPublic(PATH, q)
        .thenCompose(
            body -> {
              BybitWire.InstrumentPage p =
                  json.parse(BybitWire.InstrumentsReply.class, body).result;
              for (BybitWire.InstrumentDto d : p.list) {
                acc.put(d.symbol, BybitMapper.instrument(d));
              }
              String next = p.nextPageCursor;
              if (next == null || next.isEmpty() || p.list.isEmpty()) {
                return CompletableFuture.completedFuture(acc);
              }
              return page(next, acc);
            });
  }
}
