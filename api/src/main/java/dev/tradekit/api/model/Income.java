package dev.tradekit.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of the account's income history: realized profit, funding fee, commission, transfer.
 *
 * <pre>{@code
 * BigDecimal funding = incomes.stream().filter(i -> i.type().equals("FUNDING_FEE"))
 *     .map(Income::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
 * }</pre>
 *
 * @param symbol the symbol, or the empty string for account-wide entries such as transfers
 * @param type the venue's income type ({@code REALIZED_PNL}, {@code FUNDING_FEE}, {@code
 *     COMMISSION}, ...)
 * @param amount signed: positive is credited, negative debited
 * @param time epoch millis
 * @param tranId the venue's transaction id
 */
public record Income(
    String symbol, String type, BigDecimal amount, String asset, long time, String tranId) {

  /** Checks that type, asset and transaction id are named and the time is >= 0. */
  public Income {
    Objects.requireNonNull(symbol, "symbol");
    Checks.nonBlank(type, "type");
    Objects.requireNonNull(amount, "amount");
    Checks.nonBlank(asset, "asset");
    Checks.nonNegative(time, "time");
    Checks.nonBlank(tranId, "tranId");
  }
}
