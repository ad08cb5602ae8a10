package dev.tradekit.binance;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * A market-stream event ({@code data} of a combined-stream frame), chosen by its {@code e} field.
 * Prices and quantities stay strings; ids and times are longs (accepted as numbers or strings).
 */
abstract class MarketEventDto {
  @Json(name = "e")
  String eventType = "";

  @Json(name = "E")
  long eventTime;

  @Json(name = "s")
  String symbol = "";

  /**
   * {@code depthUpdate}: a diff of the book; {@code pu} must equal the previous event's {@code u}.
   */
  static final class DepthUpdate extends MarketEventDto {
    @Json(name = "T")
    long transactionTime;

    @Json(name = "U")
    long firstUpdateId;

    @Json(name = "u")
    long finalUpdateId;

    @Json(name = "pu")
    long previousFinalUpdateId;

    @Json(name = "b")
    List<PriceLevel> bids = List.of();

    @Json(name = "a")
    List<PriceLevel> asks = List.of();
  }

  /** {@code bookTicker}: best bid and ask with the book update id {@code u}. */
  static final class BookTicker extends MarketEventDto {
    @Json(name = "u")
    long updateId;

    @Json(name = "b")
    String bidPrice = "";

    @Json(name = "B")
    String bidQty = "";

    @Json(name = "a")
    String askPrice = "";

    @Json(name = "A")
    String askQty = "";

    @Json(name = "T")
    long transactionTime;
  }

  /** {@code aggTrade}: trades of one taker order at one price. */
  static final class AggTrade extends MarketEventDto {
    @Json(name = "a")
    long aggTradeId;

    @Json(name = "p")
    String price = "";

    @Json(name = "q")
    String qty = "";

    @Json(name = "f")
    long firstTradeId;

    @Json(name = "l")
    long lastTradeId;

    @Json(name = "T")
    long tradeTime;

    @Json(name = "m")
    boolean buyerIsMaker;
  }

  /** {@code trade}: one trade. */
  static final class Trade extends MarketEventDto {
    @Json(name = "T")
    long tradeTime;

    @Json(name = "t")
    long tradeId;

    @Json(name = "p")
    String price = "";

    @Json(name = "q")
    String qty = "";

    @Json(name = "X")
    String executionType = "";

    @Json(name = "m")
    boolean buyerIsMaker;
  }

  /** {@code markPriceUpdate}: mark and index price, funding rate and next funding time. */
  static final class MarkPrice extends MarketEventDto {
    @Json(name = "p")
    String markPrice = "";

    @Json(name = "i")
    String indexPrice = "";

    @Json(name = "P")
    String estimatedSettlePrice = "";

    @Json(name = "r")
    String fundingRate = "";

    @Json(name = "T")
    long nextFundingTime;
  }

  /** {@code kline}: the candle being built ({@code k.x} true when it closed). */
  static final class Kline extends MarketEventDto {
    @Json(name = "k")
    Bar bar = new Bar();
  }

  /** The {@code k} object of a kline event. */
  static final class Bar {
    @Json(name = "t")
    long openTime;

    @Json(name = "T")
    long closeTime;

    @Json(name = "i")
    String interval = "";

    @Json(name = "o")
    String open = "";

    @Json(name = "h")
    String high = "";

    @Json(name = "l")
    String low = "";

    @Json(name = "c")
    String close = "";

    @Json(name = "v")
    String volume = "";

    @Json(name = "q")
    String quoteVolume = "";

    @Json(name = "n")
    long trades;

    @Json(name = "V")
    String takerBuyBaseVolume = "0";

    @Json(name = "x")
    boolean closed;
  }

  /** An event type this adapter does not read; only the common fields are set. */
  static final class Unknown extends MarketEventDto {}
}
