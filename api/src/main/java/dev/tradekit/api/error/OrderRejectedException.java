package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The venue received the order and refused it: it was not placed, and sending it again unchanged
 * will be refused again.
 *
 * <pre>{@code
 * catch (OrderRejectedException e) { journal.markRejected(id, e.code(), e.getMessage()); }
 * }</pre>
 */
public class OrderRejectedException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  public OrderRejectedException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public OrderRejectedException(String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
