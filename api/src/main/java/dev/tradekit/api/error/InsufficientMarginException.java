package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The account has too little available margin for the order (Binance {@code -2019}).
 *
 * <pre>{@code
 * catch (InsufficientMarginException e) {
 *   alerts.raise(e.getMessage()); // reduce the size or add margin
 * }
 * }</pre>
 */
public class InsufficientMarginException extends OrderRejectedException {
  private static final long serialVersionUID = 1L;

  public InsufficientMarginException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public InsufficientMarginException(
      String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
