package dev.tradekit.backtest.sim;

import dev.tradekit.api.MarginModes;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.MarginType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Binance's per-symbol margin type on the simulated venue: the type is recorded and reported on the
 * symbol's positions (margin itself is still computed as cross); like Binance, a change is refused
 * while the symbol has open orders ({@code -4047}) or an open position ({@code -4048}), and asking
 * for the current type succeeds.
 */
final class SimMarginModes implements MarginModes {
  private final SimExchange ex;

  SimMarginModes(SimExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<Void> setMarginType(String symbol, MarginType type) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    return ex.call(
        () -> {
          ex.entry.matcher(symbol);
          if (ex.account.ledger.marginType(symbol) == type) {
            return null;
          }
          if (ex.account.openOrders().stream().anyMatch(o -> o.symbol().equals(symbol))) {
            throw new ExchangeException(
                SimExchangeProvider.ID,
                -4047,
                "Margin type cannot be changed if there exists open orders.");
          }
          if (ex.account.ledger.hasOpenPosition(symbol)) {
            throw new ExchangeException(
                SimExchangeProvider.ID,
                -4048,
                "Margin type cannot be changed if there exists position.");
          }
          ex.account.ledger.setMarginType(symbol, type);
          return null;
        });
  }
}
