package dev.tradekit.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a {@link Backtest} run: one {@link AccountResult} per account (the copy-trading
 * leader included), in the order the accounts were opened.
 *
 * <pre>{@code
 * BacktestResult result = backtest.run();
 * result.accounts().forEach(a -> System.out.println(a.name() + " " + a.metrics().sharpe()));
 * }</pre>
 *
 * @param startTime the first time of the run, epoch ms
 * @param endTime the last time of the run, epoch ms
 * @param events market events replayed (after bar expansion)
 * @param accounts per-account results in opening order
 */
public record BacktestResult(
    long startTime, long endTime, long events, List<AccountResult> accounts) {

  /** Copies the list and rejects repeated names. */
  public BacktestResult {
    accounts = List.copyOf(accounts);
    Map<String, AccountResult> seen = new LinkedHashMap<>();
    for (AccountResult a : accounts) {
      if (seen.put(a.name(), a) != null) {
        throw new IllegalArgumentException("account " + a.name() + " appears twice");
      }
    }
  }

  /**
   * The result of account {@code name}.
   *
   * @throws IllegalArgumentException if no account has that name
   */
  public AccountResult account(String name) {
    Objects.requireNonNull(name, "name");
    List<String> names = new ArrayList<>();
    for (AccountResult a : accounts) {
      if (a.name().equals(name)) {
        return a;
      }
      names.add(a.name());
    }
    throw new IllegalArgumentException(
        "no account " + name + " in this result; accounts: " + names);
  }
}
