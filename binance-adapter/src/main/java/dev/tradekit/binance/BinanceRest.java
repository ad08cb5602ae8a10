package dev.tradekit.binance;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import dev.tradekit.api.model.KlineQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One typed method per Binance USD-M REST call, each with its weight and safety class ({@link
 * CallSpec}), run through {@link RestCaller}. Replies are wire DTOs; the facets map them.
 */
final class BinanceRest {
  /** The path of a single order placement, relative to the base URL. */
  static final String NEW_ORDER_PATH = "fapi/v1/order";

  private final BinanceApi api;
  private final RestCaller caller;
  private final JsonAdapter<List<Map<String, String>>> batchJson;
  private final JsonAdapter<List<Long>> idListJson;
  private final JsonAdapter<List<String>> clientIdListJson;

  BinanceRest(BinanceApi api, RestCaller caller, BinanceJson json) {
    this.api = api;
    this.caller = caller;
    this.batchJson =
        json.moshi()
            .adapter(
                Types.newParameterizedType(
                    List.class, Types.newParameterizedType(Map.class, String.class, String.class)));
    this.idListJson = json.moshi().adapter(Types.newParameterizedType(List.class, Long.class));
    this.clientIdListJson =
        json.moshi().adapter(Types.newParameterizedType(List.class, String.class));
  }

  // ---- public market data

  CompletableFuture<ServerTimeDto> time() {
    return caller.call(CallSpec.publicRead(EndpointWeights.SERVER_TIME, 1), api::time);
  }

  CompletableFuture<ExchangeInfoDto> exchangeInfo() {
    return caller.call(CallSpec.publicRead(EndpointWeights.EXCHANGE_INFO, 1), api::exchangeInfo);
  }

