package dev.tradekit.scanner;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Collects the scanner's operating figures. Written on the scheduler thread, read from any thread,
 * so every method is synchronized (the lock is uncontended in practice).
 */
final class MetricsRecorder {
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;

  private long scans;
  private long scanNanosTotal;
  private long lastScanNanos;
  private long calls;
  private long callNanosTotal;
  private long maxCallNanos;
  private long rateLimitHits;
  private final ArrayDeque<Long> failures = new ArrayDeque<>();
  private final ArrayDeque<Long> diamonds = new ArrayDeque<>();

  synchronized void scan(long nanos) {
    scans++;
    scanNanosTotal += nanos;
    lastScanNanos = nanos;
  }

  synchronized void call(long nanos, boolean failed, long now) {
    calls++;
    callNanosTotal += nanos;
    maxCallNanos = Math.max(maxCallNanos, nanos);
    if (failed) {
      failures.addLast(now);
    }
  }

  synchronized void rateLimited() {
    rateLimitHits++;
  }

  /** An order became diamond for the first time at {@code now}. */
  synchronized void diamond(long now) {
    diamonds.addLast(now);
  }

  synchronized int failedCallsLastMinute(long now) {
    return countSince(failures, now - MINUTE);
  }

  synchronized ScannerMetrics snapshot(
      long now, int candidates, int hot, int weightUsed, int weightLimit, long feedDropped) {
    return new ScannerMetrics(
        scans,
        Duration.ofNanos(lastScanNanos),
        Duration.ofNanos(scans == 0 ? 0 : scanNanosTotal / scans),
        calls,
        Duration.ofNanos(calls == 0 ? 0 : callNanosTotal / calls),
        Duration.ofNanos(maxCallNanos),
        countSince(failures, now - MINUTE),
        rateLimitHits,
        candidates + hot,
        hot,
        countSince(diamonds, now - HOUR),
        weightUsed,
        weightLimit,
        feedDropped);
  }

  private static int countSince(ArrayDeque<Long> times, long from) {
    Long head;
    while ((head = times.peekFirst()) != null && head <= from) {
      times.removeFirst();
    }
    return times.size();
  }
}
