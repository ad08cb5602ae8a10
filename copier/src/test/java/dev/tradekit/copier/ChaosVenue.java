package dev.tradekit.copier;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** A venue for chaos schedules: a leader, followers, and ways to read what really happened. */
interface ChaosVenue {

  VirtualScheduler clock();

  Exchange leader();

  /** Opens (or returns) a follower account. */
  Exchange follower(String name);

  /** The leader trades {@code qty} at market now (fills reach the stream as time runs). */
  void leaderTrade(String symbol, Side side, BigDecimal qty);

  /** The follower's one-way position as the venue holds it. */
  BigDecimal followerPosition(String name, String symbol);

  /**
   * Every order of the follower that executed: client order id to the venue order ids that used it.
   */
  Map<String, Set<String>> followerOrders(String name);
}
