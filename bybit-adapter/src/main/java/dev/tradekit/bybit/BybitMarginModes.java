package dev.tradekit.bybit;

import dev.tradekit.api.MarginModes;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.MarginType;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link MarginModes} over {@code POST /v5/account/set-margin-mode}: on Bybit's unified account the
 * margin mode belongs to the account ({@code REGULAR_MARGIN} is cross, {@code ISOLATED_MARGIN}), so
 * setting it for one symbol sets it for every symbol. Setting the mode the account already has
 * succeeds; Bybit refuses a change while positions or orders are open (retCode {@code 3400045}, an
 * {@link ExchangeException} carrying the venue's reason).
 */
final class BybitMarginModes implements MarginModes {
  static final String PATH = "/v5/account/set-margin-mode";

  private final BybitRest rest;

  BybitMarginModes(BybitRest rest) {
    this.rest = rest;
  }

  @Override
  public CompletableFuture<Void> setMarginType(String symbol, MarginType type) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(type, "type");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank");
    }
    String wire = type == MarginType.ISOLATED ? "ISOLATED_MARGIN" : "REGULAR_MARGIN";
    return rest.post(PATH, Map.of("setMarginMode", wire))
        .handle(
            (reply, e) -> {
              if (e == null
                  || unwrap(e) instanceof ExchangeException x
                      && x.code() == BybitErrorCodes.MARGIN_MODE_UNCHANGED) {
                return null;
              }
              throw e instanceof CompletionException c ? c : new CompletionException(e);
            });
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
