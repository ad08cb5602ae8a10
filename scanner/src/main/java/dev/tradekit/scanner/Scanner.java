package dev.tradekit.scanner;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds unusually large resting orders ("walls") across a venue, follows each one's life and
 * streams scored updates to subscribers in tiers.
 *
 * <p>The pipeline has three stages. A <b>primary scan</b> ranks the venue's symbols by 24-hour
 * quote volume, fetches the books of the top N within the venue's request-weight budget and marks
 * large levels as candidates. The <b>observer pool</b> re-checks candidates; one that keeps its
 * level and most of its size for longer than the promotion age is promoted to the <b>hot pool</b>,
 * which follows it closely (a local book from the venue's diff stream where supported, else fast
 * REST polling) and scores it with a {@link WeightAlgorithm}. Changes are published to the {@link
 * ScannerFeed}.
 *
 * <p>Everything runs on the {@link dev.tradekit.api.runtime.Scheduler} given to the builder: the
 * scanner never reads the wall clock, sleeps or starts threads, so it runs the same on a live venue
 * and on the simulator in virtual time. Its methods may be called from any thread.
 *
 * <pre>{@code
 * Scanner scanner = Scanner.builder()
 *     .exchange(exchange)
 *     .scheduler(scheduler)
 *     .privateTokens(Set.of(adminToken))
 *     .hotPoolStore(HotPoolStore.jsonFile(Path.of("hot-pool.json")))
 *     .build();
 * scanner.feed().subscribe(FeedTier.PUBLIC, "", json -> socket.send(json));
 * scanner.start();
 * ...
 * scanner.close(); // saves the hot pool
 *
 * // one-shot: scan the 50 most traded symbols and print the walls
 * Scanner.builder().exchange(exchange).scheduler(scheduler).build()
 *     .primaryScan(50).join().walls().forEach(System.out::println);
 * }</pre>
 */
public final class Scanner implements AutoCloseable {
  private final ScannerEngine engine;

  Scanner(ScannerEngine engine) {
    this.engine = engine;
  }

  /** A builder; see {@link ScannerBuilder} for every setting and its default. */
  public static ScannerBuilder builder() {
    return new ScannerBuilder();
  }

  /**
   * Starts the pipeline: loads the instrument list, restores the saved hot pool, then runs a
   * primary scan every primary-scan interval (the first at once), observer re-checks and hot-pool
   * polling. Idempotent; does nothing after {@link #close()}.
   */
  public void start() {
    engine.scheduler.execute(engine::start);
  }

  /**
   * One primary scan of the configured number of symbols (default 250): the one-shot mode.
   *
   * @return completes on the scheduler when every book was fetched or failed
   */
  public CompletableFuture<ScanResult> primaryScan() {
    return primaryScan(engine.config.topSymbols());
  }

  /**
   * One primary scan of the {@code symbols} most traded symbols (stablecoin bases excluded). Walls
   * found become candidates, followed further if the scanner is started.
   *
   * @throws IllegalArgumentException if {@code symbols} is not positive
   */
  public CompletableFuture<ScanResult> primaryScan(int symbols) {
    if (symbols < 1) {
      throw new IllegalArgumentException("symbols must be at least 1, was " + symbols);
    }
    CompletableFuture<ScanResult> result = new CompletableFuture<>();
    engine.scheduler.execute(
        () ->
            engine
                .scan(symbols, false)
                .whenComplete(
                    (r, e) -> {
                      if (e != null) {
                        result.completeExceptionally(e);
                      } else {
                        result.complete(r);
                      }
                    }));
    return result;
  }

  /** The tiered feed subscribers attach to. */
  public ScannerFeed feed() {
    return engine.feed;
  }

  /** The orders in the hot pool, as of the scanner's last update (at most a second old). */
  public List<LargeOrder> hotOrders() {
    return engine.hotOrders();
  }

  /** The candidates in the observer stage, as of the scanner's last update. */
  public List<LargeOrder> candidates() {
    return engine.candidates();
  }

  /** Operating figures: scan durations, call latency, failures, orders, weight used. */
  public ScannerMetrics metrics() {
    return engine.metrics();
  }

  /** Whether the scanner is running and the venue answers. */
  public Health health() {
    return engine.health();
  }

  /**
   * Saves the hot pool to the {@link HotPoolStore}, then stops scans, streams and the feed.
   * Idempotent. The exchange is not closed: it belongs to the caller.
   *
   * @throws java.io.UncheckedIOException if the store cannot save (everything is stopped anyway)
   */
  @Override
  public void close() {
    engine.close();
  }
}
