package dev.tradekit.backtest.sim;

import dev.tradekit.api.Account;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** Balances, positions and income of one simulated account, read at the matcher after latency. */
final class SimAccountView implements Account {
  private final SimExchange ex;

  SimAccountView(SimExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<AccountSnapshot> snapshot() {
    return ex.call(ex.account::snapshot);
  }

  @Override
  public CompletableFuture<List<Position>> positions() {
    return ex.call(() -> ex.account.positions(false));
  }

  @Override
  public CompletableFuture<List<Income>> income(
      @Nullable String symbol, long startTime, long endTime) {
    return ex.call(
        () -> {
          List<Income> out = new ArrayList<>();
          for (Income i : ex.account.ledger.income()) {
            if ((symbol == null || i.symbol().equals(symbol))
                && i.time() >= startTime
                && i.time() <= endTime) {
              out.add(i);
            }
          }
          return out;
        });
  }
}
