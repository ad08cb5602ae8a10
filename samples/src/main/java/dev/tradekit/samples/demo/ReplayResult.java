package dev.tradekit.samples.demo;

import java.math.BigDecimal;

/**
 * The result of replaying the demo's market maker over recorded or synthetic data in virtual time.
 *
 * <pre>{@code
 * ReplayResult r = summary.backtest();
 * System.out.println(r.fills() + " fills, PnL " + r.pnl());
 * }</pre>
 *
 * @param events market events replayed
 * @param quotesPlaced orders the market maker placed
 * @param fills fills of its orders
 * @param pnl PnL after fees in USDT
 * @param finalPosition BTC position at the end
 */
public record ReplayResult(
    long events, long quotesPlaced, long fills, BigDecimal pnl, BigDecimal finalPosition) {}
