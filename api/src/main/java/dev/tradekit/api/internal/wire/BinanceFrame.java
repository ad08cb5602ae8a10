package dev.tradekit.api.internal.wire;

import dev.tradekit.api.model.Side;
import java.util.Arrays;

/**
 * One Binance USD-M market message as {@link BinanceFrameParser} decoded it, reused from message to
 * message: the kind, the symbol, ids and times, and the kind's values as primitives (prices in
 * ticks of the symbol's scale, quantities as doubles). Scalar prices and quantities also keep their
 * text range in the frame ({@link #start} / {@link #end}) for callers that need exact decimals.
 *
 * <pre>{@code
 * BinanceFrame f = new BinanceFrame();
 * if (parser.parse(text, 0, -1, f) && f.kind() == BinanceFrame.Kind.DEPTH_UPDATE) {
 *   for (int i = 0; i < f.levelCount(Side.BUY); i++) { ... f.levelTicks(Side.BUY, i) ... }
 * }
 * }</pre>
 */
public final class BinanceFrame {
  /** The message kinds the parser reads. */
  public enum Kind {
    /** {@code depthUpdate}: a diff with {@code U}, {@code u}, {@code pu} and levels. */
    DEPTH_UPDATE,
    /** A REST {@code /fapi/v1/depth} reply: {@code lastUpdateId} and levels. */
    DEPTH_SNAPSHOT,
    /** {@code bookTicker}: best bid and ask with update id {@code u}. */
    BOOK_TICKER,
    /** {@code trade}: one trade. */
    TRADE,
    /** {@code aggTrade}: the trades of one taker order at one price. */
    AGG_TRADE,
    /** {@code kline}: the candle being built. */
    KLINE
  }

  /** Text field: the bid price of a book ticker. */
  public static final int BID_PRICE = 0;

  /** Text field: the bid quantity of a book ticker. */
  public static final int BID_QTY = 1;

  /** Text field: the ask price of a book ticker. */
  public static final int ASK_PRICE = 2;

  /** Text field: the ask quantity of a book ticker. */
  public static final int ASK_QTY = 3;

  /** Text field: the price of a trade. */
  public static final int PRICE = 4;

  /** Text field: the quantity of a trade. */
  public static final int QTY = 5;

  /** Marks a time the message did not carry. */
  public static final long ABSENT = Long.MIN_VALUE;

  Kind kind = Kind.DEPTH_UPDATE;
  int symbolIndex = -1;
  int symbolStart;
  int symbolEnd;
  long eventTime = ABSENT;
  long transactionTime = ABSENT;
  long firstUpdateId;
  long lastUpdateId;
  long previousUpdateId;
  long bidTicks;
  double bidQty;
  long askTicks;
  double askQty;
  long tradeId;
  long priceTicks;
  double qty;
  boolean buyerIsMaker;
  boolean marketExecution = true;
  long open;
  long high;
  long low;
  long close;
  double volume;
  double quoteVolume;
  long openTime;
  long closeTime;
  boolean closed;
  final int[] starts = new int[6];
  final int[] ends = new int[6];
  private long[] bidLevelTicks = new long[64];
  private double[] bidLevelQty = new double[64];
  private long[] askLevelTicks = new long[64];
  private double[] askLevelQty = new double[64];
  private int bidLevels;
  private int askLevels;

  /** Clears everything for a message of {@code kind}. */
  void reset(Kind k) {
    kind = k;
    symbolIndex = -1;
    symbolStart = 0;
    symbolEnd = 0;
    eventTime = ABSENT;
    transactionTime = ABSENT;
    firstUpdateId = 0;
    lastUpdateId = 0;
    previousUpdateId = 0;
    bidTicks = 0;
    bidQty = 0;
    askTicks = 0;
    askQty = 0;
    tradeId = 0;
    priceTicks = 0;
    qty = 0;
    buyerIsMaker = false;
    marketExecution = true;
    closed = false;
    Arrays.fill(starts, 0);
    Arrays.fill(ends, 0);
    bidLevels = 0;
    askLevels = 0;
  }

