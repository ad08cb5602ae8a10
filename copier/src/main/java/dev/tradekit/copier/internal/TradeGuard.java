package dev.tradekit.copier.internal;

/**
 * Asks whether this copier instance may still trade for a follower, and hears when it learned it
 * may not (another instance took the follower over). Alone, a copier always may.
 *
 * <pre>{@code
 * TradeGuard g = TradeGuard.ALONE;
 * if (g.mayTrade(f)) exchange.trading().place(request);
 * }</pre>
 *
 * <p>{@link #mayTrade} may be called from any thread; {@link #lost} on the scheduler thread.
 */
interface TradeGuard {

  /** A copier that runs alone: it always may trade and never loses a follower. */
  TradeGuard ALONE =
      new TradeGuard() {
        @Override
        public boolean mayTrade(Follower f) {
          return true;
        }

        @Override
        public void lost(Follower f, String lease) {}
      };

  /** Whether an order for {@code f} may be sent now. */
  boolean mayTrade(Follower f);

  /** This instance no longer holds {@code lease} (that of {@code f}): stop working {@code f}. */
  void lost(Follower f, String lease);
}