  CompletableFuture<DepthDto> depth(String symbol, int limit) {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.DEPTH, EndpointWeights.depthWeight(limit)),
        () -> api.depth(symbol, limit));
  }

  CompletableFuture<List<Ticker24hDto>> tickers24h() {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.TICKER_24H, EndpointWeights.TICKER_24H.weight(false)),
        api::tickers24h);
  }

  CompletableFuture<Ticker24hDto> ticker24h(String symbol) {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.TICKER_24H, EndpointWeights.TICKER_24H.weight(true)),
        () -> api.ticker24h(symbol));
  }

  CompletableFuture<BookTickerDto> bookTicker(String symbol) {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.BOOK_TICKER, EndpointWeights.BOOK_TICKER.weight(true)),
        () -> api.bookTicker(symbol));
  }

  CompletableFuture<MarkPriceDto> markPrice(String symbol) {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.MARK_PRICE, EndpointWeights.MARK_PRICE.weight(true)),
        () -> api.markPrice(symbol));
  }

  CompletableFuture<List<KlineDto>> klines(KlineQuery q) {
    return caller.call(
        CallSpec.publicRead(EndpointWeights.KLINES, EndpointWeights.klinesWeight(q.limit())),
        () -> api.klines(q.symbol(), q.interval().code(), q.startTime(), q.endTime(), q.limit()));
  }

  // ---- orders

  /**
   * Places one order given as its encoded query ({@link OrderTemplates#newOrder}); with a {@code
   * deadline} (local epoch ms) the venue must receive it by then ({@link
   * RestCaller#authenticated(CallSpec, Long, java.util.function.Function)}).
   */
  CompletableFuture<OrderDto> newOrder(
      String encodedQuery, String clientOrderId, @Nullable Long deadline) {
    String pathAndQuery = NEW_ORDER_PATH + "?" + encodedQuery;
    return caller.authenticated(
        CallSpec.placement(EndpointWeights.NEW_ORDER, 0, 1, clientOrderId),
        deadline,
        w -> api.newOrder(pathAndQuery, w));
  }

  CompletableFuture<OrderDto> amendOrder(Map<String, String> params) {
    return caller.authenticated(
        CallSpec.placement(EndpointWeights.AMEND_ORDER, 0, 1, params.get("origClientOrderId")),
        w -> api.amendOrder(params, w));
  }

  /** A conditional order through the Algo Order API ({@link AlgoOrders#params}). */
  CompletableFuture<AlgoOrderDto> newAlgoOrder(Map<String, String> params, String clientAlgoId) {
    return caller.authenticated(
        CallSpec.placement(EndpointWeights.NEW_ALGO_ORDER, 0, 1, clientAlgoId),
        w -> api.newAlgoOrder(params, w));
  }

  CompletableFuture<AlgoOrderDto> cancelAlgoOrder(
      String symbol, @Nullable String algoId, @Nullable String clientAlgoId) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.CANCEL_ALGO_ORDER, 1, true),
        w -> api.cancelAlgoOrder(symbol, algoId, clientAlgoId, w));
  }

  CompletableFuture<AlgoOrderDto> queryAlgoOrder(
      String symbol, @Nullable String algoId, @Nullable String clientAlgoId) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.QUERY_ALGO_ORDER, 1),
        w -> api.queryAlgoOrder(symbol, algoId, clientAlgoId, w));
  }

  CompletableFuture<List<AlgoOrderDto>> openAlgoOrders(@Nullable String symbol) {
    return caller.authenticated(
        CallSpec.signedRead(
            EndpointWeights.OPEN_ALGO_ORDERS,
            EndpointWeights.OPEN_ALGO_ORDERS.weight(symbol != null)),
        w -> api.openAlgoOrders(symbol, w));
  }

  /** Algo orders of a symbol, finished ones too: from an algo id, else created since a time. */
  CompletableFuture<List<AlgoOrderDto>> allAlgoOrders(
      String symbol, @Nullable Long fromAlgoId, @Nullable Long startTime, int limit) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.ALL_ALGO_ORDERS, 5),
        w -> api.allAlgoOrders(symbol, fromAlgoId, startTime, limit, w));
  }

  /** Up to 5 orders (each a {@link OrderParams#newOrder} map) in one call. */
  CompletableFuture<List<OrderDto>> newBatchOrders(List<Map<String, String>> orders) {
    String body = batchJson.toJson(orders);
    return caller.authenticated(
        CallSpec.placement(
            EndpointWeights.NEW_BATCH_ORDERS,
            EndpointWeights.NEW_BATCH_ORDERS.weight(true),
            orders.size(),
            null),
        w -> api.newBatchOrders(body, w));
  }

  CompletableFuture<OrderDto> cancelOrder(
      String symbol, @Nullable String orderId, @Nullable String clientOrderId) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.CANCEL_ORDER, 1, true),
        w -> api.cancelOrder(symbol, orderId, clientOrderId, w));
  }

  /** Up to 10 orders of one symbol, all by venue id or all by client id. */
  CompletableFuture<List<OrderDto>> cancelBatchOrders(
      String symbol, @Nullable List<Long> orderIds, @Nullable List<String> clientOrderIds) {
    String ids = orderIds == null ? null : idListJson.toJson(orderIds);
    String cids = clientOrderIds == null ? null : clientIdListJson.toJson(clientOrderIds);
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.CANCEL_BATCH_ORDERS, 1, true),
        w -> api.cancelBatchOrders(symbol, ids, cids, w));
  }

  CompletableFuture<Void> cancelAllOpenOrders(String symbol) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.CANCEL_ALL_OPEN_ORDERS, 1, true),
        w -> api.cancelAllOpenOrders(symbol, w));
  }

  CompletableFuture<OrderDto> queryOrder(
      String symbol, @Nullable String orderId, @Nullable String clientOrderId) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.QUERY_ORDER, 1),
        w -> api.queryOrder(symbol, orderId, clientOrderId, w));
  }

  CompletableFuture<List<OrderDto>> openOrders(@Nullable String symbol) {
    return caller.authenticated(
        CallSpec.signedRead(
            EndpointWeights.OPEN_ORDERS, EndpointWeights.OPEN_ORDERS.weight(symbol != null)),
        w -> api.openOrders(symbol, w));
  }

  CompletableFuture<List<OrderDto>> allOrders(
      String symbol, @Nullable Long fromOrderId, @Nullable Long startTime, int limit) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.ALL_ORDERS, 5),
        w -> api.allOrders(symbol, fromOrderId, startTime, limit, w));
  }

  CompletableFuture<List<UserTradeDto>> userTrades(
      String symbol,
      @Nullable Long fromId,
      @Nullable Long startTime,
      @Nullable Long endTime,
      int limit) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.USER_TRADES, 5),
        w -> api.userTrades(symbol, fromId, startTime, endTime, limit, w));
  }

  // ---- account and settings

  CompletableFuture<AccountDto> accountV2() {
    return caller.authenticated(CallSpec.signedRead(EndpointWeights.ACCOUNT_V2, 5), api::accountV2);
  }

  CompletableFuture<AccountDto> accountV3() {
    return caller.authenticated(CallSpec.signedRead(EndpointWeights.ACCOUNT_V3, 5), api::accountV3);
  }

  CompletableFuture<List<PositionRiskDto>> positionRisk(@Nullable String symbol) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.POSITION_RISK_V2, 5), w -> api.positionRisk(symbol, w));
  }

  CompletableFuture<LeverageDto> leverage(String symbol, int leverage) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.LEVERAGE, 1, false),
        w -> api.leverage(symbol, leverage, w));
  }

  CompletableFuture<Void> marginType(String symbol, String marginType) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.MARGIN_TYPE, 1, false),
        w -> api.marginType(symbol, marginType, w));
  }

  CompletableFuture<PositionModeDto> positionMode() {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.POSITION_MODE, 30), api::positionMode);
  }

  CompletableFuture<Void> setPositionMode(boolean hedge) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.SET_POSITION_MODE, 1, false),
        w -> api.setPositionMode(hedge, w));
  }

  CompletableFuture<List<IncomeDto>> income(
      @Nullable String symbol, long startTime, long endTime, int limit) {
    return caller.authenticated(
        CallSpec.signedRead(EndpointWeights.INCOME, 30),
        w -> api.income(symbol, startTime, endTime, limit, w));
  }

  CompletableFuture<Void> countdownCancelAll(String symbol, long countdownMillis) {
    return caller.authenticated(
        CallSpec.signedWrite(EndpointWeights.COUNTDOWN_CANCEL_ALL, 10, false),
        w -> api.countdownCancelAll(symbol, countdownMillis, w));
  }

  // ---- user data stream

  CompletableFuture<ListenKeyDto> createListenKey() {
    return caller.authenticated(
        CallSpec.apiKey(EndpointWeights.LISTEN_KEY_CREATE, true), api::createListenKey);
  }

  CompletableFuture<Void> keepAliveListenKey() {
    return caller.authenticated(
        CallSpec.apiKey(EndpointWeights.LISTEN_KEY_KEEPALIVE, true), api::keepAliveListenKey);
  }

  CompletableFuture<Void> closeListenKey() {
    return caller.authenticated(
        CallSpec.apiKey(EndpointWeights.LISTEN_KEY_CLOSE, true), api::closeListenKey);
  }
}
