package dev.tradekit.binance;

import static dev.tradekit.binance.Futures.unwrap;

import dev.tradekit.api.MarginModes;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.MarginType;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@link MarginModes} over {@code POST /fapi/v1/marginType} ({@code ISOLATED} or {@code CROSSED});
 * {@code -4046} "No need to change margin type" is success.
 */
final class BinanceMarginModes implements MarginModes {
  /** Binance's "no need to change margin type": the symbol already has the type asked for. */
  static final int MARGIN_TYPE_UNCHANGED = -4046;

  private final BinanceRest rest;

  BinanceMarginModes(BinanceRest rest) {
    this.rest = rest;
  }

  @Override
  public CompletableFuture<Void> setMarginType(String symbol, MarginType type) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    String wire = type == MarginType.ISOLATED ? "ISOLATED" : "CROSSED";
    return rest.marginType(symbol, wire)
        .exceptionallyCompose(
            e ->
                unwrap(e) instanceof ExchangeException x && x.code() == MARGIN_TYPE_UNCHANGED
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(unwrap(e)));
  }
}
