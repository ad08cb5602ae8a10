package dev.tradekit.api.model;

import java.util.List;

/**
 * A change of balances and positions pushed on the user stream; only what changed is listed.
 *
 * <pre>{@code
 * void onAccountUpdate(AccountUpdate u) {
 *   u.positions().forEach(p -> positions.put(p.symbol() + p.positionSide(), p));
 * }
 * }</pre>
 *
 * @param time event time, epoch millis
 * @param reason why it changed as the venue names it ({@code ORDER}, {@code FUNDING_FEE}, ...)
 */
public record AccountUpdate(
    long time, String reason, List<Balance> balances, List<Position> positions) {

  /** Checks the time and reason and copies the lists. */
  public AccountUpdate {
    Checks.nonNegative(time, "time");
    Checks.nonBlank(reason, "reason");
    balances = Checks.copy(balances, "balances");
    positions = Checks.copy(positions, "positions");
  }
}
