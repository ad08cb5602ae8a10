package dev.tradekit.binance;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code GET /fapi/v1/exchangeInfo}: symbols with their filters, and the venue's rate limits. */
final class ExchangeInfoDto {
  String timezone = "";
  long serverTime;
  String futuresType = "";
  List<RateLimit> rateLimits = List.of();
  List<Asset> assets = List.of();
  List<Symbol> symbols = List.of();

  /** The symbol named {@code name}, or {@code null}. */
  @Nullable Symbol symbol(String name) {
    for (Symbol s : symbols) {
      if (s.symbol.equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** One entry of {@code rateLimits}, e.g. REQUEST_WEIGHT / MINUTE / 1 / 2400. */
  static final class RateLimit {
    String rateLimitType = "";
    String interval = "";
    int intervalNum;
    int limit;
  }

  /** One margin asset. */
  static final class Asset {
    String asset = "";
    boolean marginAvailable;
    @Nullable String autoAssetExchange;
  }

  /** One contract. {@code pricePrecision} / {@code quantityPrecision} are NOT tick / step sizes. */
  static final class Symbol {
    String symbol = "";
    String pair = "";
    String contractType = "";
    long deliveryDate;
    long onboardDate;
    String status = "";
    @Nullable String maintMarginPercent;
    @Nullable String requiredMarginPercent;
    String baseAsset = "";
    String quoteAsset = "";
    String marginAsset = "";
    int pricePrecision;
    int quantityPrecision;
    int baseAssetPrecision;
    int quotePrecision;
    @Nullable String underlyingType;
    @Nullable String triggerProtect;
    @Nullable String liquidationFee;
    @Nullable String marketTakeBound;
    List<Filter> filters = List.of();
    List<String> orderTypes = List.of();
    List<String> timeInForce = List.of();

    /** The filter of {@code filterType} (e.g. {@code PRICE_FILTER}), or {@code null}. */
    @Nullable Filter filter(String filterType) {
      for (Filter f : filters) {
        if (f.filterType.equals(filterType)) {
          return f;
        }
      }
      return null;
    }
  }

  /**
   * One symbol filter. Which fields are set depends on {@link #filterType}: PRICE_FILTER (minPrice,
   * maxPrice, tickSize), LOT_SIZE and MARKET_LOT_SIZE (minQty, maxQty, stepSize), MIN_NOTIONAL
   * (notional), PERCENT_PRICE (multiplierUp, multiplierDown, multiplierDecimal), MAX_NUM_ORDERS and
   * MAX_NUM_ALGO_ORDERS (limit).
   */
  static final class Filter {
    String filterType = "";
    @Nullable String minPrice;
    @Nullable String maxPrice;
    @Nullable String tickSize;
    @Nullable String minQty;
    @Nullable String maxQty;
    @Nullable String stepSize;
    @Nullable String notional;
    @Nullable String multiplierUp;
    @Nullable String multiplierDown;
    @Nullable String multiplierDecimal;
    @Nullable Integer limit;
  }
}
