package dev.tradekit.bybit;

import com.squareup.moshi.Json;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Bybit v5 messages as they travel: WebSocket frames of the public linear and private streams and
 * the REST envelope. Every price, quantity and fee is the venue's decimal string, unchanged. Filled
 * by Moshi; fields Bybit may leave out have defaults.
 */
final class BybitWire {
  private BybitWire() {}

  /** The REST reply envelope without its {@code result}. */
  static final class Envelope {
    int retCode;
    String retMsg = "";
    long time;
  }

  /** Enough of any WebSocket frame to route it: a topic, or an op reply. */
  static final class Head {
    @Nullable String topic;
    @Nullable String op;
    @Nullable String type;
  }

  /** The reply to {@code subscribe}, {@code auth} or {@code ping}. */
  static final class OpReply {
    String op = "";
    boolean success;

    @Json(name = "ret_msg")
    String retMsgSnake = "";

    @Json(name = "conn_id")
    String connIdSnake = "";

    @Json(name = "req_id")
    @Nullable String reqId;

    int retCode;
    String retMsg = "";
    String connId = "";

    /** The message, whichever spelling the stream used. */
    String message() {
      return retMsgSnake.isEmpty() ? retMsg : retMsgSnake;
    }

    /** The connection id, whichever spelling the stream used. */
    String connectionId() {
      return connIdSnake.isEmpty() ? connId : connIdSnake;
    }
  }

  /** The body of an {@code orderbook.{depth}.{symbol}} frame. */
  static final class BookData {
    String s = "";
    List<List<String>> b = List.of();
    List<List<String>> a = List.of();
    long u;
    long seq;
  }

  /** An {@code orderbook.{depth}.{symbol}} frame: {@code type} is snapshot or delta. */
  static final class BookFrame {
    String topic = "";
    String type = "";
    long ts;
    long cts;
    BookData data = new BookData();

    boolean isSnapshot() {
      return "snapshot".equals(type);
    }
  }

  /** One public trade. */
  static final class TradeDto {
    @Json(name = "T")
    long time;

    @Json(name = "s")
    String symbol = "";

    /** The taker's side, Buy or Sell. */
    @Json(name = "S")
    String takerSide = "";

    @Json(name = "v")
    String size = "";

    @Json(name = "p")
    String price = "";

    @Json(name = "i")
    String tradeId = "";

    @Json(name = "BT")
    boolean blockTrade;

    long seq;
  }

  /** A {@code publicTrade.{symbol}} frame. */
  static final class TradeFrame {
    String topic = "";
    long ts;
    List<TradeDto> data = List.of();
  }

  /** The fields of a linear ticker; a delta leaves out what did not change. */
  static final class TickerDto {
    String symbol = "";
    @Nullable String lastPrice;
    @Nullable String markPrice;
    @Nullable String indexPrice;
    @Nullable String prevPrice24h;
    @Nullable String price24hPcnt;
    @Nullable String highPrice24h;
    @Nullable String lowPrice24h;
    @Nullable String volume24h;
    @Nullable String turnover24h;
    @Nullable String openInterest;
    @Nullable String fundingRate;
    @Nullable String nextFundingTime;
    @Nullable String bid1Price;
    @Nullable String bid1Size;
    @Nullable String ask1Price;
    @Nullable String ask1Size;
  }

  /** A {@code tickers.{symbol}} frame: a snapshot, then deltas. */
  static final class TickerFrame {
    String topic = "";
    String type = "";
    long cs;
    long ts;
    TickerDto data = new TickerDto();
  }

  /** One candle of a {@code kline.{interval}.{symbol}} frame. */
  static final class KlineDto {
    long start;
    long end;
    String interval = "";
    String open = "";
    String close = "";
    String high = "";
    String low = "";
    String volume = "";
    String turnover = "";
    boolean confirm;
    long timestamp;
  }

  /** A {@code kline.{interval}.{symbol}} frame. */
  static final class KlineFrame {
    String topic = "";
    long ts;
    List<KlineDto> data = List.of();
  }

