package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error an exchange raises: the venue, the venue's error code and a message that
 * says what went wrong and what to do.
 *
 * <pre>{@code
 * exchange.trading().place(request).exceptionally(e -> {
 *   if (e.getCause() instanceof ExchangeException ex) log.warn("{} {}", ex.venue(), ex.code());
 *   return null;
 * });
 * }</pre>
 *
 * <p>Messages never contain credentials or signatures.
 */
public class ExchangeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The code used when the venue gave none (a transport failure, a client-side check). */
  public static final int NO_CODE = 0;

  private final String venue;
  private final int code;

  public ExchangeException(String venue, int code, String message) {
    this(venue, code, message, null);
  }

  public ExchangeException(String venue, int code, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.venue = venue;
    this.code = code;
  }

  /** The provider id of the venue that raised the error, e.g. {@code binance-usdm}. */
  public String venue() {
    return venue;
  }

  /** The venue's error code (Binance: {@code -2019}), or {@link #NO_CODE}. */
  public int code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + venue + " " + code + "]: " + getMessage();
  }
}
