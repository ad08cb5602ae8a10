package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * An order with the same client order id already exists (Binance {@code -4116}): a previous attempt
 * landed. Callers that retry by client id treat this as success and query the order.
 *
 * <pre>{@code
 * catch (DuplicateClientOrderIdException e) { log.info("{}: {}", e.code(), e.getMessage()); }
 * }</pre>
 */
public class DuplicateClientOrderIdException extends OrderRejectedException {
  private static final long serialVersionUID = 1L;

  public DuplicateClientOrderIdException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public DuplicateClientOrderIdException(
      String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
