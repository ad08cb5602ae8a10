package dev.tradekit.backtest.sim;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.Trading;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.UserTradesQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Trading and amendment of one simulated account; every call reaches the matcher after latency. */
final class SimTrading implements Trading, OrderAmendment {
  private final SimExchange ex;

  SimTrading(SimExchange ex) {
    this.ex = ex;
  }

  @Override
  public CompletableFuture<Order> place(OrderRequest request) {
    Objects.requireNonNull(request, "request");
    return ex.call(() -> ex.entry.place(request));
  }

  /** All items reach the matcher together, in request order; chunks of 5 are not delayed apart. */
  @Override
  public CompletableFuture<List<BatchResult<Order>>> placeBatch(List<OrderRequest> requests) {
    List<OrderRequest> copy = List.copyOf(requests);
    return ex.call(() -> each(copy, ex.entry::place));
  }

  @Override
  public CompletableFuture<Order> cancel(OrderRef ref) {
    Objects.requireNonNull(ref, "ref");
    return ex.call(() -> ex.entry.cancel(ref));
  }

  @Override
  public CompletableFuture<List<BatchResult<Order>>> cancelBatch(List<OrderRef> refs) {
    List<OrderRef> copy = List.copyOf(refs);
    return ex.call(() -> each(copy, ex.entry::cancel));
  }

  private static <T> List<BatchResult<Order>> each(List<T> items, Function<T, Order> op) {
    List<BatchResult<Order>> out = new ArrayList<>(items.size());
    for (T item : items) {
      try {
        out.add(BatchResult.success(op.apply(item)));
      } catch (ExchangeException e) {
        out.add(BatchResult.failure(e));
      }
    }
    return out;
  }

  @Override
  public CompletableFuture<Void> cancelAll(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          ex.entry.cancelAll(symbol);
          return null;
        });
  }

  @Override
  public CompletableFuture<List<Order>> openOrders(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          ex.entry.matcher(symbol);
          List<Order> out = new ArrayList<>();
          for (SimOrder o : ex.account.openOrders()) {
            if (o.symbol().equals(symbol)) {
              out.add(o.toOrder());
            }
          }
          out.addAll(ex.account.conditionals.open(symbol));
          return out;
        });
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    return ex.call(
        () -> {
          List<Order> out = new ArrayList<>();
          ex.account.openOrders().forEach(o -> out.add(o.toOrder()));
          out.addAll(ex.account.conditionals.open(null));
          return out;
        });
  }

  @Override
  public CompletableFuture<Optional<Order>> order(OrderRef ref) {
    Objects.requireNonNull(ref, "ref");
    return ex.call(
        () -> {
          SimOrder o = ex.account.find(ref.symbol(), ref.orderId(), ref.clientOrderId());
          return o != null
              ? Optional.of(o.toOrder())
              : Optional.ofNullable(ex.account.conditionals.find(ref));
        });
  }

  /**
   * Fills of the query's symbol, oldest first: from {@code fromId} or {@code startTime} on the
   * first {@code limit}, otherwise the last {@code limit} before {@code endTime}.
   */
  @Override
  public CompletableFuture<List<Fill>> userTrades(UserTradesQuery query) {
    Objects.requireNonNull(query, "query");
    return ex.call(
        () -> {
          List<Fill> match = new ArrayList<>();
          for (Fill f : ex.account.fills()) {
            if (f.symbol().equals(query.symbol())
                && (query.fromId() == null || Long.parseLong(f.tradeId()) >= query.fromId())
                && (query.startTime() == null || f.time() >= query.startTime())
                && (query.endTime() == null || f.time() <= query.endTime())) {
              match.add(f);
            }
          }
          int n = Math.min(query.limit(), match.size());
          boolean fromStart = query.fromId() != null || query.startTime() != null;
          return List.copyOf(
              fromStart ? match.subList(0, n) : match.subList(match.size() - n, match.size()));
        });
  }

  @Override
  public CompletableFuture<Void> setLeverage(String symbol, int leverage) {
    Objects.requireNonNull(symbol, "symbol");
    return ex.call(
        () -> {
          ex.entry.matcher(symbol);
          int max = ex.account.ledger.maxLeverage;
          if (leverage < 1 || leverage > max) {
            throw new InvalidOrderException(
                SimExchangeProvider.ID,
                -4028,
                "Leverage " + leverage + " is not valid: it must be between 1 and " + max);
          }
          ex.account.ledger.setLeverage(symbol, leverage);
          return null;
        });
  }

  @Override
  public CompletableFuture<Void> setPositionMode(PositionMode mode) {
    Objects.requireNonNull(mode, "mode");
    return ex.call(
        () -> {
          if (ex.account.ledger.mode != mode) {
            if (!ex.account.openOrders().isEmpty()) {
              throw new ExchangeException(
                  SimExchangeProvider.ID,
                  -4067,
                  "Position side cannot be changed if there exists open orders");
            }
            if (ex.account.ledger.hasOpenPosition()) {
              throw new ExchangeException(
                  SimExchangeProvider.ID,
                  -4068,
                  "Position side cannot be changed if there exists position");
            }
            ex.account.ledger.mode = mode;
          }
          return null;
        });
  }

  @Override
  public CompletableFuture<Order> amend(AmendRequest request) {
    Objects.requireNonNull(request, "request");
    return ex.call(() -> ex.entry.amend(request));
  }
}
