package dev.tradekit.binance;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Small helpers for composing the adapter's asynchronous calls. */
final class Futures {
  /** The most pages a paged read fetches before it stops (a guard against a looping venue). */
  static final int MAX_PAGES = 200;

  private Futures() {}

  /** The failure inside the wrappers {@link CompletableFuture} adds. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** {@code t} as an {@link ExchangeException}, wrapping anything else. */
  static ExchangeException asExchangeException(Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof ExchangeException e) {
      return e;
    }
    return new ExchangeException(
        BinanceErrorCodes.VENUE,
        ExchangeException.NO_CODE,
        c.getClass().getSimpleName()
            + ": "
            + BinanceErrorCodes.redact(String.valueOf(c.getMessage())),
        c);
  }

  /** Completes after {@code delay} on the scheduler (at once for zero). */
  static CompletableFuture<Void> delay(Scheduler scheduler, Duration delay) {
    if (delay.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    scheduler.schedule(() -> f.complete(null), delay.toMillis(), TimeUnit.MILLISECONDS);
    return f;
  }

  /** The results of {@code futures}, in order, once all are done. */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            v -> {
              List<T> out = new ArrayList<>(futures.size());
              for (CompletableFuture<T> f : futures) {
                out.add(f.join());
              }
              return out;
            });
  }

  /**
   * Fetches pages until one is shorter than {@code pageSize}: {@code page} gets the last element of
   * the previous page (null for the first) and returns the next page.
   */
  static <T> CompletableFuture<List<T>> pages(
      Function<@Nullable T, CompletableFuture<List<T>>> page, int pageSize) {
    return next(page, pageSize, new ArrayList<>(), null, 0);
  }

  private static <T> CompletableFuture<List<T>> next(
      Function<@Nullable T, CompletableFuture<List<T>>> page,
      int pageSize,
      List<T> acc,
      @Nullable T last,
      int fetched) {
    return page.apply(last)
        .thenCompose(
            items -> {
              acc.addAll(items);
              if (items.size() < pageSize || items.isEmpty() || fetched + 1 >= MAX_PAGES) {
                return CompletableFuture.completedFuture(List.copyOf(acc));
              }
              return next(page, pageSize, acc, items.get(items.size() - 1), fetched + 1);
            });
  }
}
