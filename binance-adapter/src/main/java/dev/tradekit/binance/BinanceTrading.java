package dev.tradekit.binance;

import static dev.tradekit.binance.Futures.unwrap;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Trading} over the signed order endpoints; placement goes through {@link OrderPlacer},
 * conditional orders through {@link AlgoOrders} (the Algo Order API). Open orders list both; an
 * order id starting {@value AlgoOrders#ID_PREFIX} is an algo order, and a cancel by client id that
 * finds no regular order tries the algo orders.
 */
final class BinanceTrading implements Trading {
  static final int MAX_BATCH_CANCEL = 10;
  static final int MAX_LEVERAGE = 125;

  /** Binance's "no need to change position side": the mode is already the one asked for. */
  private static final int POSITION_MODE_UNCHANGED = -4059;

  private final BinanceRest rest;
  private final OrderPlacer placer;
  private final Scheduler scheduler;
  private final AlgoOrders algo;

  BinanceTrading(BinanceRest rest, OrderPlacer placer, Scheduler scheduler, AlgoOrders algo) {
    this.rest = rest;
    this.placer = placer;
    this.scheduler = scheduler;
    this.algo = algo;
  }

  @Override
  public CompletableFuture<Order> place(OrderRequest request) {
    return request.type().isConditional() ? algo.place(request) : placer.place(request);
  }

  @Override
  public CompletableFuture<Order> placeBefore(OrderRequest request, Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    return placer.place(request, deadline.toEpochMilli());
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    return placer.placeBatch(requests);
  }

  @Override
  public CompletableFuture<Order> cancel(OrderRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (AlgoOrders.isAlgoId(ref.orderId())) {
      return algo.cancel(ref);
    }
    CompletableFuture<Order> regular =
        rest.cancelOrder(ref.symbol(), ref.orderId(), ref.clientOrderId())
            .thenApply(OrderMapper::order);
    if (ref.orderId() != null) {
      return regular;
    }
    return regular.exceptionallyCompose(
        e ->
            unwrap(e) instanceof OrderNotFoundException
                ? algo.cancel(ref)
                    .exceptionallyCompose(
                        e2 -> CompletableFuture.failedFuture(unwrap(e))) // report the first miss
                : CompletableFuture.failedFuture(unwrap(e)));
  }

  /**
   * Cancels in calls of up to {@value #MAX_BATCH_CANCEL}; references by venue id and by client id
   * go in separate calls (the venue takes one kind per call). Results follow {@code refs}.
   */
  @Override
  public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
    Objects.requireNonNull(refs, "refs");
    if (refs.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    String symbol = refs.get(0).symbol();
    for (OrderRef r : refs) {
      if (!r.symbol().equals(symbol)) {
        throw new IllegalArgumentException(
            "cancelBatch takes orders of one symbol, but got "
                + symbol
                + " and "
                + r.symbol()
                + "; call it once per symbol");
      }
    }
    List<CompletableFuture<BatchResult<Order>>> results = new ArrayList<>(refs.size());
    List<Integer> byId = new ArrayList<>();
    List<Integer> byClientId = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      results.add(new CompletableFuture<>());
      OrderRef r = refs.get(i);
      String id = r.orderId();
      if (id == null) {
        byClientId.add(i);
      } else if (isLong(id)) {
        byId.add(i);
      } else {
        results
            .get(i)
            .complete(
                BatchResult.failure(
                    new InvalidOrderException(
                        BinanceErrorCodes.VENUE,
                        ExchangeException.NO_CODE,
                        "orderId '" + id + "' is not a Binance order id (a whole number)")));
      }
    }
    for (int i = 0; i < byId.size(); i += MAX_BATCH_CANCEL) {
      List<Integer> chunk = byId.subList(i, Math.min(byId.size(), i + MAX_BATCH_CANCEL));
      List<Long> ids = new ArrayList<>();
      chunk.forEach(k -> ids.add(Long.parseLong(Objects.requireNonNull(refs.get(k).orderId()))));
      deliver(rest.cancelBatchOrders(symbol, ids, null), chunk, results);
    }
    for (int i = 0; i < byClientId.size(); i += MAX_BATCH_CANCEL) {
      List<Integer> chunk =
          byClientId.subList(i, Math.min(byClientId.size(), i + MAX_BATCH_CANCEL));
      List<String> cids = new ArrayList<>();
      chunk.forEach(k -> cids.add(Objects.requireNonNull(refs.get(k).clientOrderId())));
      deliver(rest.cancelBatchOrders(symbol, null, cids), chunk, results);
    }
    return Futures.all(results);
  }

  private void deliver(
      CompletableFuture<List<OrderDto>> call,
      List<Integer> indices,
      List<CompletableFuture<BatchResult<Order>>> results) {
    call.whenComplete(
        (replies, error) -> {
          for (int k = 0; k < indices.size(); k++) {
            CompletableFuture<BatchResult<Order>> slot = results.get(indices.get(k));
            if (error != null) {
              slot.complete(BatchResult.failure(Futures.asExchangeException(error)));
            } else if (k >= replies.size()) {
              slot.complete(
                  BatchResult.failure(
                      new ExchangeException(
                          BinanceErrorCodes.VENUE,
                          ExchangeException.NO_CODE,
                          "the batch-cancel reply has no entry for item " + k)));
            } else if (replies.get(k).isError()) {
              OrderDto e = replies.get(k);
              slot.complete(
                  BatchResult.failure(
                      BinanceErrorCodes.toException(
                          400,
                          e.code,
                          e.msg == null ? "" : e.msg,
                          null,
                          null,
                          scheduler.currentTimeMillis())));
            } else {
              try {
                slot.complete(BatchResult.success(OrderMapper.order(replies.get(k))));
              } catch (RuntimeException ex) {
                slot.complete(BatchResult.failure(Futures.asExchangeException(ex)));
              }
            }
          }
        });
  }

  private static boolean isLong(String s) {
    try {
      Long.parseLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public CompletableFuture<Void> cancelAll(String symbol) {
    return rest.cancelAllOpenOrders(Objects.requireNonNull(symbol, "symbol"));
  }

  @Override
  public CompletableFuture<List<Order>> openOrders(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return rest.openOrders(symbol)
        .thenApply(OrderMapper::orders)
        .thenCombine(algo.open(symbol), BinanceTrading::concat);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    return rest.openOrders(null)
        .thenApply(OrderMapper::orders)
        .thenCombine(algo.open(null), BinanceTrading::concat);
  }

  static List<Order> concat(List<Order> a, List<Order> b) {
    List<Order> out = new ArrayList<>(a.size() + b.size());
    out.addAll(a);
    out.addAll(b);
    return out;
  }

  @Override
  public CompletableFuture<Optional<Order>> order(OrderRef ref) {
    Objects.requireNonNull(ref, "ref");
    CompletableFuture<Order> query =
        AlgoOrders.isAlgoId(ref.orderId())
            ? algo.get(ref)
            : rest.queryOrder(ref.symbol(), ref.orderId(), ref.clientOrderId())
                .thenApply(OrderMapper::order);
    return query
        .thenApply(Optional::of)
        .exceptionallyCompose(
            e ->
                unwrap(e) instanceof OrderNotFoundException
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : CompletableFuture.failedFuture(unwrap(e)));
  }

  @Override
  public CompletableFuture<List<Fill>> userTrades(UserTradesQuery q) {
    Objects.requireNonNull(q, "query");
    return rest.userTrades(q.symbol(), q.fromId(), q.startTime(), q.endTime(), q.limit())
        .thenApply(OrderMapper::fills);
  }

  @Override
  public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
    Objects.requireNonNull(symbol, "symbol");
    if (leverage < 1 || leverage > MAX_LEVERAGE) {
      throw new IllegalArgumentException(
          "leverage must be between 1 and " + MAX_LEVERAGE + ", was " + leverage);
    }
    return rest.leverage(symbol, leverage).thenApply(l -> null);
  }

  @Override
  public CompletableFuture<Void> setPositionMode(PositionMode mode) {
    Objects.requireNonNull(mode, "mode");
    return rest.setPositionMode(mode == PositionMode.HEDGE)
        .exceptionallyCompose(
            e ->
                unwrap(e) instanceof ExchangeException x && x.code() == POSITION_MODE_UNCHANGED
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.failedFuture(unwrap(e)));
  }
}
