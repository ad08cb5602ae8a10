package dev.tradekit.bybit;

import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.TransportException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwraps a future's failure to the SPI's typed error. */
final class ExchangeErrors {
  private ExchangeErrors() {}

  /**
   * The {@link ExchangeException} behind {@code t}, or a {@link TransportException} wrapping it.
   */
  static ExchangeException unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof ExchangeException e) {
      return e;
    }
    return new TransportException(
        BybitErrorCodes.VENUE, ExchangeException.NO_CODE, "request failed: " + c, c);
  }
}
