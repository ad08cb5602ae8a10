package dev.tradekit.binance;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The encoded query string of {@code POST /fapi/v1/order}, with the fixed part of each order shape
 * (symbol, side, position side, type, time in force, reduce-only) encoded once per adapter: per
 * order only the quantity, the price and the client order id are formatted. The parameters, their
 * order and their encoding are those of {@link OrderParams#newOrder} encoded by {@link
 * #encode(Map)}, so the string is what the signer signs and the venue receives.
 *
 * <pre>{@code
 * String query = templates.newOrder(request, instrument); // symbol=BTCUSDT&side=BUY&...
 * }</pre>
 *
 * <p>Thread-safe. The shapes an account uses are few (per symbol at most two sides, three position
 * sides, a handful of types), so the cache stays small.
 */
final class OrderTemplates {
  private static final String RESP_TYPE = "&newOrderRespType=RESULT";

  /** What is fixed about an order besides its quantity, price and client id. */
  private record Shape(
      String symbol,
      Side side,
      PositionSide positionSide,
      OrderType type,
      @Nullable TimeInForce timeInForce,
      boolean reduceOnly) {}

  /** The encoded text before the quantity, and between the price and the client order id. */
  private record Template(String head, String beforeClientId) {}

  private final Map<Shape, Template> templates = new ConcurrentHashMap<>();

  /**
   * The encoded parameters of {@code r}, checked against {@code instrument} first.
   *
   * @throws dev.tradekit.api.error.InvalidOrderException when the order breaks a filter
   * @throws NullPointerException when the request has no client order id
   */
  String newOrder(OrderRequest r, Instrument instrument) {
    String clientOrderId =
        Objects.requireNonNull(r.clientOrderId(), "clientOrderId must be set before sending");
    instrument.validate(r, null);
    TimeInForce tif =
        r.type() == OrderType.LIMIT ? Objects.requireNonNull(r.timeInForce(), "timeInForce") : null;
    Shape shape =
        new Shape(
            r.symbol(),
            r.side(),
            r.positionSide(),
            r.type(),
            tif,
            r.reduceOnly() && r.positionSide() == PositionSide.BOTH);
    Template t = templates.computeIfAbsent(shape, OrderTemplates::template);
    String quantity = instrument.formatQuantity(r.quantity());
    String price = r.price() == null ? null : instrument.formatPrice(r.price());
    StringBuilder sb =
        new StringBuilder(
            t.head().length() + t.beforeClientId().length() + clientOrderId.length() + 64);
    sb.append(t.head());
    RequestSigner.appendEncoded(sb, quantity);
    if (price != null) {
      sb.append("&price=");
      RequestSigner.appendEncoded(sb, price);
    }
    sb.append(t.beforeClientId());
    RequestSigner.appendEncoded(sb, clientOrderId);
    return sb.append(RESP_TYPE).toString();
  }

  private static Template template(Shape s) {
    StringBuilder head = new StringBuilder(96);
    param(head, "symbol", s.symbol()).append('&');
    param(head, "side", s.side().name()).append('&');
    param(head, "positionSide", s.positionSide().name()).append('&');
    param(head, "type", s.type().name()).append('&');
    TimeInForce tif = s.timeInForce();
    if (tif != null) {
      param(head, "timeInForce", tif.name()).append('&');
    }
    head.append("quantity=");
    String beforeClientId = (s.reduceOnly() ? "&reduceOnly=true" : "") + "&newClientOrderId=";
    return new Template(head.toString(), beforeClientId);
  }

  private static StringBuilder param(StringBuilder sb, String name, String value) {
    RequestSigner.appendEncoded(sb, name);
    sb.append('=');
    RequestSigner.appendEncoded(sb, value);
    return sb;
  }

  /** {@code params} encoded as the signer encodes them, joined with {@code &}, in map order. */
  static String encode(Map<String, String> params) {
    StringBuilder sb = new StringBuilder(params.size() * 24);
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      param(sb, e.getKey(), e.getValue());
    }
    return sb.toString();
  }
}
