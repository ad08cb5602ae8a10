package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The request's timestamp fell outside the venue's receive window (Binance {@code -1021}); the
 * local clock offset must be re-synchronised.
 *
 * <pre>{@code
 * catch (ClockSkewException e) {
 *   alerts.raise(e.getMessage()); // adapters re-sync and retry once
 * }
 * }</pre>
 */
public class ClockSkewException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  public ClockSkewException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public ClockSkewException(String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
