package dev.tradekit.copier.internal;

/**
 * A journal write for a follower (or for the leader's fills) was refused because this instance no
 * longer holds the lease with the epoch it acted under: another instance took over. Nothing of the
 * write was stored.
 *
 * <pre>{@code
 * try { store.markIntended(r, List.of(), target); }
 * catch (LeaseLostException e) { cluster.lost(e.lease()); }
 * }</pre>
 */
public final class LeaseLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String lease;

  /** The lease {@code lease} is no longer held at the epoch this instance acted under. */
  public LeaseLostException(String lease, String detail) {
    super("lease " + lease + " lost: " + detail);
    this.lease = lease;
  }

  /** The lease's name ({@code watcher} or {@code follower:<name>}). */
  public String lease() {
    return lease;
  }
}
