package dev.tradekit.binance;

import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Orders → Binance request parameters. Every order is checked against its instrument first, and
 * prices and quantities go out through {@link Instrument#formatPrice} / {@link
 * Instrument#formatQuantity}: plain digits, no exponent, no float artefacts (no {@code -1111}).
 */
final class OrderParams {
  /** The prefix of client order ids the adapter generates. */
  static final String CLIENT_ID_PREFIX = "tk-";

  private static final SecureRandom RANDOM = new SecureRandom();

  private OrderParams() {}

  /** A fresh client order id: {@code tk-} and 128 random bits in base 36 (at most 28 chars). */
  static String newClientOrderId() {
    return CLIENT_ID_PREFIX + new BigInteger(128, RANDOM).toString(36);
  }

  /** {@code request} with a client order id, generated when it has none. */
  static OrderRequest withClientOrderId(OrderRequest request) {
    return request.clientOrderId() != null
        ? request
        : request.withClientOrderId(newClientOrderId());
  }

  /**
   * The parameters of {@code POST /fapi/v1/order} (also one entry of a batch), in a fixed order.
   * {@code positionSide} is always sent; {@code reduceOnly} only when set (never in hedge mode,
   * where Binance rejects it); post-only is {@code timeInForce=GTX}.
   *
   * @throws dev.tradekit.api.error.InvalidOrderException when the order breaks a filter
   * @throws IllegalArgumentException when the request has no client order id
   */
  static Map<String, String> newOrder(OrderRequest r, Instrument instrument) {
    String clientOrderId =
        Objects.requireNonNull(r.clientOrderId(), "clientOrderId must be set before sending");
    instrument.validate(r, null);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("symbol", r.symbol());
    p.put("side", r.side().name());
    p.put("positionSide", r.positionSide().name());
    p.put("type", r.type().name());
    if (r.type() == OrderType.LIMIT) {
      TimeInForce tif = Objects.requireNonNull(r.timeInForce(), "timeInForce");
      p.put("timeInForce", tif.name());
    }
    p.put("quantity", instrument.formatQuantity(r.quantity()));
    if (r.price() != null) {
      p.put("price", instrument.formatPrice(r.price()));
    }
    if (r.reduceOnly() && r.positionSide() == PositionSide.BOTH) {
      p.put("reduceOnly", "true");
    }
    p.put("newClientOrderId", clientOrderId);
    p.put("newOrderRespType", "RESULT");
    return p;
  }

  /**
   * The parameters of {@code PUT /fapi/v1/order}: the order by id or client id, side, and the new
   * quantity and price, checked as a limit order against the instrument.
   */
  static Map<String, String> amend(AmendRequest a, Instrument instrument) {
    instrument.validate(OrderRequest.limit(a.symbol(), a.side(), a.quantity(), a.price()), null);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("symbol", a.symbol());
    String orderId = a.ref().orderId();
    if (orderId != null) {
      p.put("orderId", orderId);
    } else {
      p.put("origClientOrderId", Objects.requireNonNull(a.ref().clientOrderId()));
    }
    p.put("side", a.side().name());
    p.put("quantity", instrument.formatQuantity(a.quantity()));
    p.put("price", instrument.formatPrice(a.price()));
    return p;
  }
}
