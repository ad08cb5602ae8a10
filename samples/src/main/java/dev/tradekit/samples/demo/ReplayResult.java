package dev.tradekit.samples.demo;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The backtest of the demo's market maker over the demo's data in virtual time, and where its HTML
 * report was written.
 *
 * <pre>{@code
 * ReplayResult r = summary.backtest();
 * System.out.println(r.fills() + " fills, PnL " + r.pnl() + ", report " + r.report());
 * }</pre>
 *
 * @param events market events replayed
 * @param ordersSent orders the market maker sent that the matcher accepted
 * @param fills fills of its orders
 * @param pnl equity change over the run in USDT, after fees
 * @param report the HTML report
 */
public record ReplayResult(long events, long ordersSent, int fills, BigDecimal pnl, Path report) {}
