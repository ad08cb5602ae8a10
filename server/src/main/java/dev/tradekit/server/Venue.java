package dev.tradekit.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a venue call on behalf of a request: at most 30 s, a failure answered as 502. */
final class Venue {
  private static final long SECONDS = 30;

  private Venue() {}

  static <T> T get(CompletableFuture<T> call) {
    try {
      return call.get(SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error("interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw error(c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
    } catch (TimeoutException e) {
      throw error("no reply within " + SECONDS + " s");
    }
  }

  private static ApiException error(String detail) {
    return new ApiException(502, "venue-error", "Venue error", "the venue failed: " + detail, null);
  }
}
