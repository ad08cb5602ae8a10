package dev.tradekit.copier;

/**
 * How the copier learns of the leader's fills.
 *
 * <pre>{@code
 * TradeCopier.builder().mode(DetectionMode.POLLING_ONLY).catchUpPeriod(Duration.ofSeconds(2));
 * }</pre>
 */
public enum DetectionMode {
  /**
   * The leader's user stream delivers fills as they happen; a REST catch-up (user trades since the
   * journal's watermark) runs on start, after every reconnect and periodically, so a dropped event
   * is never missed.
   */
  STREAM_WITH_CATCHUP,
  /** Only the periodic REST catch-up; simpler, and as slow as its period. */
  POLLING_ONLY
}
