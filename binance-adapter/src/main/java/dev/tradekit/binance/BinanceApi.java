package dev.tradekit.binance;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Query;
import retrofit2.http.QueryMap;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The Binance USD-M REST endpoints the adapter uses, for Retrofit. Every parameter goes in the
 * query string, also for POST, PUT and DELETE (Binance accepts that), so that a signed request is
 * signed over exactly the string that is sent: {@link AuthInterceptor} appends {@code recvWindow},
 * {@code timestamp} and {@code signature} to the encoded query of a request tagged with a {@link
 * Wire}. Null parameters are left out.
 */
interface BinanceApi {
  @GET("fapi/v1/time")
  Call<ServerTimeDto> time();

  @GET("fapi/v1/exchangeInfo")
  Call<ExchangeInfoDto> exchangeInfo();

  @GET("fapi/v1/depth")
  Call<DepthDto> depth(@Query("symbol") String symbol, @Query("limit") int limit);

  @GET("fapi/v1/ticker/24hr")
  Call<List<Ticker24hDto>> tickers24h();

  @GET("fapi/v1/ticker/24hr")
  Call<Ticker24hDto> ticker24h(@Query("symbol") String symbol);

  @GET("fapi/v1/ticker/bookTicker")
  Call<BookTickerDto> bookTicker(@Query("symbol") String symbol);

  @GET("fapi/v1/premiumIndex")
  Call<MarkPriceDto> markPrice(@Query("symbol") String symbol);

  @GET("fapi/v1/klines")
  Call<List<KlineDto>> klines(
      @Query("symbol") String symbol,
      @Query("interval") String interval,
      @Query("startTime") @Nullable Long startTime,
      @Query("endTime") @Nullable Long endTime,
      @Query("limit") int limit);

  /**
   * {@code POST /fapi/v1/order} with its query already encoded ({@link OrderTemplates}): {@code
   * pathAndQuery} is {@value BinanceRest#NEW_ORDER_PATH} and the query after a {@code ?}.
   */
  @POST
  Call<OrderDto> newOrder(@Url String pathAndQuery, @Tag Wire wire);

  @PUT("fapi/v1/order")
  Call<OrderDto> amendOrder(@QueryMap Map<String, String> params, @Tag Wire wire);

  @DELETE("fapi/v1/order")
  Call<OrderDto> cancelOrder(
      @Query("symbol") String symbol,
      @Query("orderId") @Nullable String orderId,
      @Query("origClientOrderId") @Nullable String origClientOrderId,
      @Tag Wire wire);

  @GET("fapi/v1/order")
  Call<OrderDto> queryOrder(
      @Query("symbol") String symbol,
      @Query("orderId") @Nullable String orderId,
      @Query("origClientOrderId") @Nullable String origClientOrderId,
      @Tag Wire wire);

  @POST("fapi/v1/algoOrder")
  Call<AlgoOrderDto> newAlgoOrder(@QueryMap Map<String, String> params, @Tag Wire wire);

  @DELETE("fapi/v1/algoOrder")
  Call<AlgoOrderDto> cancelAlgoOrder(
      @Query("symbol") String symbol,
      @Query("algoId") @Nullable String algoId,
      @Query("clientAlgoId") @Nullable String clientAlgoId,
      @Tag Wire wire);

  @GET("fapi/v1/algoOrder")
  Call<AlgoOrderDto> queryAlgoOrder(
      @Query("symbol") String symbol,
      @Query("algoId") @Nullable String algoId,
      @Query("clientAlgoId") @Nullable String clientAlgoId,
      @Tag Wire wire);

  @GET("fapi/v1/openAlgoOrders")
  Call<List<AlgoOrderDto>> openAlgoOrders(@Query("symbol") @Nullable String symbol, @Tag Wire wire);

  @GET("fapi/v1/allAlgoOrders")
  Call<List<AlgoOrderDto>> allAlgoOrders(
      @Query("symbol") String symbol,
      @Query("algoId") @Nullable Long fromAlgoId,
      @Query("startTime") @Nullable Long startTime,
      @Query("limit") int limit,
      @Tag Wire wire);

  @POST("fapi/v1/batchOrders")
  Call<List<OrderDto>> newBatchOrders(@Query("batchOrders") String ordersJson, @Tag Wire wire);

  @DELETE("fapi/v1/batchOrders")
  Call<List<OrderDto>> cancelBatchOrders(
      @Query("symbol") String symbol,
      @Query("orderIdList") @Nullable String orderIdsJson,
      @Query("origClientOrderIdList") @Nullable String clientOrderIdsJson,
      @Tag Wire wire);

  @DELETE("fapi/v1/allOpenOrders")
  Call<Void> cancelAllOpenOrders(@Query("symbol") String symbol, @Tag Wire wire);

  @GET("fapi/v1/openOrders")
  Call<List<OrderDto>> openOrders(@Query("symbol") @Nullable String symbol, @Tag Wire wire);

  @GET("fapi/v1/allOrders")
  Call<List<OrderDto>> allOrders(
      @Query("symbol") String symbol,
      @Query("orderId") @Nullable Long fromOrderId,
      @Query("startTime") @Nullable Long startTime,
      @Query("limit") int limit,
      @Tag Wire wire);

  @GET("fapi/v1/userTrades")
  Call<List<UserTradeDto>> userTrades(
      @Query("symbol") String symbol,
      @Query("fromId") @Nullable Long fromId,
      @Query("startTime") @Nullable Long startTime,
      @Query("endTime") @Nullable Long endTime,
      @Query("limit") int limit,
      @Tag Wire wire);

  @GET("fapi/v2/account")
  Call<AccountDto> accountV2(@Tag Wire wire);

  @GET("fapi/v3/account")
  Call<AccountDto> accountV3(@Tag Wire wire);

  @GET("fapi/v2/positionRisk")
  Call<List<PositionRiskDto>> positionRisk(
      @Query("symbol") @Nullable String symbol, @Tag Wire wire);

  @POST("fapi/v1/leverage")
  Call<LeverageDto> leverage(
      @Query("symbol") String symbol, @Query("leverage") int leverage, @Tag Wire wire);

  @GET("fapi/v1/positionSide/dual")
  Call<PositionModeDto> positionMode(@Tag Wire wire);

  @POST("fapi/v1/positionSide/dual")
  Call<Void> setPositionMode(@Query("dualSidePosition") boolean dualSidePosition, @Tag Wire wire);

  @GET("fapi/v1/income")
  Call<List<IncomeDto>> income(
      @Query("symbol") @Nullable String symbol,
      @Query("startTime") long startTime,
      @Query("endTime") long endTime,
      @Query("limit") int limit,
      @Tag Wire wire);

  @POST("fapi/v1/marginType")
  Call<Void> marginType(
      @Query("symbol") String symbol, @Query("marginType") String marginType, @Tag Wire wire);

  @POST("fapi/v1/countdownCancelAll")
  Call<Void> countdownCancelAll(
      @Query("symbol") String symbol, @Query("countdownTime") long countdownMillis, @Tag Wire wire);

  @POST("fapi/v1/listenKey")
  Call<ListenKeyDto> createListenKey(@Tag Wire wire);

  @PUT("fapi/v1/listenKey")
  Call<Void> keepAliveListenKey(@Tag Wire wire);

  @DELETE("fapi/v1/listenKey")
  Call<Void> closeListenKey(@Tag Wire wire);
}
