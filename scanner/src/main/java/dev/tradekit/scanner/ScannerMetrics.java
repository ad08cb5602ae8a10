package dev.tradekit.scanner;

import java.time.Duration;

/**
 * A snapshot of the scanner's operating figures; times come from the scanner's scheduler.
 *
 * <pre>{@code
 * ScannerMetrics m = scanner.metrics();
 * if (m.weightUsedFraction() > 0.9 || m.failedCallsLastMinute() > 10) alert(m);
 * }</pre>
 *
 * @param scansCompleted primary scans finished since the start
 * @param lastScanDuration how long the last primary scan took
 * @param meanScanDuration the mean primary-scan duration
 * @param venueCalls venue calls finished (successful or not)
 * @param meanCallLatency the mean venue-call latency
 * @param maxCallLatency the longest venue call
 * @param failedCallsLastMinute venue calls that failed in the last minute
 * @param rateLimitHits rate-limit errors the venue returned since the start
 * @param activeOrders live orders: candidates plus hot
 * @param hotOrders orders in the hot pool
 * @param diamondOrdersLastHour orders that first reached diamond in the last hour
 * @param weightUsed request weight spent in the last minute
 * @param weightLimit the configured request weight per minute
 * @param droppedMessages feed messages dropped because a subscriber's queue was full
 */
public record ScannerMetrics(
    long scansCompleted,
    Duration lastScanDuration,
    Duration meanScanDuration,
    long venueCalls,
    Duration meanCallLatency,
    Duration maxCallLatency,
    int failedCallsLastMinute,
    long rateLimitHits,
    int activeOrders,
    int hotOrders,
    int diamondOrdersLastHour,
    int weightUsed,
    int weightLimit,
    long droppedMessages) {

  /** {@code weightUsed / weightLimit}. */
  public double weightUsedFraction() {
    return weightLimit == 0 ? 0.0 : (double) weightUsed / weightLimit;
  }
}
