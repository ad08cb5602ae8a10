package dev.tradekit.api;

import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Position;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Balances, positions and income of the account behind an exchange.
 *
 * <pre>{@code
 * AccountSnapshot acct = exchange.account().snapshot().join();
 * BigDecimal usdt = acct.balance("USDT").map(Balance::availableBalance).orElse(BigDecimal.ZERO);
 * }</pre>
 */
public interface Account {

  /** Balances and positions at one moment, with the account's position mode. */
  CompletableFuture<AccountSnapshot> snapshot();

  /** Open positions (non-zero amount) of every symbol. */
  CompletableFuture<List<Position>> positions();

  /**
   * Income (realised PnL, funding, commission …) between two times, of one symbol or of all when
   * {@code symbol} is null.
   */
  CompletableFuture<List<Income>> income(@Nullable String symbol, long startTime, long endTime);
}
