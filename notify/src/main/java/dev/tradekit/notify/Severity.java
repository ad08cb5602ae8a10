package dev.tradekit.notify;

/**
 * How much an event matters, from {@link #INFO} to {@link #CRITICAL}; preferences filter on a
 * minimum.
 *
 * <pre>{@code
 * boolean loud = event.severity().atLeast(Severity.ERROR);
 * }</pre>
 */
public enum Severity {
  INFO,
  WARNING,
  ERROR,
  CRITICAL;

  /** Whether this severity is {@code other} or higher. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
