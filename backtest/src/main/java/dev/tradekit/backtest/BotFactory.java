package dev.tradekit.backtest;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Scheduler;

/**
 * Creates a {@link Bot} for one simulated account; called once per run, so a backtest can be run
 * again (by the optimiser) with fresh bots.
 *
 * <pre>{@code
 * BotFactory factory = (exchange, scheduler) -> new MyBot(exchange, scheduler, params);
 * }</pre>
 */
@FunctionalInterface
public interface BotFactory {

  /**
   * A new bot trading through {@code exchange} with timers on {@code scheduler}.
   *
   * @param exchange the account's simulated exchange
   * @param scheduler the virtual clock the venue runs on
   */
  Bot create(Exchange exchange, Scheduler scheduler);
}
