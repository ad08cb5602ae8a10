package dev.tradekit.copier;

/**
 * What a leader fill did to the leader's position, which decides how followers copy it.
 *
 * <pre>{@code
 * if (record.action() == CopyAction.FLIP) log.info("leader reversed {}", record.symbol());
 * }</pre>
 *
 * <p>Followers {@link #OPEN} and {@link #INCREASE} by their sizing policy; they {@link #REDUCE} and
 * {@link #CLOSE} by the same fraction of their copied position (reduce-only); a {@link #FLIP}
 * closes the copied position and, by policy, opens the other side.
 */
public enum CopyAction {
  /** The leader was flat and now holds a position. */
  OPEN,
  /** The leader's position grew on the same side. */
  INCREASE,
  /** The leader's position shrank but stays open on the same side. */
  REDUCE,
  /** The leader's position went to zero. */
  CLOSE,
  /** The leader's position went through zero to the other side (one-way mode only). */
  FLIP;

  /** True for {@link #OPEN} and {@link #INCREASE}: the follower sizes by its policy. */
  public boolean opens() {
    return this == OPEN || this == INCREASE;
  }

  /** True for {@link #REDUCE} and {@link #CLOSE}: the follower reduces by fraction. */
  public boolean reduces() {
    return this == REDUCE || this == CLOSE;
  }
}
