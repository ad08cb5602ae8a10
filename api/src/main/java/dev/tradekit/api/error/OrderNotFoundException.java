package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The order named by id or client id does not exist at the venue (Binance {@code -2011} / {@code
 * -2013}): it was never placed, or it is no longer open.
 *
 * <pre>{@code
 * catch (OrderNotFoundException e) { log.info("{}: {}", e.code(), e.getMessage()); }
 * }</pre>
 */
public class OrderNotFoundException extends OrderRejectedException {
  private static final long serialVersionUID = 1L;

  public OrderNotFoundException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public OrderNotFoundException(String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
