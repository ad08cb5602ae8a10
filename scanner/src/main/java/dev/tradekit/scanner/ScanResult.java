package dev.tradekit.scanner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one primary scan found.
 *
 * <pre>{@code
 * ScanResult r = scanner.primaryScan(50).join();
 * r.walls().forEach(w -> System.out.println(w.symbol() + " " + w.side() + " " + w.price()));
 * }</pre>
 *
 * @param startedAt epoch millis (scheduler clock) when the scan started
 * @param duration how long it took, on the scheduler's clock
 * @param symbols the symbols scanned, highest 24-hour quote volume first
 * @param walls every large order seen in the scanned books, as tracked (already known orders keep
 *     their id and first-seen time)
 * @param failures symbols whose book could not be fetched, with the reason
 * @param weightSpent request weight of the scan's ticker and book calls (retries not counted)
 */
public record ScanResult(
    long startedAt,
    Duration duration,
    List<String> symbols,
    List<LargeOrder> walls,
    Map<String, String> failures,
    int weightSpent) {

  /** Copies the collections. */
  public ScanResult {
    symbols = List.copyOf(symbols);
    walls = List.copyOf(walls);
    failures = Map.copyOf(failures);
  }
}
