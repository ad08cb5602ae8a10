package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The order breaks a rule of the instrument or the venue (price not on the tick, quantity off the
 * step or below the minimum, notional too small, price outside the band, bad parameters); round it
 * with {@code Instrument} and check it before sending.
 *
 * <pre>{@code
 * catch (InvalidOrderException e) { log.info("{}: {}", e.code(), e.getMessage()); }
 * }</pre>
 */
public class InvalidOrderException extends OrderRejectedException {
  private static final long serialVersionUID = 1L;

  public InvalidOrderException(String venue, int code, String message) {
    super(venue, code, message);
  }

  public InvalidOrderException(String venue, int code, String message, @Nullable Throwable cause) {
    super(venue, code, message, cause);
  }
}
