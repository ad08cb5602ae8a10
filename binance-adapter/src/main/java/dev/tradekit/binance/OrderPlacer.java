package dev.tradekit.binance;

import static dev.tradekit.binance.Futures.unwrap;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places orders without ever creating a duplicate. Every order carries a client order id (one is
 * generated when the request has none). When the venue cannot tell whether a placement executed
 * (HTTP 503 "Unknown error", -1006, -1007, or no reply after the request was sent), the order is
 * looked up by that id: if it exists it is the result; if the venue does not know it (-2013) it is
 * placed once more with the same id; if that retry reports -4116 (the first attempt landed after
 * all) or is unknown again, it is looked up once more. There is never a third placement.
 */
final class OrderPlacer {
  static final int MAX_BATCH = 5;

  private static final Logger LOG = LoggerFactory.getLogger(OrderPlacer.class);

  private final BinanceRest rest;
  private final InstrumentCache instruments;
  private final Scheduler scheduler;
  private final Duration resolveDelay;
  private final OrderTemplates templates = new OrderTemplates();

  OrderPlacer(
      BinanceRest rest, InstrumentCache instruments, Scheduler scheduler, Duration resolveDelay) {
    this.rest = rest;
    this.instruments = instruments;
    this.scheduler = scheduler;
    this.resolveDelay = resolveDelay;
  }

  /** Places one order (validated against its instrument first; nothing is sent if it fails). */
  CompletableFuture<Order> place(OrderRequest request) {
    return place(request, null);
  }

  /**
   * Places one order that the venue must receive by {@code deadline} (local epoch ms), or within
   * the configured receive window when it is null. The deadline also bounds the one placement again
   * after an unknown outcome.
   */
  CompletableFuture<Order> place(OrderRequest request, @Nullable Long deadline) {
    OrderRequest r = OrderParams.withClientOrderId(Objects.requireNonNull(request, "request"));
    String cid = Objects.requireNonNull(r.clientOrderId());
    return instruments
        .get(r.symbol())
        .thenCompose(i -> placeResolving(r.symbol(), templates.newOrder(r, i), cid, deadline));
  }

  private CompletableFuture<Order> placeResolving(
      String symbol, String query, String cid, @Nullable Long deadline) {
    return rest.newOrder(query, cid, deadline)
        .thenApply(OrderMapper::order)
        .exceptionallyCompose(
            e -> {
              Throwable c = unwrap(e);
              if (c instanceof UnknownOrderStatusException u) {
                return resolve(symbol, query, cid, u, deadline);
              }
              return CompletableFuture.failedFuture(c);
            });
  }

  /**
   * Settles a placement whose outcome is unknown: find it, or place it again exactly once ({@code
   * query} is the placement's encoded parameters).
   */
  CompletableFuture<Order> resolve(
      String symbol,
      String query,
      String cid,
      UnknownOrderStatusException cause,
      @Nullable Long deadline) {
    LOG.warn("placing {} {} has an unknown outcome ({}): querying it", symbol, cid, cause.code());
    return find(symbol, cid, cause)
        .thenCompose(
            found -> {
              if (found.isPresent()) {
                LOG.info("{} {} exists after all: reporting it, not placing again", symbol, cid);
                return CompletableFuture.completedFuture(found.get());
              }
              LOG.warn("{} {} does not exist: placing it once more with the same id", symbol, cid);
              return rest.newOrder(query, cid, deadline)
                  .thenApply(OrderMapper::order)
                  .exceptionallyCompose(
                      e -> {
                        Throwable c = unwrap(e);
                        if (c instanceof DuplicateClientOrderIdException
                            || c instanceof UnknownOrderStatusException) {
                          return find(symbol, cid, cause)
                              .thenApply(again -> again.orElseThrow(() -> stillUnknown(cid, c)));
                        }
                        return CompletableFuture.failedFuture(c);
                      });
            });
  }

  /** The order by client id after the resolve delay; empty when the venue does not know it. */
  private CompletableFuture<Optional<Order>> find(
      String symbol, String cid, UnknownOrderStatusException cause) {
    return Futures.delay(scheduler, resolveDelay)
        .thenCompose(v -> rest.queryOrder(symbol, null, cid))
        .thenApply(dto -> Optional.of(OrderMapper.order(dto)))
        .exceptionallyCompose(
            e -> {
              Throwable c = unwrap(e);
              if (c instanceof OrderNotFoundException) {
                return CompletableFuture.completedFuture(Optional.empty());
              }
              return CompletableFuture.failedFuture(
                  new UnknownOrderStatusException(
                      BinanceErrorCodes.VENUE,
                      cause.code(),
                      "the outcome of placing "
                          + symbol
                          + " "
                          + cid
                          + " is unknown and querying it failed ("
                          + c.getMessage()
                          + "); query it by client order id before placing again",
                      cid,
                      c));
            });
  }

