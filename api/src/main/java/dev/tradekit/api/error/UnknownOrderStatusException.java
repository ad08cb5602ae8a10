package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * The venue may or may not have executed the order (Binance HTTP 503 "Unknown error", {@code
 * -1006}, {@code -1007}, or a time-out after the request was sent). Never retry blindly: query the
 * order by its client order id, then either report it or place it again with the same id.
 *
 * <pre>{@code
 * catch (UnknownOrderStatusException e) {
 *   Optional<Order> o = exchange.trading().order(OrderRef.byClientId(symbol, e.clientOrderId())).join();
 * }
 * }</pre>
 */
public class UnknownOrderStatusException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String clientOrderId;

  public UnknownOrderStatusException(
      String venue, int code, String message, @Nullable String clientOrderId) {
    this(venue, code, message, clientOrderId, null);
  }

  public UnknownOrderStatusException(
      String venue,
      int code,
      String message,
      @Nullable String clientOrderId,
      @Nullable Throwable cause) {
    super(venue, code, message, cause);
    this.clientOrderId = clientOrderId;
  }

  /** The client order id of the order whose outcome is unknown, when the request carried one. */
  public @Nullable String clientOrderId() {
    return clientOrderId;
  }
}
