package dev.tradekit.scanner;

import dev.tradekit.api.model.Ticker24h;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One primary scan: the 24-hour tickers rank the symbols, then the top {@code n} books are fetched
 * in the primary lane of the {@link RequestGate} (bounded in flight, inside the weight budget) and
 * each is handed to the tracker as it arrives. A book that cannot be fetched after the retries is
 * listed as a failure; the scan still completes. Runs on the scheduler thread.
 */
final class PrimaryScan {
  private final ScannerEngine engine;
  private final int n;
  private final boolean skipTracked;
  private final long startedAt;
  private final long startNanos;
  private final List<LargeOrder> walls = new ArrayList<>();
  private final Map<String, String> failures = new LinkedHashMap<>();
  private List<String> symbols = List.of();
  private int weight;

  /**
   * @param skipTracked leave symbols with live orders to the observer and hot pools
   */
  PrimaryScan(ScannerEngine engine, int n, boolean skipTracked) {
    this.engine = engine;
    this.n = n;
    this.skipTracked = skipTracked;
    this.startedAt = engine.scheduler.currentTimeMillis();
    this.startNanos = engine.scheduler.nanoTime();
  }

  /** Runs the scan once {@code instruments} (the instrument list) is loaded. */
  CompletableFuture<ScanResult> run(CompletableFuture<Void> instruments) {
    return instruments
        .thenCompose(
            v ->
                engine.gate.submit(
                    RequestGate.Lane.PRIMARY,
                    ScannerConfig.TICKERS_WEIGHT,
                    () -> engine.exchange.marketData().tickers24h()))
        .thenCompose(
            tickers -> {
              weight += ScannerConfig.TICKERS_WEIGHT;
              symbols = rank(tickers);
              return fetchBooks();
            })
        .thenApply(
            v -> {
              long nanos = engine.scheduler.nanoTime() - startNanos;
              engine.metrics.scan(nanos);
              engine.refreshSnapshots();
              return new ScanResult(
                  startedAt, Duration.ofNanos(nanos), symbols, walls, failures, weight);
            });
  }

  private List<String> rank(List<Ticker24h> tickers) {
    List<String> ranked = engine.directory.rank(tickers, engine.config.stablecoins(), n);
    if (skipTracked) {
      ranked = new ArrayList<>(ranked);
      ranked.removeIf(engine.tracker.symbols()::contains);
    }
    return ranked;
  }

  private CompletableFuture<Void> fetchBooks() {
    int depth = engine.config.depthLimit();
    int depthWeight = ScannerConfig.depthWeight(depth);
    CompletableFuture<?>[] all = new CompletableFuture<?>[symbols.size()];
    for (int i = 0; i < all.length; i++) {
      String symbol = symbols.get(i);
      all[i] =
          engine
              .gate
              .submit(
                  RequestGate.Lane.PRIMARY,
                  depthWeight,
                  () -> engine.exchange.marketData().orderBook(symbol, depth))
              .handle(
                  (snapshot, e) -> {
                    weight += depthWeight;
                    if (e != null) {
                      failures.put(symbol, e.toString());
                    } else if (!engine.isClosed()) {
                      walls.addAll(engine.observeSnapshot(symbol, snapshot));
                    }
                    return null;
                  });
    }
    return CompletableFuture.allOf(all);
  }
}
