package dev.tradekit.binance;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The REST calls the WebSocket side needs: book snapshots, the listenKey lifecycle and gap
 * recovery.
 */
interface StreamRestCalls {
  CompletableFuture<OrderBookSnapshot> depth(String symbol, int limit);

  /** Candles of GET /fapi/v1/klines (to fill a gap in a kline stream). */
  CompletableFuture<List<Kline>> klines(KlineQuery query);

  CompletableFuture<String> createListenKey();

  CompletableFuture<Void> keepAliveListenKey();

  CompletableFuture<Void> closeListenKey();

  CompletableFuture<List<Order>> openOrders();

  /** The open conditional (algo) orders of every symbol: GET /fapi/v1/openAlgoOrders. */
  CompletableFuture<List<Order>> openAlgoOrders();

  /**
   * One algo order, open or finished, by its order id ({@code algo-<algoId>}): GET
   * /fapi/v1/algoOrder.
   */
  CompletableFuture<Order> algoOrder(String symbol, String orderId);

  /**
   * Algo (conditional) orders of a symbol created since a time, finished ones too (for gap
   * recovery: those placed and finished while the stream was down): GET /fapi/v1/allAlgoOrders with
   * startTime.
   */
  CompletableFuture<List<Order>> algoOrdersSince(String symbol, long startTime);

  /**
   * Orders of a symbol updated since a time (for gap recovery): GET /fapi/v1/allOrders with
   * startTime.
   */
  CompletableFuture<List<Order>> ordersSince(String symbol, long startTime);

  /** Fills of a symbol since a time, paged until complete. */
  CompletableFuture<List<Fill>> userTradesSince(String symbol, long startTime);
}
