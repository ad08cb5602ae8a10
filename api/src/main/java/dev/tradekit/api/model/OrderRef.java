package dev.tradekit.api.model;

import org.jspecify.annotations.Nullable;

/**
 * Identifies one existing order of a symbol, either by the venue's order id or by the client order
 * id; exactly one of the two is set.
 *
 * <pre>{@code
 * exchange.trading().cancel(OrderRef.byClientId("BTCUSDT", "mm-42"));
 * }</pre>
 *
 * @param orderId the venue's id, or {@code null} when {@code clientOrderId} is set
 * @param clientOrderId the client's id, or {@code null} when {@code orderId} is set
 */
public record OrderRef(String symbol, @Nullable String orderId, @Nullable String clientOrderId) {

  /** Checks the symbol and that exactly one id is set and not blank. */
  public OrderRef {
    Checks.nonBlank(symbol, "symbol");
    if ((orderId == null) == (clientOrderId == null)) {
      throw new IllegalArgumentException(
          "exactly one of orderId and clientOrderId must be set, but "
              + (orderId == null ? "neither was" : "both were"));
    }
    if (orderId != null) {
      Checks.nonBlank(orderId, "orderId");
    }
    if (clientOrderId != null) {
      Checks.nonBlank(clientOrderId, "clientOrderId");
    }
  }

  /** A reference by the venue's order id. */
  public static OrderRef byId(String symbol, String orderId) {
    return new OrderRef(symbol, orderId, null);
  }

  /** A reference by the client order id. */
  public static OrderRef byClientId(String symbol, String clientOrderId) {
    return new OrderRef(symbol, null, clientOrderId);
  }
}
