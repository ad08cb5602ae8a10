package dev.tradekit.binance;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The IP weight and order count of each Binance USD-M REST call (from the venue's documentation;
 * see {@code reference/binance-usdm.md}). Weights that depend on whether a symbol is given have two
 * values; the depth weight depends on {@code limit} ({@link #depthWeight(int)}).
 */
enum EndpointWeights {
  SERVER_TIME("GET", "/fapi/v1/time", 1, 1, 0),
  EXCHANGE_INFO("GET", "/fapi/v1/exchangeInfo", 1, 1, 0),
  DEPTH("GET", "/fapi/v1/depth", 10, 10, 0),
  TICKER_24H("GET", "/fapi/v1/ticker/24hr", 1, 40, 0),
  BOOK_TICKER("GET", "/fapi/v1/ticker/bookTicker", 2, 5, 0),
  USER_TRADES("GET", "/fapi/v1/userTrades", 5, 5, 0),
  ACCOUNT_V2("GET", "/fapi/v2/account", 5, 5, 0),
  ACCOUNT_V3("GET", "/fapi/v3/account", 5, 5, 0),
  POSITION_RISK_V2("GET", "/fapi/v2/positionRisk", 5, 5, 0),
  POSITION_RISK_V3("GET", "/fapi/v3/positionRisk", 5, 5, 0),
  OPEN_ORDERS("GET", "/fapi/v1/openOrders", 1, 40, 0),
  QUERY_ORDER("GET", "/fapi/v1/order", 1, 1, 0),
  NEW_ORDER("POST", "/fapi/v1/order", 0, 0, 1),
  NEW_ALGO_ORDER("POST", "/fapi/v1/algoOrder", 0, 0, 1),
  CANCEL_ALGO_ORDER("DELETE", "/fapi/v1/algoOrder", 1, 1, 0),
  QUERY_ALGO_ORDER("GET", "/fapi/v1/algoOrder", 1, 1, 0),
  OPEN_ALGO_ORDERS("GET", "/fapi/v1/openAlgoOrders", 1, 40, 0),
  ALL_ALGO_ORDERS("GET", "/fapi/v1/allAlgoOrders", 5, 5, 0),
  AMEND_ORDER("PUT", "/fapi/v1/order", 0, 0, 1),
  NEW_BATCH_ORDERS("POST", "/fapi/v1/batchOrders", 5, 5, 5),
  CANCEL_ORDER("DELETE", "/fapi/v1/order", 1, 1, 0),
  CANCEL_BATCH_ORDERS("DELETE", "/fapi/v1/batchOrders", 1, 1, 0),
  CANCEL_ALL_OPEN_ORDERS("DELETE", "/fapi/v1/allOpenOrders", 1, 1, 0),
  COUNTDOWN_CANCEL_ALL("POST", "/fapi/v1/countdownCancelAll", 10, 10, 0),
  LEVERAGE("POST", "/fapi/v1/leverage", 1, 1, 0),
  MARGIN_TYPE("POST", "/fapi/v1/marginType", 1, 1, 0),
  INCOME("GET", "/fapi/v1/income", 30, 30, 0),
  LISTEN_KEY_CREATE("POST", "/fapi/v1/listenKey", 1, 1, 0),
  LISTEN_KEY_KEEPALIVE("PUT", "/fapi/v1/listenKey", 1, 1, 0),
  LISTEN_KEY_CLOSE("DELETE", "/fapi/v1/listenKey", 1, 1, 0),
  ORDER_RATE_LIMIT("GET", "/fapi/v1/rateLimit/order", 1, 1, 0),
  ALL_ORDERS("GET", "/fapi/v1/allOrders", 5, 5, 0),
  KLINES("GET", "/fapi/v1/klines", 5, 5, 0),
  MARK_PRICE("GET", "/fapi/v1/premiumIndex", 1, 10, 0),
  POSITION_MODE("GET", "/fapi/v1/positionSide/dual", 30, 30, 0),
  SET_POSITION_MODE("POST", "/fapi/v1/positionSide/dual", 1, 1, 0);

  private final String method;
  private final String path;
  private final int weightWithSymbol;
  private final int weightWithoutSymbol;
  private final int orderCount;

  EndpointWeights(
      String method, String path, int weightWithSymbol, int weightWithoutSymbol, int orderCount) {
    this.method = method;
    this.path = path;
    this.weightWithSymbol = weightWithSymbol;
    this.weightWithoutSymbol = weightWithoutSymbol;
    this.orderCount = orderCount;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  /** The IP weight when the request names one symbol ({@code withSymbol}) or none. */
  int weight(boolean withSymbol) {
    return withSymbol ? weightWithSymbol : weightWithoutSymbol;
  }

  /** How many orders the call counts against the ORDERS limits. */
  int orderCount() {
    return orderCount;
  }

  /**
   * The weight of {@code GET /fapi/v1/depth} for {@code limit}: up to 50 → 2, up to 100 → 5, up to
   * 500 → 10, up to 1000 → 20 (Binance accepts 5, 10, 20, 50, 100, 500, 1000).
   *
   * @throws IllegalArgumentException when {@code limit} is not in 1..1000
   */
  static int depthWeight(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException(
          "depth limit must be in 1..1000 (5, 10, 20, 50, 100, 500 or 1000), was " + limit);
    }
    if (limit <= 50) {
      return 2;
    }
    if (limit <= 100) {
      return 5;
    }
    return limit <= 500 ? 10 : 20;
  }

  /**
   * The weight of {@code GET /fapi/v1/klines} for {@code limit}: below 100 → 1, below 500 → 2, up
   * to 1000 → 5, above → 10 (limit 1..1500).
   *
   * @throws IllegalArgumentException when {@code limit} is not in 1..1500
   */
  static int klinesWeight(int limit) {
    if (limit < 1 || limit > 1500) {
      throw new IllegalArgumentException("klines limit must be in 1..1500, was " + limit);
    }
    if (limit < 100) {
      return 1;
    }
    if (limit < 500) {
      return 2;
    }
    return limit <= 1000 ? 5 : 10;
  }

  /** The row for {@code method} and {@code path}, or {@code null} when the call is not listed. */
  static @Nullable EndpointWeights find(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    for (EndpointWeights e : values()) {
      if (e.method.equals(m) && e.path.equals(path)) {
        return e;
      }
    }
    return null;
  }
}