  /** An order of the private {@code order} topic or of {@code /v5/order/realtime|history}. */
  static final class OrderDto {
    String category = "";
    String symbol = "";
    String orderId = "";
    String orderLinkId = "";
    String side = "";
    String orderType = "";
    String price = "";
    String qty = "";
    String timeInForce = "";
    String orderStatus = "";
    String cancelType = "";
    String rejectReason = "";
    @Nullable String avgPrice;
    String leavesQty = "";
    String cumExecQty = "";
    String cumExecValue = "";
    String cumExecFee = "";
    int positionIdx;
    boolean reduceOnly;
    boolean closeOnTrigger;
    String triggerPrice = "";
    int triggerDirection;
    String triggerBy = "";
    String stopOrderType = "";
    long createdTime;
    long updatedTime;
  }

  /** A fill of the private {@code execution} topic or of {@code /v5/execution/list}. */
  static final class ExecutionDto {
    String category = "";
    String symbol = "";
    String orderId = "";
    String orderLinkId = "";
    String side = "";
    String orderType = "";
    String orderPrice = "";
    String orderQty = "";
    String leavesQty = "";
    String execId = "";
    String execPrice = "";
    String execQty = "";
    String execFee = "";
    String execType = "";
    String execValue = "";
    String feeRate = "";
    String feeCurrency = "";
    String closedSize = "";
    boolean isMaker;
    long execTime;
    long seq;
  }

  /**
   * A position of the private {@code position} topic ({@code entryPrice}) or of {@code
   * /v5/position/list} ({@code avgPrice}).
   */
  static final class PositionDto {
    String symbol = "";
    int positionIdx;
    int tradeMode;
    String side = "";
    String size = "";
    @Nullable String entryPrice;
    @Nullable String avgPrice;
    String leverage = "";
    String markPrice = "";
    String liqPrice = "";
    String positionValue = "";
    String positionIM = "";
    String positionMM = "";
    String unrealisedPnl = "";
    String cumRealisedPnl = "";
    String positionStatus = "";
    long seq;
    long updatedTime;

    /** The average entry price, whichever field carried it; empty when flat. */
    String averagePrice() {
      String p = entryPrice != null ? entryPrice : avgPrice;
      return p == null ? "" : p;
    }
  }

  /** One coin of a unified wallet. */
  static final class CoinDto {
    String coin = "";
    String equity = "";
    String walletBalance = "";
    String unrealisedPnl = "";
    String totalOrderIM = "";
    String totalPositionIM = "";
    String totalPositionMM = "";
    String locked = "";
  }

  /**
   * A unified wallet of the private {@code wallet} topic or of {@code /v5/account/wallet-balance}.
   */
  static final class WalletDto {
    String accountType = "";
    String totalEquity = "";
    String totalWalletBalance = "";
    String totalMarginBalance = "";
    String totalAvailableBalance = "";
    String totalInitialMargin = "";
    String totalMaintenanceMargin = "";
    List<CoinDto> coin = List.of();
  }

  /** A private {@code order} frame. */
  static final class OrderFrame {
    String id = "";
    String topic = "";
    long creationTime;
    List<OrderDto> data = List.of();
  }

  /** A private {@code execution} frame. */
  static final class ExecutionFrame {
    String id = "";
    String topic = "";
    long creationTime;
    List<ExecutionDto> data = List.of();
  }

  /** A private {@code position} frame. */
  static final class PositionFrame {
    String id = "";
    String topic = "";
    long creationTime;
    List<PositionDto> data = List.of();
  }

  /** A private {@code wallet} frame. */
  static final class WalletFrame {
    String id = "";
    String topic = "";
    long creationTime;
    List<WalletDto> data = List.of();
  }

  /** An instrument of {@code /v5/market/instruments-info}. */
  static final class InstrumentDto {
    String symbol = "";
    String contractType = "";
    String status = "";
    String baseCoin = "";
    String quoteCoin = "";
    String settleCoin = "";
    String priceScale = "";
    LeverageFilter leverageFilter = new LeverageFilter();
    PriceFilter priceFilter = new PriceFilter();
    LotSizeFilter lotSizeFilter = new LotSizeFilter();
  }

