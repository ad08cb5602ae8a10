package dev.tradekit.binance;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A scripted {@link StreamRestCalls}: answers from queues and logs every call. */
class FakeStreamRest implements StreamRestCalls {
  /** Every call as text, e.g. {@code depth BTCUSDT 1000} or {@code createListenKey}. */
  final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

  final List<String> callLog = new CopyOnWriteArrayList<>();
  final Map<String, Deque<OrderBookSnapshot>> snapshots = new ConcurrentHashMap<>();
  final Deque<String> listenKeys = new ArrayDeque<>();
  volatile Supplier<CompletableFuture<Void>> keepAlive =
      () -> CompletableFuture.completedFuture(null);
  volatile List<Order> openOrders = List.of();
  volatile List<Order> openAlgoOrders = List.of();

  /** Algo orders by order id, as GET /fapi/v1/algoOrder answers them. */
  final Map<String, Order> algoOrders = new ConcurrentHashMap<>();

  final Map<String, List<Order>> orders = new ConcurrentHashMap<>();

  /** Algo orders by symbol, as GET /fapi/v1/allAlgoOrders answers them. */
  final Map<String, List<Order>> algoHistory = new ConcurrentHashMap<>();

  final Map<String, List<Fill>> fills = new ConcurrentHashMap<>();

  /** A call and when it was made ({@link System#nanoTime()}). */
  record Timed(String call, long nanos) {}

  final List<Timed> timedLog = new CopyOnWriteArrayList<>();

  private void log(String call) {
    timedLog.add(new Timed(call, System.nanoTime()));
    callLog.add(call);
    calls.add(call);
  }

  /** When the {@code n}-th (from 1) call starting with {@code prefix} was made. */
  long nanosOf(String prefix, int n) {
    return timedLog.stream()
        .filter(t -> t.call().startsWith(prefix))
        .skip(n - 1L)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no call " + n + " of '" + prefix + "'"))
        .nanos();
  }

  /** Waits up to 20 s for the next call starting with {@code prefix}, skipping others. */
  String awaitCall(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      long left = deadline - System.nanoTime();
      String c = left <= 0 ? null : calls.poll(left, TimeUnit.NANOSECONDS);
      if (c == null) {
        throw new AssertionError("no REST call '" + prefix + "' within 20 s; calls: " + callLog);
      }
      if (c.startsWith(prefix)) {
        return c;
      }
    }
  }

  long count(String prefix) {
    return callLog.stream().filter(c -> c.startsWith(prefix)).count();
  }

  void addSnapshot(OrderBookSnapshot s) {
    snapshots
        .computeIfAbsent(s.symbol(), k -> new java.util.concurrent.ConcurrentLinkedDeque<>())
        .add(s);
  }

  @Override
  public CompletableFuture<OrderBookSnapshot> depth(String symbol, int limit) {
    log("depth " + symbol + " " + limit);
    Deque<OrderBookSnapshot> q = snapshots.get(symbol);
    OrderBookSnapshot s = q == null ? null : q.poll();
    return s == null
        ? CompletableFuture.failedFuture(new IllegalStateException("no snapshot for " + symbol))
        : CompletableFuture.completedFuture(s);
  }

  /** Candles answered by {@link #klines}, filtered by the query's times. */
  final List<Kline> klines = new CopyOnWriteArrayList<>();

  @Override
  public CompletableFuture<List<Kline>> klines(KlineQuery q) {
    log(
        "klines "
            + q.symbol()
            + " "
            + q.interval().code()
            + " "
            + q.startTime()
            + " "
            + q.endTime());
    List<Kline> out = new java.util.ArrayList<>();
    for (Kline k : klines) {
      if (k.symbol().equals(q.symbol())
          && k.interval() == q.interval()
          && (q.startTime() == null || k.openTime() >= q.startTime())
          && (q.endTime() == null || k.openTime() <= q.endTime())
          && out.size() < q.limit()) {
        out.add(k);
      }
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public synchronized CompletableFuture<String> createListenKey() {
    log("createListenKey");
    String key = listenKeys.poll();
    return key == null
        ? CompletableFuture.failedFuture(new IllegalStateException("no listenKey scripted"))
        : CompletableFuture.completedFuture(key);
  }

  @Override
  public CompletableFuture<Void> keepAliveListenKey() {
    log("keepAliveListenKey");
    return keepAlive.get();
  }

  @Override
  public CompletableFuture<Void> closeListenKey() {
    log("closeListenKey");
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<List<Order>> openOrders() {
    log("openOrders");
    return CompletableFuture.completedFuture(openOrders);
  }

  @Override
  public CompletableFuture<List<Order>> openAlgoOrders() {
    log("openAlgoOrders");
    return CompletableFuture.completedFuture(openAlgoOrders);
  }

  @Override
  public CompletableFuture<List<Order>> algoOrdersSince(String symbol, long startTime) {
    log("algoOrdersSince " + symbol + " " + startTime);
    return CompletableFuture.completedFuture(algoHistory.getOrDefault(symbol, List.of()));
  }

  @Override
  public CompletableFuture<Order> algoOrder(String symbol, String orderId) {
    log("algoOrder " + symbol + " " + orderId);
    Order o = algoOrders.get(orderId);
    return o == null
        ? CompletableFuture.failedFuture(new AssertionError("no algo order " + orderId))
        : CompletableFuture.completedFuture(o);
  }

  @Override
  public CompletableFuture<List<Order>> ordersSince(String symbol, long startTime) {
    log("ordersSince " + symbol + " " + startTime);
    return CompletableFuture.completedFuture(
        new ArrayList<>(orders.getOrDefault(symbol, List.of())));
  }

  @Override
  public CompletableFuture<List<Fill>> userTradesSince(String symbol, long startTime) {
    log("userTradesSince " + symbol + " " + startTime);
    return CompletableFuture.completedFuture(
        new ArrayList<>(fills.getOrDefault(symbol, List.of())));
  }
}
