package dev.tradekit.backtest;

import dev.tradekit.api.model.Fill;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one simulated account: its sampled equity curve, fills, round trips, costs and
 * {@link Metrics}. Amounts are in the backtest's equity asset (USDT by default).
 *
 * <pre>{@code
 * AccountResult r = result.account("follower-0.5");
 * System.out.println(r.metrics().totalReturn() + " after " + r.fees() + " fees");
 * }</pre>
 *
 * @param name the account name
 * @param equity mark-to-market equity and position notional, sampled at the fixed interval
 * @param fills every fill, oldest first
 * @param roundTrips completed round trips
 * @param fees total commissions (negative for net maker rebates)
 * @param funding total funding received (negative when paid)
 * @param tradedNotional sum of price × quantity of the fills
 * @param ordersSent orders accepted by the matcher
 * @param exposure mean over the samples of |position notional| / equity
 * @param metrics the performance metrics
 */
public record AccountResult(
    String name,
    EquityCurve equity,
    List<Fill> fills,
    List<RoundTrip> roundTrips,
    double fees,
    double funding,
    double tradedNotional,
    long ordersSent,
    double exposure,
    Metrics metrics) {

  /** Copies the lists. */
  public AccountResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(equity, "equity");
    Objects.requireNonNull(metrics, "metrics");
    fills = List.copyOf(fills);
    roundTrips = List.copyOf(roundTrips);
  }
}