  /** Leverage bounds of an instrument. */
  static final class LeverageFilter {
    String minLeverage = "";
    String maxLeverage = "";
    String leverageStep = "";
  }

  /** Price bounds and tick of an instrument. */
  static final class PriceFilter {
    String minPrice = "";
    String maxPrice = "";
    String tickSize = "";
  }

  /** Quantity bounds, step and minimum notional of an instrument. */
  static final class LotSizeFilter {
    String maxOrderQty = "";
    String maxMktOrderQty = "";
    String minOrderQty = "";
    String qtyStep = "";
    String minNotionalValue = "";
  }

  /** A REST reply whose {@code result} is a page: {@code list} and {@code nextPageCursor}. */
  static final class InstrumentsReply {
    InstrumentPage result = new InstrumentPage();
  }

  /** One page of instruments. */
  static final class InstrumentPage {
    List<InstrumentDto> list = List.of();
    @Nullable String nextPageCursor;
  }

  /** The reply of {@code /v5/order/realtime} and {@code /v5/order/history}. */
  static final class OrdersReply {
    OrderPage result = new OrderPage();
  }

  /** One page of orders. */
  static final class OrderPage {
    List<OrderDto> list = List.of();
    @Nullable String nextPageCursor;
  }

  /** The reply of {@code /v5/execution/list}. */
  static final class ExecutionsReply {
    ExecutionPage result = new ExecutionPage();
  }

  /** One page of fills. */
  static final class ExecutionPage {
    List<ExecutionDto> list = List.of();
    @Nullable String nextPageCursor;
  }

  /** The reply of {@code /v5/position/list}. */
  static final class PositionsReply {
    PositionPage result = new PositionPage();
  }

  /** One page of positions. */
  static final class PositionPage {
    List<PositionDto> list = List.of();
    @Nullable String nextPageCursor;
  }

  /** The reply of {@code /v5/account/wallet-balance}. */
  static final class WalletReply {
    WalletPage result = new WalletPage();
  }

  /** The wallets of the account. */
  static final class WalletPage {
    List<WalletDto> list = List.of();
  }

  /** The reply of {@code /v5/market/orderbook}. */
  static final class OrderBookReply {
    RestBook result = new RestBook();
  }

  /** A REST book snapshot; {@code ts} and {@code u} as on the stream. */
  static final class RestBook {
    String s = "";
    List<List<String>> b = List.of();
    List<List<String>> a = List.of();
    long ts;
    long u;
    long seq;
  }

  /** The reply of {@code /v5/market/kline}: string arrays, newest first. */
  static final class KlinesReply {
    KlinePage result = new KlinePage();
  }

  /** The candles of one symbol. */
  static final class KlinePage {
    String symbol = "";
    List<List<String>> list = List.of();
  }

  /** The reply of {@code /v5/market/recent-trade}. */
  static final class RecentTradesReply {
    RecentTradePage result = new RecentTradePage();
  }

  /** Recent public trades. */
  static final class RecentTradePage {
    List<RecentTradeDto> list = List.of();
  }

  /** One recent public trade; {@code side} is the taker's. */
  static final class RecentTradeDto {
    String execId = "";
    String symbol = "";
    String price = "";
    String size = "";
    String side = "";
    long time;
    boolean isBlockTrade;
  }

  /** The reply of {@code /v5/market/tickers}. */
  static final class TickersReply {
    TickerPage result = new TickerPage();
  }

  /** The tickers of one or every linear symbol. */
  static final class TickerPage {
    List<TickerDto> list = List.of();
  }

  /** The reply of {@code /v5/account/transaction-log}. */
  static final class TransactionLogReply {
    TransactionPage result = new TransactionPage();
  }

  /** One page of the unified account's transaction log. */
  static final class TransactionPage {
    List<TransactionDto> list = List.of();
    @Nullable String nextPageCursor;
  }

  /** One entry of the transaction log: a trade, a funding settlement, a transfer ... */
  static final class TransactionDto {
    String id = "";
    String symbol = "";
    String category = "";
    String type = "";
    String currency = "";
    String change = "";
    String cashFlow = "";
    String funding = "";
    String fee = "";
    long transactionTime;
  }
}
