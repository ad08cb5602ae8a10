package dev.tradekit.bybit;

import dev.tradekit.api.BatchResult;
import dev.tradekit.api.error.ExchangeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The order endpoints that need more than one request: batches cut to the size Bybit allows,
 * cancel-all repeated until nothing is left, fills read in 7-day windows page by page, and the
 * disconnect-cancel-all timer (DCP).
 *
 * <p>Batch size: Bybit's batch pages allow 20 linear orders a request, its rate-limit page "1-10";
 * {@link #MAX_BATCH} takes the smaller so that no batch is ever refused for its size. A batch reply
 * can have retCode 0 while single orders failed: {@code retExtInfo.list[i]} holds each order's own
 * code, mapped with {@link BybitErrorCodes} like a single reply.
 */
final class BybitOrders {
  static final int MAX_BATCH = 10;
  static final long WINDOW_MS = 7L * 24 * 60 * 60 * 1000;
  static final int MAX_CANCEL_ALL_ROUNDS = 50;
  static final int MIN_DCP_SECONDS = 3;
  static final int MAX_DCP_SECONDS = 300;

  static final class BatchReply {
    BatchResultList result = new BatchResultList();
    BatchCodes retExtInfo = new BatchCodes();
  }

  static final class BatchResultList {
    List<BybitRest.OrderAckDto> list = List.of();
  }

  static final class BatchCodes {
    List<ItemCode> list = List.of();
  }

  static final class ItemCode {
    int code;
    String msg = "";
  }

  static final class CancelAllReply {
    BatchResultList result = new BatchResultList();
  }

  private final BybitRest rest;
  private final LongSupplier venueNow;
  private final BybitJson json = new BybitJson();

  BybitOrders(BybitRest rest, LongSupplier venueNow) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.venueNow = Objects.requireNonNull(venueNow, "venueNow");
  }

  /**
   * Places {@code orders} (each a create-order object without {@code category}) in batches of
   * {@link #MAX_BATCH}; one result per order, in order.
   */
  CompletableFuture<List<BatchResult<BybitRest.OrderAck>>> placeBatch(
      String category, List<Map<String, Object>> orders) {
    return inBatches("/v5/order/create-batch", category, orders);
  }

  /**
   * Cancels {@code orders} (each {@code symbol} with {@code orderId} or {@code orderLinkId}) in
   * batches of {@link #MAX_BATCH}; one result per order, in order.
   */
  CompletableFuture<List<BatchResult<BybitRest.OrderAck>>> cancelBatch(
      String category, List<Map<String, Object>> orders) {
    return inBatches("/v5/order/cancel-batch", category, orders);
  }

  private CompletableFuture<List<BatchResult<BybitRest.OrderAck>>> inBatches(
      String path, String category, List<Map<String, Object>> orders) {
    CompletableFuture<List<BatchResult<BybitRest.OrderAck>>> all =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (int i = 0; i < orders.size(); i += MAX_BATCH) {
      List<Map<String, Object>> chunk = orders.subList(i, Math.min(orders.size(), i + MAX_BATCH));
      all =
          all.thenCompose(
              acc ->
                  sendBatch(path, category, chunk)
                      .thenApply(
                          part -> {
                            acc.addAll(part);
                            return acc;
                          }));
    }
    return all;
  }

  private CompletableFuture<List<BatchResult<BybitRest.OrderAck>>> sendBatch(
      String path, String category, List<Map<String, Object>> chunk) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", category);
    body.put("request", chunk);
    return rest.post(path, body)
        .thenApply(
            text -> {
              BatchReply r = json.parse(BatchReply.class, text);
              List<BatchResult<BybitRest.OrderAck>> out = new ArrayList<>(chunk.size());
              for (int i = 0; i < chunk.size(); i++) {
                @Nullable Object link = chunk.get(i).get("orderLinkId");
                String linkId = link instanceof String s ? s : null;
                ItemCode code = i < r.retExtInfo.list.size() ? r.retExtInfo.list.get(i) : null;
                if (code != null && code.code != 0) {
                  ExchangeException e =
                      BybitErrorCodes.toException(
                          200, code.code, code.msg, linkId, 0, venueNow.getAsLong());
                  out.add(BatchResult.failure(e));
                } else if (i < r.result.list.size()) {
                  BybitRest.OrderAckDto a = r.result.list.get(i);
                  out.add(BatchResult.success(new BybitRest.OrderAck(a.orderId, a.orderLinkId)));
                } else {
                  out.add(
                      BatchResult.failure(
                          new ExchangeException(
                              BybitErrorCodes.VENUE,
                              ExchangeException.NO_CODE,
                              "batch reply has no entry for order " + i + " of " + chunk.size())));
                }
              }
              return out;
            });
  }

  /**
   * Cancels every open order of {@code symbol}: Bybit cancels at most 500 (picked at random) per
   * call, so the call is repeated until it cancels nothing.
   *
   * @return how many orders were cancelled
   */
  CompletableFuture<Integer> cancelAll(String category, String symbol) {
    return cancelRound(category, symbol, 0, 0);
  }

  private CompletableFuture<Integer> cancelRound(
      String category, String symbol, int round, int total) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", category);
    body.put("symbol", symbol);
    return rest.post("/v5/order/cancel-all", body)
        .thenCompose(
            text -> {
              int n = json.parse(CancelAllReply.class, text).result.list.size();
              if (n == 0 || round + 1 >= MAX_CANCEL_ALL_ROUNDS) {
                return CompletableFuture.completedFuture(total + n);
              }
              return cancelRound(category, symbol, round + 1, total + n);
            });
  }

  /**
   * Every fill of {@code symbol} from {@code startTime} to {@code endTime} (inclusive, epoch ms),
   * oldest first: the span is cut into windows of at most 7 days (Bybit's limit) and each window is
   * read page by page with {@code nextPageCursor}.
   */
  CompletableFuture<List<BybitWire.ExecutionDto>> executions(
      String category, String symbol, long startTime, long endTime) {
    if (endTime < startTime) {
      throw new IllegalArgumentException(
          "endTime " + endTime + " is before startTime " + startTime);
    }
    CompletableFuture<List<BybitWire.ExecutionDto>> all =
        CompletableFuture.completedFuture(new ArrayList<>());
    for (long from = startTime; from <= endTime; from += WINDOW_MS) {
      long winStart = from;
      long winEnd = Math.min(endTime, from + WINDOW_MS - 1);
      all = all.thenCompose(acc -> page(category, symbol, winStart, winEnd, null, acc));
    }
    return all.thenApply(
        list -> {
          list.sort(
              Comparator.comparingLong((BybitWire.ExecutionDto e) -> e.execTime)
                  .thenComparing(e -> e.execId));
          return list;
        });
  }

  private CompletableFuture<List<BybitWire.ExecutionDto>> page(
      String category,
      String symbol,
      long start,
      long end,
      @Nullable String cursor,
      List<BybitWire.ExecutionDto> acc) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("category", category);
    q.put("symbol", symbol);
    q.put("startTime", Long.toString(start));
    q.put("endTime", Long.toString(end));
    q.put("limit", "100");
    if (cursor != null) {
      q.put("cursor", cursor);
    }
    return rest.getPrivate("/v5/execution/list", q)
        .thenCompose(
            text -> {
              BybitWire.ExecutionPage p = json.parse(BybitWire.ExecutionsReply.class, text).result;
              acc.addAll(p.list);
              String next = p.nextPageCursor;
              if (next == null || next.isEmpty() || p.list.isEmpty()) {
                return CompletableFuture.completedFuture(acc);
              }
              return page(category, symbol, start, end, next, acc);
            });
  }

  /**
   * Arms (or re-arms) Bybit's disconnect-cancel-all for derivatives: if every private connection
   * subscribed to {@code dcp.future} is gone for {@code seconds}, the venue cancels all orders.
   * Bybit offers it to institutional accounts only.
   *
   * @param seconds 3..300
   */
  CompletableFuture<Void> armDisconnectCancelAll(int seconds) {
    if (seconds < MIN_DCP_SECONDS || seconds > MAX_DCP_SECONDS) {
      throw new IllegalArgumentException(
          "Bybit's DCP window is "
              + MIN_DCP_SECONDS
              + ".."
              + MAX_DCP_SECONDS
              + " s, was "
              + seconds);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("product", "DERIVATIVES");
    body.put("timeWindow", seconds);
    return rest.post("/v5/order/disconnected-cancel-all", body).thenApply(text -> null);
  }
}
