package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The request did not reach the venue or no reply came back (connection refused, reset, time-out
 * before sending, a 5xx that is safe to retry).
 *
 * <pre>{@code
 * catch (TransportException e) {
 *   alerts.raise(e.getMessage()); // safe to retry for reads
 * }
 * }</pre>
 */
public class TransportException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  public TransportException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public TransportException(String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
