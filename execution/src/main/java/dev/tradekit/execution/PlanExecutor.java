package dev.tradekit.execution;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.OrderAmendment;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.OrderSync.Amend;
import dev.tradekit.execution.OrderSync.LiveOrder;
import dev.tradekit.execution.OrderSync.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Sends a {@link Plan} to the venue: cancels, then amendments, then placements, each cut into
 * batches within the venue's limits; updates the {@link OrderTracker} from every answer on the
 * engine's scheduler. The returned future completes (on the scheduler) once every answer is in.
 *
 * <pre>{@code
 * PlanExecutor executor = new PlanExecutor(exchange, "BTCUSDT", scheduler, tracker, sink);
 * executor.execute(OrderSync.diff(tracker.live(), targets, rules, now), true);
 * }</pre>
 */
public final class PlanExecutor {
  /** Where the outcome of each operation is reported; called on the scheduler. */
  public interface Sink {
    /** A placement the venue accepted. */
    void placed(Order order);

    /** A cancel the venue confirmed. */
    void cancelled(Order order);

    /** An amendment the venue confirmed. */
    void amended(Order order);

    /** An operation that failed; {@code action} names it. */
    void failed(String action, Throwable error);
  }

  private final Exchange exchange;
  private final String symbol;
  private final Scheduler scheduler;
  private final OrderTracker tracker;
  private final Sink sink;
  private long placed;
  private long cancelled;
  private long amended;

  /** An executor of {@code symbol}'s orders that reports every outcome to {@code sink}. */
  public PlanExecutor(
      Exchange exchange, String symbol, Scheduler scheduler, OrderTracker tracker, Sink sink) {
    this.exchange = exchange;
    this.symbol = symbol;
    this.scheduler = scheduler;
    this.tracker = tracker;
    this.sink = sink;
  }

  /** Every order operation sent so far (placements, cancels and amendments). */
  public long actions() {
    return placed + cancelled + amended;
  }

  /** Placements sent so far. */
  public long placed() {
    return placed;
  }

  /** Cancels sent so far. */
  public long cancelled() {
    return cancelled;
  }

  /** Amendments sent so far. */
  public long amended() {
    return amended;
  }

  /** Sends the plan: cancels, then amendments, then placements (post-only when asked). */
  public CompletableFuture<Void> execute(Plan plan, boolean postOnly) {
    List<String> ids = new ArrayList<>();
    for (LiveOrder o : plan.cancels()) {
      ids.add(o.clientOrderId());
    }
    return cancel(ids)
        .thenCompose(v -> amend(plan.amends()))
        .thenCompose(v -> place(plan.places(), postOnly));
  }

  /** Cancels the given orders of the bot by client order id. */
  public CompletableFuture<Void> cancel(List<String> clientIds) {
    List<CompletableFuture<?>> all = new ArrayList<>();
    int batch = exchange.capabilities().maxBatchCancel();
    for (List<String> chunk : OrderSync.chunks(clientIds, batch)) {
      List<OrderRef> refs = new ArrayList<>();
      for (String id : chunk) {
        tracker.markCancelling(id);
        refs.add(OrderRef.byClientId(symbol, id));
      }
      cancelled += chunk.size();
      if (chunk.size() == 1) {
        String id = chunk.get(0);
        all.add(
            exchange
                .trading()
                .cancel(refs.get(0))
                .handleAsync((o, e) -> onCancel(id, o, e), scheduler));
      } else {
        all.add(
            exchange
                .trading()
                .cancelBatch(refs)
                .handleAsync(
                    (results, e) -> {
                      for (int i = 0; i < chunk.size(); i++) {
                        onCancelResult(chunk.get(i), results, e, i);
                      }
                      return null;
                    },
                    scheduler));
      }
    }
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
  }

  private @Nullable Void onCancelResult(
      String id, @Nullable List<BatchResult<Order>> results, @Nullable Throwable e, int i) {
    if (e != null || results == null || i >= results.size()) {
      return onCancel(id, null, e != null ? e : new IllegalStateException("no batch result"));
    }
    BatchResult<Order> r = results.get(i);
    return r.isSuccess() ? onCancel(id, r.value(), null) : onCancel(id, null, r.error());
  }

