package dev.tradekit.copier.internal;

/**
 * Asks until when this copier instance may still send orders for a follower, and hears when it
 * learned it may not (another instance took the follower over). Alone, a copier always may.
 *
 * <pre>{@code
 * long deadline = guard.sendDeadline(f);
 * if (deadline > now) exchange.trading().placeBefore(request, Instant.ofEpochMilli(deadline));
 * }</pre>
 *
 * <p>{@link #sendDeadline} may be called from any thread; {@link #lost} on the scheduler thread.
 */
interface TradeGuard {

  /** A copier that runs alone: it always may trade and never loses a follower. */
  TradeGuard ALONE =
      new TradeGuard() {
        @Override
        public long sendDeadline(Follower f) {
          return UNBOUNDED;
        }

        @Override
        public void lost(Follower f, String lease) {}
      };

  /** {@link #sendDeadline} of a copier that runs alone: no deadline. */
  long UNBOUNDED = Long.MAX_VALUE;

  /**
   * The time (scheduler epoch ms) by which an order for {@code f} must reach the venue, {@link
   * #UNBOUNDED} when there is none; an order may be sent only while it is in the future.
   */
  long sendDeadline(Follower f);

  /** This instance no longer holds {@code lease} (that of {@code f}): stop working {@code f}. */
  void lost(Follower f, String lease);
}
