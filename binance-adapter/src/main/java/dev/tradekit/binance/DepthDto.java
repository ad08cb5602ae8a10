package dev.tradekit.binance;

import com.squareup.moshi.Json;
import java.util.List;

/** {@code GET /fapi/v1/depth}: an order-book snapshot. */
final class DepthDto {
  long lastUpdateId;

  @Json(name = "E")
  long eventTime;

  @Json(name = "T")
  long transactionTime;

  List<PriceLevel> bids = List.of();
  List<PriceLevel> asks = List.of();
}
