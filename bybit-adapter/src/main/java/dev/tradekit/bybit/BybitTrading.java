package dev.tradekit.bybit;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Orders over REST v5 (category {@code linear}).
 *
 * <p>Bybit acknowledges create, amend and cancel with ids only: {@link #place} completes with the
 * order as accepted (status NEW, nothing executed, the request's fields) and its later states come
 * on the user stream or from {@link #order}; {@link #cancel} and {@link #amend} read the order back
 * after the ack. Every order carries an {@code orderLinkId} (one is made when the request has
 * none), because that is how an unknown outcome is resolved without a second order. Bybit's
 * executions cannot be read from a trade id: {@link #userTrades} pages by time (7-day windows,
 * cursor by cursor) and rejects {@code fromId}.
 */
final class BybitTrading implements Trading, OrderAmendment {
  static final String CATEGORY = "linear";
  static final int MAX_BATCH = BybitOrders.MAX_BATCH;
  private static final Pattern LINK_ID = Pattern.compile("^[A-Za-z0-9_-]{1,36}$");

  private final BybitRest rest;
  private final BybitOrders orders;
  private final BybitInstruments instruments;
  private final BybitPositionSides sides;
  private final LongSupplier venueNow;
  private final String settleCoin;
  private final BybitJson json = new BybitJson();

  BybitTrading(
      BybitRest rest,
      BybitOrders orders,
      BybitInstruments instruments,
      BybitPositionSides sides,
      LongSupplier venueNow,
      String settleCoin) {
    this.rest = rest;
    this.orders = orders;
    this.instruments = instruments;
    this.sides = sides;
    this.venueNow = venueNow;
    this.settleCoin = settleCoin;
  }

  @Override
  public CompletableFuture<Order> place(OrderRequest request) {
    return place(request, null);
  }

  @Override
  public CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
    return place(request, Objects.requireNonNull(deadline, "deadline").toEpochMilli());
  }

  /** Places one order, bounded by a send deadline (local epoch ms) unless it is null. */
  private CompletableFuture<Order> place(OrderRequest request, @Nullable Long by) {
    return instruments
        .get(request.symbol())
        .thenCompose(
            i -> {
              Map<String, Object> fields = fields(i, request, true);
              return rest.placeOrder(fields, by).thenApply(ack -> accepted(request, fields, ack));
            });
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    List<OrderRequest> copy = List.copyOf(requests);
    if (copy.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    CompletableFuture<List<Instrument>> all = CompletableFuture.completedFuture(new ArrayList<>());
    for (OrderRequest r : copy) {
      all =
          all.thenCombine(
              instruments.get(r.symbol()),
              (acc, i) -> {
                acc.add(i);
                return acc;
              });
    }
    return all.thenCompose(
        list -> {
          List<Map<String, Object>> batch = new ArrayList<>();
          List<Integer> sent = new ArrayList<>();
          List<@Nullable BatchResult<Order>> out = new ArrayList<>();
          for (int k = 0; k < copy.size(); k++) {
            try {
              batch.add(fields(list.get(k), copy.get(k), false));
              sent.add(k);
              out.add(null);
            } catch (InvalidOrderException e) {
              out.add(BatchResult.failure(e));
            }
          }
          return orders
              .placeBatch(CATEGORY, batch)
              .thenApply(
                  results -> {
                    for (int j = 0; j < results.size(); j++) {
                      int k = sent.get(j);
                      BatchResult<BybitRest.OrderAck> r = results.get(j);
                      out.set(
                          k,
                          r.isSuccess()
                              ? BatchResult.success(accepted(copy.get(k), batch.get(j), r.value()))
                              : BatchResult.failure(r.error()));
                    }
                    List<BatchResult<Order>> done = new ArrayList<>(out.size());
                    for (BatchResult<Order> r : out) {
                      done.add(java.util.Objects.requireNonNull(r));
                    }
                    return done;
                  });
        });
  }

  @Override
  public CompletableFuture<Order> cancel(OrderRef ref) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", CATEGORY);
    body.putAll(refFields(ref));
    return rest.post("/v5/order/cancel", body).thenCompose(text -> readBack(ref, "cancelled"));
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
    List<OrderRef> copy = List.copyOf(refs);
    List<Map<String, Object>> items = new ArrayList<>();
    for (OrderRef r : copy) {
      items.add(refFields(r));
    }
    return orders
        .cancelBatch(CATEGORY, items)
        .thenCompose(
            results -> {
              List<CompletableFuture<BatchResult<Order>>> each = new ArrayList<>();
              for (int k = 0; k < results.size(); k++) {
                BatchResult<BybitRest.OrderAck> r = results.get(k);
                if (!r.isSuccess()) {
                  each.add(CompletableFuture.completedFuture(BatchResult.failure(r.error())));
                  continue;
                }
                each.add(
                    readBack(copy.get(k), "cancelled")
                        .handle(
                            (o, e) ->
                                e == null
                                    ? BatchResult.success(o)
                                    : BatchResult.failure(ExchangeErrors.unwrap(e))));
              }
              return CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0]))
                  .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
            });
  }

  @Override
  public CompletableFuture<Void> cancelAll(String symbol) {
    return orders.cancelAll(CATEGORY, symbol).thenApply(n -> null);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders(String symbol) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", CATEGORY);
    q.put("symbol", symbol);
    return openPage(q, null, new ArrayList<>());
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", CATEGORY);
    q.put("settleCoin", settleCoin);
    return openPage(q, null, new ArrayList<>());
  }

  private CompletableFuture<List<Order>> openPage(
      Map<String, String> base, @Nullable String cursor, List<Order> acc) {
    Map<String, String> q = new LinkedHashMap<>(base);
    q.put("limit", "50");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    return rest.getPrivate(BybitRest.REALTIME, q)
        .thenCompose(
            body -> {
              BybitWire.OrderPage p = json.parse(BybitWire.OrdersReply.class, body).result;
              for (BybitWire.OrderDto d : p.list) {
                Order o = order(d);
                if (o.status() == OrderStatus.NEW || o.status() == OrderStatus.PARTIALLY_FILLED) {
                  acc.add(o);
                }
              }
              String next = p.nextPageCursor;
              if (next == null || next.isEmpty() || p.list.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(acc));
              }
              return openPage(base, next, acc);
            });
  }

  @Override
  public CompletableFuture<Optional<Order>> order(OrderRef ref) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", CATEGORY);
    q.put("symbol", ref.symbol());
    if (ref.orderId() != null) {
      q.put("orderId", ref.orderId());
    } else {
      q.put("orderLinkId", java.util.Objects.requireNonNull(ref.clientOrderId()));
    }
    return rest.getPrivate(BybitRest.REALTIME, q)
        .thenCompose(
            body -> {
              Optional<Order> open = first(body);
              if (open.isPresent()) {
                return CompletableFuture.completedFuture(open);
              }
              return rest.getPrivate(BybitRest.HISTORY, q).thenApply(this::first);
            });
  }

  private Optional<Order> first(String body) {
    List<BybitWire.OrderDto> list = json.parse(BybitWire.OrdersReply.class, body).result.list;
    return list.isEmpty() ? Optional.empty() : Optional.of(order(list.get(0)));
  }

  private Order order(BybitWire.OrderDto d) {
    Order o = BybitMapper.order(d);
    sides.remember(o.orderId(), o.positionSide());
    return o;
  }

  @Override
  public CompletableFuture<List<Fill>> userTrades(UserTradesQuery query) {
    if (query.fromId() != null) {
      throw new IllegalArgumentException(
          "Bybit execution ids are not numbers: query user trades by startTime/endTime"
              + " (at most 7 days), not fromId");
    }
    Long start = query.startTime();
    Long end = query.endTime();
    long window = UserTradesQuery.MAX_WINDOW_MILLIS - 1;
    long to;
    long from;
    if (start == null && end == null) {
      to = venueNow.getAsLong();
      from = Math.max(0, to - window);
    } else if (start == null) {
      to = java.util.Objects.requireNonNull(end);
      from = Math.max(0, to - window);
    } else {
      from = start;
      to = end != null ? end : from + window;
    }
    return orders
        .executions(CATEGORY, query.symbol(), from, to)
        .thenApply(
            list -> {
              List<Fill> out = new ArrayList<>();
              for (BybitWire.ExecutionDto e : list) {
                if ("Trade".equals(e.execType) && out.size() < query.limit()) {
                  out.add(BybitMapper.fill(e, BybitMapper.positionIdx(sides.of(e))));
                }
              }
              return out;
            });
  }

  @Override
  public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1, was " + leverage);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", CATEGORY);
    body.put("symbol", symbol);
    body.put("buyLeverage", Integer.toString(leverage));
    body.put("sellLeverage", Integer.toString(leverage));
    return benign(rest.post("/v5/position/set-leverage", body), 110043);
  }

  @Override
  public CompletableFuture<Void> setPositionMode(PositionMode mode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", CATEGORY);
    body.put("coin", settleCoin);
    body.put("mode", mode == PositionMode.HEDGE ? 3 : 0);
    return benign(rest.post("/v5/position/switch-mode", body), 110025)
        .thenApply(
            v -> {
              sides.hedgeMode(mode == PositionMode.HEDGE);
              return v;
            });
  }

  @Override
  public CompletableFuture<Order> amend(AmendRequest request) {
    return instruments
        .get(request.symbol())
        .thenCompose(
            i -> {
              i.validate(
                  OrderRequest.limit(
                      request.symbol(), request.side(), request.quantity(), request.price()),
                  null);
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("category", CATEGORY);
              body.putAll(refFields(request.ref()));
              body.put("qty", i.formatQuantity(request.quantity()));
              body.put("price", i.formatPrice(request.price()));
              return rest.post("/v5/order/amend", body)
                  .thenCompose(text -> readBack(request.ref(), "amended"));
            });
  }

  private static CompletableFuture<Void> benign(CompletableFuture<String> call, int alreadySet) {
    return call.handle(
        (body, error) -> {
          if (error == null) {
            return null;
          }
          ExchangeException e = ExchangeErrors.unwrap(error);
          if (e.code() == alreadySet) {
            return null;
          }
          throw new CompletionException(e);
        });
  }

  private CompletableFuture<Order> readBack(OrderRef ref, String what) {
    return order(ref)
        .thenApply(
            o ->
                o.orElseThrow(
                    () ->
                        new OrderNotFoundException(
                            BybitErrorCodes.VENUE,
                            ExchangeException.NO_CODE,
                            "Bybit "
                                + what
                                + " "
                                + describe(ref)
                                + " but lists no such order afterwards")));
  }

  private static String describe(OrderRef ref) {
    return ref.symbol()
        + (ref.orderId() != null
            ? " order " + ref.orderId()
            : " orderLinkId " + ref.clientOrderId());
  }

  private static Map<String, Object> refFields(OrderRef ref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("symbol", ref.symbol());
    if (ref.orderId() != null) {
      m.put("orderId", ref.orderId());
    } else {
      m.put("orderLinkId", java.util.Objects.requireNonNull(ref.clientOrderId()));
    }
    return m;
  }

  /**
   * The create-order fields of {@code r}, checked against the instrument first (nothing is sent
   * when it fails).
   */
  static Map<String, Object> fields(Instrument i, OrderRequest request, boolean withCategory) {
    BybitConditionals.refuseUnsupported(request);
    OrderRequest r = i.roundTrigger(request);
    i.validate(r, null);
    String linkId = r.clientOrderId();
    if (linkId == null) {
      linkId = "tk-" + UUID.randomUUID().toString().replace("-", "");
    } else if (!LINK_ID.matcher(linkId).matches()) {
      throw new InvalidOrderException(
          BybitErrorCodes.VENUE,
          ExchangeException.NO_CODE,
          "clientOrderId '"
              + linkId
              + "' is not a Bybit orderLinkId: 1 to 36 of letters, digits, '_' and '-'");
    }
    Map<String, Object> f = new LinkedHashMap<>();
    if (withCategory) {
      f.put("category", CATEGORY);
    }
    f.put("symbol", r.symbol());
    f.put("side", r.side() == dev.tradekit.api.model.Side.BUY ? "Buy" : "Sell");
    f.put("orderType", r.type().executesAtMarket() ? "Market" : "Limit");
    f.put("qty", i.formatQuantity(r.quantity()));
    BigDecimal price = r.price();
    if (r.type() == OrderType.LIMIT && price != null) {
      f.put("price", i.formatPrice(price));
      f.put(
          "timeInForce",
          BybitMapper.timeInForce(java.util.Objects.requireNonNull(r.timeInForce())));
    }
    f.put("positionIdx", BybitMapper.positionIdx(r.positionSide()));
    if (r.reduceOnly()) {
      f.put("reduceOnly", true);
    }
    if (r.type().isConditional()) {
      BybitConditionals.put(f, i, r);
    }
    f.put("orderLinkId", linkId);
    return f;
  }

  private Order accepted(OrderRequest r, Map<String, Object> fields, BybitRest.OrderAck ack) {
    sides.remember(ack.orderId(), r.positionSide());
    long now = venueNow.getAsLong();
    return Order.builder()
        .symbol(r.symbol())
        .orderId(ack.orderId())
        .clientOrderId(
            ack.orderLinkId().isEmpty() ? (String) fields.get("orderLinkId") : ack.orderLinkId())
        .side(r.side())
        .positionSide(r.positionSide())
        .type(r.type())
        .timeInForce(r.timeInForce())
        .price(r.price())
        .quantity(r.quantity())
        .triggerPrice(triggerPrice(fields))
        .executedQuantity(BigDecimal.ZERO)
        .status(OrderStatus.NEW)
        .reduceOnly(r.reduceOnly())
        .createTime(now)
        .updateTime(now)
        .build();
  }

  /** The trigger price as sent (on the tick grid), or null for a plain order. */
  private static @Nullable BigDecimal triggerPrice(Map<String, Object> fields) {
    Object t = fields.get("triggerPrice");
    return t == null ? null : new BigDecimal((String) t);
  }
}
