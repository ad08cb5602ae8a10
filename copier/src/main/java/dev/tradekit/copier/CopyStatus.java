package dev.tradekit.copier;

/**
 * Where one copy of one leader fill to one follower stands in the journal.
 *
 * <pre>{@code
 * long open = journal.recent(100).stream().filter(r -> !r.status().isTerminal()).count();
 * }</pre>
 */
public enum CopyStatus {
  /** Journaled with the leader fill; not sized yet and certainly not sent. */
  PENDING,
  /** Sized and journaled before sending: the order may have reached the venue. */
  INTENDED,
  /** The follower's order executed (fully or in part); its quantity counts in the position. */
  COPIED,
  /** Deliberately not copied; the reason says why (too small, filtered, paused …). */
  SKIPPED,
  /** The venue refused the copy or it could not be completed; the reason says why. */
  FAILED,
  /** Folded into the order of an earlier fill of the same leader order (aggregation). */
  MERGED;

  /** True for every status but {@link #PENDING} and {@link #INTENDED}. */
  public boolean isTerminal() {
    return this != PENDING && this != INTENDED;
  }
}