  private static UnknownOrderStatusException stillUnknown(String cid, Throwable cause) {
    return new UnknownOrderStatusException(
        BinanceErrorCodes.VENUE,
        ExchangeException.NO_CODE,
        "the order "
            + cid
            + " was placed again after an unknown outcome and still cannot be found; query it by"
            + " client order id or watch the user stream, never place it a third time",
        cid,
        cause);
  }

  /** Places orders in batches of {@value #MAX_BATCH}; each succeeds or fails on its own. */
  CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    Objects.requireNonNull(requests, "requests");
    List<CompletableFuture<List<BatchResult<Order>>>> chunks = new ArrayList<>();
    for (int i = 0; i < requests.size(); i += MAX_BATCH) {
      chunks.add(placeChunk(requests.subList(i, Math.min(requests.size(), i + MAX_BATCH))));
    }
    return Futures.all(chunks)
        .thenApply(
            lists -> {
              List<BatchResult<Order>> out = new ArrayList<>(requests.size());
              lists.forEach(out::addAll);
              return out;
            });
  }

  private CompletableFuture<List<BatchResult<Order>>> placeChunk(List<OrderRequest> chunk) {
    return instruments
        .all()
        .thenCompose(
            all -> {
              List<CompletableFuture<BatchResult<Order>>> results = new ArrayList<>();
              List<Item> items = new ArrayList<>();
              for (OrderRequest raw : chunk) {
                OrderRequest r = OrderParams.withClientOrderId(raw);
                CompletableFuture<BatchResult<Order>> slot = new CompletableFuture<>();
                results.add(slot);
                try {
                  Instrument i = find(all, r.symbol());
                  items.add(new Item(r, OrderParams.newOrder(r, i), slot));
                } catch (ExchangeException e) {
                  slot.complete(BatchResult.failure(e));
                }
              }
              if (!items.isEmpty()) {
                sendBatch(items);
              }
              return Futures.all(results);
            });
  }

  private static Instrument find(List<Instrument> all, String symbol) {
    for (Instrument i : all) {
      if (i.symbol().equals(symbol)) {
        return i;
      }
    }
    throw new UnknownSymbolException(
        BinanceErrorCodes.VENUE, -1121, "Binance USD-M does not list " + symbol);
  }

  /** One order of a batch on its way, and where its result goes. */
  private record Item(
      OrderRequest request,
      Map<String, String> params,
      CompletableFuture<BatchResult<Order>> slot) {
    String cid() {
      return Objects.requireNonNull(request.clientOrderId());
    }
  }

  private void sendBatch(List<Item> items) {
    List<Map<String, String>> params = new ArrayList<>(items.size());
    for (Item it : items) {
      params.add(it.params());
    }
    rest.newBatchOrders(params)
        .whenComplete(
            (replies, error) -> {
              for (int k = 0; k < items.size(); k++) {
                Item it = items.get(k);
                if (error != null) {
                  settle(it, Futures.asExchangeException(error));
                } else if (k >= replies.size()) {
                  settle(it, missingReply(it));
                } else if (replies.get(k).isError()) {
                  OrderDto e = replies.get(k);
                  settle(
                      it,
                      BinanceErrorCodes.toException(
                          400,
                          e.code,
                          e.msg == null ? "" : e.msg,
                          it.cid(),
                          null,
                          scheduler.currentTimeMillis()));
                } else {
                  succeed(it, replies.get(k));
                }
              }
            });
  }

  private static UnknownOrderStatusException missingReply(Item it) {
    return new UnknownOrderStatusException(
        BinanceErrorCodes.VENUE,
        ExchangeException.NO_CODE,
        "the batch reply has no entry for " + it.cid(),
        it.cid());
  }

  private static void succeed(Item it, OrderDto dto) {
    try {
      it.slot().complete(BatchResult.success(OrderMapper.order(dto)));
    } catch (RuntimeException e) {
      it.slot().complete(BatchResult.failure(Futures.asExchangeException(e)));
    }
  }

  private void settle(Item it, ExchangeException error) {
    if (!(error instanceof UnknownOrderStatusException unknown)) {
      it.slot().complete(BatchResult.failure(error));
      return;
    }
    resolve(it.request().symbol(), OrderTemplates.encode(it.params()), it.cid(), unknown, null)
        .whenComplete(
            (order, e) ->
                it.slot()
                    .complete(
                        e == null
                            ? BatchResult.success(order)
                            : BatchResult.failure(Futures.asExchangeException(e))));
  }
}
