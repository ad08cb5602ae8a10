package dev.tradekit.backtest;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;

/**
 * Creates a copy-trading {@link Bot} that follows the simulated leader account into one follower
 * account.
 *
 * <pre>{@code
 * CopierFactory copier = (leader, follower, scheduler) -> new MyCopier(leader, follower, 0.5);
 * }</pre>
 */
@FunctionalInterface
public interface CopierFactory {

  /**
   * A new copier.
   *
   * @param leader the leader account's exchange (its user events show the leader's fills)
   * @param follower the follower account's exchange, where the copier trades
   * @param scheduler the virtual clock
   */
  Bot create(Exchange leader, Exchange follower, Scheduler scheduler);
}