  private @Nullable Void onCancel(String id, @Nullable Order order, @Nullable Throwable e) {
    Throwable error = unwrap(e);
    if (error == null) {
      tracker.remove(id);
      if (order != null) {
        sink.cancelled(order);
      }
    } else if (error instanceof OrderNotFoundException) {
      tracker.remove(id); // already filled or cancelled; fills arrive on the user stream
    } else {
      tracker.cancelFailed(id);
      sink.failed("cancel " + id, error);
    }
    return null;
  }

  private CompletableFuture<Void> amend(List<Amend> amends) {
    OrderAmendment amendment = exchange.amendment().orElse(null);
    if (amends.isEmpty() || amendment == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (Amend a : amends) {
      String id = a.order().clientOrderId();
      AmendRequest request =
          new AmendRequest(
              OrderRef.byClientId(symbol, id),
              a.order().side(),
              a.newQuantity(),
              a.target().limitPrice());
      amended++;
      all.add(
          amendment
              .amend(request)
              .handleAsync(
                  (o, e) -> {
                    Throwable error = unwrap(e);
                    if (error == null && o != null) {
                      tracker.apply(o, scheduler.currentTimeMillis());
                      sink.amended(o);
                    } else if (error instanceof OrderNotFoundException) {
                      tracker.remove(id);
                    } else if (error != null) {
                      sink.failed("amend " + id, error);
                    }
                    return null;
                  },
                  scheduler));
    }
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
  }

  private CompletableFuture<Void> place(List<TargetOrder> targets, boolean postOnly) {
    long now = scheduler.currentTimeMillis();
    List<OrderRequest> requests = new ArrayList<>();
    for (TargetOrder t : targets) {
      String id = tracker.nextClientId();
      OrderRequest.Builder b =
          OrderRequest.builder()
              .symbol(symbol)
              .side(t.side())
              .type(t.type())
              .quantity(t.quantity())
              .price(t.price())
              .reduceOnly(t.reduceOnly())
              .clientOrderId(id);
      if (t.isLimit()) {
        b.timeInForce(postOnly ? TimeInForce.GTX : TimeInForce.GTC);
        tracker.addPending(id, t, now);
      }
      requests.add(b.build());
    }
    List<CompletableFuture<?>> all = new ArrayList<>();
    int batch = exchange.capabilities().maxBatchPlace();
    for (List<OrderRequest> chunk : OrderSync.chunks(requests, batch)) {
      placed += chunk.size();
      if (chunk.size() == 1) {
        OrderRequest r = chunk.get(0);
        all.add(exchange.trading().place(r).handleAsync((o, e) -> onPlace(r, o, e), scheduler));
      } else {
        all.add(
            exchange
                .trading()
                .placeBatch(chunk)
                .handleAsync(
                    (results, e) -> {
                      for (int i = 0; i < chunk.size(); i++) {
                        OrderRequest r = chunk.get(i);
                        if (e != null || results == null || i >= results.size()) {
                          onPlace(r, null, e != null ? e : new IllegalStateException("no result"));
                        } else if (results.get(i).isSuccess()) {
                          onPlace(r, results.get(i).value(), null);
                        } else {
                          onPlace(r, null, results.get(i).error());
                        }
                      }
                      return null;
                    },
                    scheduler));
      }
    }
    return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]));
  }

  private @Nullable Void onPlace(OrderRequest r, @Nullable Order order, @Nullable Throwable e) {
    String id = r.clientOrderId();
    if (id == null) {
      return null;
    }
    Throwable error = unwrap(e);
    if (error == null && order != null) {
      tracker.placed(order, scheduler.currentTimeMillis());
      sink.placed(order);
    } else if (error instanceof UnknownOrderStatusException
        || error instanceof TransportException) {
      tracker.markUnknown(id);
      sink.failed("place " + id, error);
    } else {
      tracker.remove(id);
      sink.failed("place " + id, error != null ? error : new IllegalStateException("no order"));
    }
    return null;
  }

  /** The cause inside any {@link CompletionException} layers. */
  public static @Nullable Throwable unwrap(@Nullable Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