  void addLevel(Side side, long ticks, double quantity) {
    if (side == Side.BUY) {
      if (bidLevels == bidLevelTicks.length) {
        bidLevelTicks = Arrays.copyOf(bidLevelTicks, bidLevels * 2);
        bidLevelQty = Arrays.copyOf(bidLevelQty, bidLevels * 2);
      }
      bidLevelTicks[bidLevels] = ticks;
      bidLevelQty[bidLevels++] = quantity;
    } else {
      if (askLevels == askLevelTicks.length) {
        askLevelTicks = Arrays.copyOf(askLevelTicks, askLevels * 2);
        askLevelQty = Arrays.copyOf(askLevelQty, askLevels * 2);
      }
      askLevelTicks[askLevels] = ticks;
      askLevelQty[askLevels++] = quantity;
    }
  }

  /** The kind of the message. */
  public Kind kind() {
    return kind;
  }

  /** The symbol's index in the parser's {@link BinanceFrameParser.Symbols}. */
  public int symbolIndex() {
    return symbolIndex;
  }

  /** Start of the symbol's text ({@code s}) in the frame; equal to {@link #symbolEnd} if none. */
  public int symbolStart() {
    return symbolStart;
  }

  /** End of the symbol's text in the frame. */
  public int symbolEnd() {
    return symbolEnd;
  }

  /** {@code E}, or {@link #ABSENT}. */
  public long eventTime() {
    return eventTime;
  }

  /** {@code T}, or {@link #ABSENT}. */
  public long transactionTime() {
    return transactionTime;
  }

  /** {@code U} of a depth update. */
  public long firstUpdateId() {
    return firstUpdateId;
  }

  /** {@code u} of a depth update or book ticker, {@code lastUpdateId} of a snapshot. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** {@code pu} of a depth update. */
  public long previousUpdateId() {
    return previousUpdateId;
  }

  /** Book ticker bid in ticks (0 when the parser had no scale). */
  public long bidTicks() {
    return bidTicks;
  }

  /** Book ticker bid quantity. */
  public double bidQty() {
    return bidQty;
  }

  /** Book ticker ask in ticks (0 when the parser had no scale). */
  public long askTicks() {
    return askTicks;
  }

  /** Book ticker ask quantity. */
  public double askQty() {
    return askQty;
  }

  /** Trade id ({@code t}), or the aggregate trade id ({@code a}). */
  public long tradeId() {
    return tradeId;
  }

  /** Trade price in ticks (0 when the parser had no scale). */
  public long priceTicks() {
    return priceTicks;
  }

  /** Trade quantity. */
  public double qty() {
    return qty;
  }

  /** {@code m}: the buyer was the maker (the taker sold). */
  public boolean buyerIsMaker() {
    return buyerIsMaker;
  }

  /** False for a trade whose {@code X} is not {@code MARKET} (insurance fund, ADL). */
  public boolean marketExecution() {
    return marketExecution;
  }

  /** Kline open in ticks. */
  public long open() {
    return open;
  }

  /** Kline high in ticks. */
  public long high() {
    return high;
  }

  /** Kline low in ticks. */
  public long low() {
    return low;
  }

  /** Kline close in ticks. */
  public long close() {
    return close;
  }

  /** Kline base volume. */
  public double volume() {
    return volume;
  }

  /** Kline quote volume. */
  public double quoteVolume() {
    return quoteVolume;
  }

  /** Kline open time. */
  public long openTime() {
    return openTime;
  }

  /** Kline close time. */
  public long closeTime() {
    return closeTime;
  }

  /** Kline {@code x}: the candle closed. */
  public boolean closed() {
    return closed;
  }

  /** Start in the frame of the text of {@code field} ({@link #BID_PRICE} … {@link #QTY}). */
  public int start(int field) {
    return starts[field];
  }

  /** End in the frame of the text of {@code field}. */
  public int end(int field) {
    return ends[field];
  }

  /** Levels of {@code side} in a depth update or snapshot. */
  public int levelCount(Side side) {
    return side == Side.BUY ? bidLevels : askLevels;
  }

  /** Price in ticks of level {@code i} of {@code side}. */
  public long levelTicks(Side side, int i) {
    return side == Side.BUY ? bidLevelTicks[i] : askLevelTicks[i];
  }

  /** Quantity of level {@code i} of {@code side} (0 removes the level). */
  public double levelQty(Side side, int i) {
    return side == Side.BUY ? bidLevelQty[i] : askLevelQty[i];
  }
}
