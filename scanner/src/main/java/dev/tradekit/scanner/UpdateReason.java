package dev.tradekit.scanner;

/**
 * Why the scanner published an update about an order.
 *
 * <pre>{@code
 * if (update.reasons().contains(UpdateReason.CATEGORY_CHANGED)) { ... }
 * }</pre>
 */
public enum UpdateReason {
  /** A scan found a new candidate (private tier only). */
  DETECTED,
  /** A candidate died in the observer pool (private tier only). */
  DIED,
  /** The order entered the hot pool (promoted, or restored after a restart). */
  ENTERED_HOT,
  /** The order left the hot pool: it vanished, moved or lost too much of its size. */
  LEFT_HOT,
  /** Its category changed. */
  CATEGORY_CHANGED,
  /** Its weight moved by more than the weight threshold since the last update. */
  WEIGHT_MOVED,
  /** Its USD value moved by more than the value threshold since the last update. */
  VALUE_MOVED
}
