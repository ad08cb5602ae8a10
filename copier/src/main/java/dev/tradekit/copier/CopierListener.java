package dev.tradekit.copier;

import dev.tradekit.api.model.Fill;

/**
 * Receives what a {@link TradeCopier} sees and does: leader fills detected, copies sent, copied,
 * skipped or failed, followers paused and resumed, and errors of the copier itself.
 *
 * <pre>{@code
 * CopierListener alerts = new CopierListener() {
 *   public void failed(CopyRecord copy, String reason) { pager.send(copy.follower() + ": " + reason); }
 *   public void followerPaused(String follower, String reason) { pager.send(follower + " paused: " + reason); }
 * };
 * }</pre>
 *
 * <p>Threading: every method is called on the copier's {@link dev.tradekit.api.runtime.Scheduler}
 * thread, one event at a time, in the order things happen. Methods must return quickly and never
 * block (hand slow work to another executor). An exception thrown by a method is logged and
 * ignored; it never stops the copier.
 */
public interface CopierListener {

  /** A listener that ignores everything. */
  CopierListener NONE = new CopierListener() {};

  /** A new leader fill was journaled; {@code action} is what it did to the leader's position. */
  default void fillDetected(Fill fill, CopyAction action) {}

  /** A follower order was sent ({@code copy} is {@link CopyStatus#INTENDED}, sized). */
  default void copySent(CopyRecord copy) {}

  /** A follower order executed; {@code copy} is {@link CopyStatus#COPIED}. */
  default void copied(CopyRecord copy) {}

  /** A copy was deliberately not made (too small, filtered, paused …). */
  default void skipped(CopyRecord copy, String reason) {}

  /** A copy failed: the venue refused it (margin, precision, position mode …). */
  default void failed(CopyRecord copy, String reason) {}

  /** A follower stopped copying (risk limit, credentials, or a caller's pause). */
  default void followerPaused(String follower, String reason) {}

  /** A paused follower copies again. */
  default void followerResumed(String follower) {}

  /** The copier itself hit an error (a journal failure halts it; venue errors are retried). */
  default void error(String message, Throwable cause) {}
}
