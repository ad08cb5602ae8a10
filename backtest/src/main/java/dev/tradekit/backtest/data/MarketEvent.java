package dev.tradekit.backtest.data;

import dev.tradekit.api.model.Side;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mutable, reusable market-data event that a {@link MarketDataSource} fills in place.
 *
 * <p>One instance is reused for a whole stream, so nothing is allocated per event in steady state.
 * The contents are valid until the next {@link MarketDataSource#next(MarketEvent)} call on the same
 * instance; use {@link #copyOf()} to keep one. Prices are {@code long} ticks of the symbol's tick
 * size, quantities are {@code double}s. Only the fields of the event's {@link #type()} are
 * meaningful; the others keep whatever an earlier event left there.
 *
 * <pre>{@code
 * MarketEvent e = new MarketEvent();
 * while (source.next(e)) {
 *   if (e.type() == MarketEvent.Type.TRADE) {
 *     volume += e.tradeQuantity();
 *   }
 * }
 * }</pre>
 */
public final class MarketEvent {

  /** What an event describes. */
  public enum Type {
    /** A full book: {@link #lastUpdateId()} and all levels of both sides. */
    DEPTH_SNAPSHOT,
    /**
     * A diff of absolute level quantities (0 removes) with update ids {@code U}, {@code u}, {@code
     * pu}.
     */
    DEPTH_UPDATE,
    /** Best bid and ask with the book update id {@code u}. */
    BOOK_TICKER,
    /** One trade (or aggregated trade). */
    TRADE,
    /** One candlestick. */
    BAR
  }

  private static final int INITIAL_LEVELS = 16;

  private Type type = Type.TRADE;
  private String symbol = "";
  private long eventTime;
  private long transactionTime;
  private long receiveTimeNanos;
  private long firstUpdateId;
  private long lastUpdateId;
  private long prevUpdateId;

  private long[] bidTicks = new long[INITIAL_LEVELS];
  private double[] bidQty = new double[INITIAL_LEVELS];
  private int bidCount;
  private long[] askTicks = new long[INITIAL_LEVELS];
  private double[] askQty = new double[INITIAL_LEVELS];
  private int askCount;

  private long bestBidTicks;
  private double bestBidQuantity;
  private long bestAskTicks;
  private double bestAskQuantity;

  private long tradeId;
  private long tradePriceTicks;
  private double tradeQuantity;
  private boolean buyerMaker;

  private long openTicks;
  private long highTicks;
  private long lowTicks;
  private long closeTicks;
  private double volume;
  private double quoteVolume;
  private long openTime;
  private long closeTime;
  private boolean barClosed;

  /** Creates an empty event; a source fills it. */
  public MarketEvent() {}

  /**
   * Starts a new event: sets the common fields and clears the levels and update ids.
   *
   * @param type what the event describes
   * @param symbol the venue symbol, e.g. {@code BTCUSDT}
   * @param eventTime venue time in epoch milliseconds
   * @param receiveTimeNanos local receive time in epoch nanoseconds
   * @return this event
   */
  public MarketEvent reset(Type type, String symbol, long eventTime, long receiveTimeNanos) {
    this.type = Objects.requireNonNull(type, "type");
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.eventTime = eventTime;
    this.transactionTime = eventTime;
    this.receiveTimeNanos = receiveTimeNanos;
    this.firstUpdateId = 0;
    this.lastUpdateId = 0;
    this.prevUpdateId = 0;
    this.bidCount = 0;
    this.askCount = 0;
    return this;
  }

  /**
   * Sets the venue's transaction time ({@code T}, epoch ms); {@link #reset} sets it to the event
   * time.
   */
  public MarketEvent transactionTime(long transactionTimeMillis) {
    this.transactionTime = transactionTimeMillis;
    return this;
  }

  /** Sets the venue symbol. */
  public MarketEvent symbol(String venueSymbol) {
    this.symbol = Objects.requireNonNull(venueSymbol, "symbol");
    return this;
  }

  /** Sets the local receive time in epoch nanoseconds. */
  public MarketEvent receiveTimeNanos(long nanos) {
    this.receiveTimeNanos = nanos;
    return this;
  }

  /** Sets the event time in epoch milliseconds. */
  public MarketEvent eventTime(long eventTimeMillis) {
    this.eventTime = eventTimeMillis;
    return this;
  }

  /** Sets the book update ids: {@code U}, {@code u} and {@code pu} (0 where a stream has none). */
  public MarketEvent updateIds(long first, long last, long prev) {
    this.firstUpdateId = first;
    this.lastUpdateId = last;
    this.prevUpdateId = prev;
    return this;
  }

  /** Appends a level to one side of a snapshot or diff (quantity 0 means "remove" in a diff). */
  public MarketEvent addLevel(Side side, long priceTicks, double quantity) {
    if (side == Side.BUY) {
      if (bidCount == bidTicks.length) {
        bidTicks = Arrays.copyOf(bidTicks, bidCount * 2);
        bidQty = Arrays.copyOf(bidQty, bidCount * 2);
      }
      bidTicks[bidCount] = priceTicks;
      bidQty[bidCount++] = quantity;
    } else {
      if (askCount == askTicks.length) {
        askTicks = Arrays.copyOf(askTicks, askCount * 2);
        askQty = Arrays.copyOf(askQty, askCount * 2);
      }
      askTicks[askCount] = priceTicks;
      askQty[askCount++] = quantity;
    }
    return this;
  }

  /** Sets the best bid and ask of a {@link Type#BOOK_TICKER}. */
  public MarketEvent bookTicker(
      long bidTicks, double bidQuantity, long askTicks, double askQuantity) {
    this.bestBidTicks = bidTicks;
    this.bestBidQuantity = bidQuantity;
    this.bestAskTicks = askTicks;
    this.bestAskQuantity = askQuantity;
    return this;
  }

  /** Sets the fields of a {@link Type#TRADE}. */
  public MarketEvent trade(long id, long priceTicks, double quantity, boolean isBuyerMaker) {
    this.tradeId = id;
    this.tradePriceTicks = priceTicks;
    this.tradeQuantity = quantity;
    this.buyerMaker = isBuyerMaker;
    return this;
  }

  /** Sets the fields of a {@link Type#BAR}. */
  public MarketEvent bar(
      long open,
      long high,
      long low,
      long close,
      double baseVolume,
      double quoteVol,
      long openTimeMillis,
      long closeTimeMillis,
      boolean closed) {
    this.openTicks = open;
    this.highTicks = high;
    this.lowTicks = low;
    this.closeTicks = close;
    this.volume = baseVolume;
    this.quoteVolume = quoteVol;
    this.openTime = openTimeMillis;
    this.closeTime = closeTimeMillis;
    this.barClosed = closed;
    return this;
  }

  /** Copies every field of {@code other} into this event, reusing this event's arrays. */
  public MarketEvent copyFrom(MarketEvent other) {
    copyBarFrom(other); // type, symbol, times, the bar
    updateIds(other.firstUpdateId, other.lastUpdateId, other.prevUpdateId);
    copyLevelsFrom(other);
    bookTicker(
        other.bestBidTicks, other.bestBidQuantity, other.bestAskTicks, other.bestAskQuantity);
    trade(other.tradeId, other.tradePriceTicks, other.tradeQuantity, other.buyerMaker);
    return this;
  }

  /**
   * Copies what an event of {@code other}'s type carries: type, symbol, times, update ids and the
   * fields of that type only (the levels of a snapshot or diff, the best bid and ask of a ticker,
   * the trade, or the bar as {@link #copyBarFrom}); this event's fields of other types are left as
   * they were. Cheaper than {@link #copyFrom} for the simulator's delayed ring, where most events
   * are tickers and trades.
   */
  public MarketEvent copyTypedFrom(MarketEvent other) {
    switch (other.type) {
      case BAR -> copyBarFrom(other);
      case DEPTH_SNAPSHOT, DEPTH_UPDATE -> {
        copyCommonFrom(other);
        copyLevelsFrom(other);
      }
      case BOOK_TICKER -> {
        copyCommonFrom(other);
        bookTicker(
            other.bestBidTicks, other.bestBidQuantity, other.bestAskTicks, other.bestAskQuantity);
      }
      case TRADE -> {
        copyCommonFrom(other);
        trade(other.tradeId, other.tradePriceTicks, other.tradeQuantity, other.buyerMaker);
      }
    }
    return this;
  }

  /** Both sides' levels of {@code other}, reusing this event's arrays (growing them if needed). */
  private void copyLevelsFrom(MarketEvent other) {
    bidTicks = copyInto(other.bidTicks, bidTicks, other.bidCount);
    bidQty = copyInto(other.bidQty, bidQty, other.bidCount);
    bidCount = other.bidCount;
    askTicks = copyInto(other.askTicks, askTicks, other.askCount);
    askQty = copyInto(other.askQty, askQty, other.askCount);
    askCount = other.askCount;
  }

  /** Type, symbol, times and update ids of {@code other}; no levels. */
  private void copyCommonFrom(MarketEvent other) {
    type = other.type;
    symbol = other.symbol;
    eventTime = other.eventTime;
    transactionTime = other.transactionTime;
    receiveTimeNanos = other.receiveTimeNanos;
    firstUpdateId = other.firstUpdateId;
    lastUpdateId = other.lastUpdateId;
    prevUpdateId = other.prevUpdateId;
    bidCount = 0;
    askCount = 0;
  }

  /**
   * Copies what a {@code BAR} carries from {@code other}: type, symbol, times and the bar's
   * numbers; this event's levels and update ids are emptied, its ticker and trade fields are left
   * as they were. The simulator's visible ring uses it for bars instead of {@link #copyFrom}.
   */
  public MarketEvent copyBarFrom(MarketEvent other) {
    copyCommonFrom(other);
    firstUpdateId = 0;
    lastUpdateId = 0;
    prevUpdateId = 0;
    return bar(
        other.openTicks,
        other.highTicks,
        other.lowTicks,
        other.closeTicks,
        other.volume,
        other.quoteVolume,
        other.openTime,
        other.closeTime,
        other.barClosed);
  }

  /** The first {@code n} values of {@code from} in {@code to}, or in a larger array if needed. */
  private static long[] copyInto(long[] from, long[] to, int n) {
    long[] out = to.length >= n ? to : new long[Math.max(n, to.length * 2)];
    System.arraycopy(from, 0, out, 0, n);
    return out;
  }

  private static double[] copyInto(double[] from, double[] to, int n) {
    double[] out = to.length >= n ? to : new double[Math.max(n, to.length * 2)];
    System.arraycopy(from, 0, out, 0, n);
    return out;
  }

  /** A new, independent copy of this event (allocates; meant for tests and rare keeps). */
  public MarketEvent copyOf() {
    return new MarketEvent().copyFrom(this);
  }

  /** What this event describes. */
  public Type type() {
    return type;
  }

  /** The venue symbol, e.g. {@code BTCUSDT}. */
  public String symbol() {
    return symbol;
  }

  /** Venue event time ({@code E}, or {@code T} where there is no {@code E}), epoch ms. */
  public long eventTime() {
    return eventTime;
  }

  /** Venue transaction time ({@code T}), epoch ms; equals {@link #eventTime()} when absent. */
  public long transactionTime() {
    return transactionTime;
  }

  /** Local receive time of a recording in epoch ns, or {@code eventTime * 1_000_000}. */
  public long receiveTimeNanos() {
    return receiveTimeNanos;
  }

  /** First update id {@code U} of a depth diff. */
  public long firstUpdateId() {
    return firstUpdateId;
  }

  /** Last update id: {@code u} of a diff or book ticker, {@code lastUpdateId} of a snapshot. */
  public long lastUpdateId() {
    return lastUpdateId;
  }

  /** The previous diff's final update id {@code pu}. */
  public long prevUpdateId() {
    return prevUpdateId;
  }

  /** Number of levels on one side ({@link Side#BUY} = bids) of a snapshot or diff. */
  public int levelCount(Side side) {
    return side == Side.BUY ? bidCount : askCount;
  }

  /** Price in ticks of level {@code index} of one side, in the order the venue sent them. */
  public long levelPriceTicks(Side side, int index) {
    Objects.checkIndex(index, levelCount(side));
    return side == Side.BUY ? bidTicks[index] : askTicks[index];
  }

  /** Quantity of level {@code index} of one side (0 removes the level in a diff). */
  public double levelQuantity(Side side, int index) {
    Objects.checkIndex(index, levelCount(side));
    return side == Side.BUY ? bidQty[index] : askQty[index];
  }

  /** Best bid price in ticks of a book ticker. */
  public long bestBidTicks() {
    return bestBidTicks;
  }

  /** Best bid quantity of a book ticker. */
  public double bestBidQuantity() {
    return bestBidQuantity;
  }

  /** Best ask price in ticks of a book ticker. */
  public long bestAskTicks() {
    return bestAskTicks;
  }

  /** Best ask quantity of a book ticker. */
  public double bestAskQuantity() {
    return bestAskQuantity;
  }

  /** Trade id ({@code t}, or the aggregate id {@code a} of an aggTrade). */
  public long tradeId() {
    return tradeId;
  }

  /** Trade price in ticks. */
  public long tradePriceTicks() {
    return tradePriceTicks;
  }

  /** Trade quantity. */
  public double tradeQuantity() {
    return tradeQuantity;
  }

  /** True when the buyer was the maker, i.e. the aggressor sold. */
  public boolean buyerMaker() {
    return buyerMaker;
  }

  /** The aggressor's side: {@code SELL} when the buyer was the maker. */
  public Side aggressorSide() {
    return buyerMaker ? Side.SELL : Side.BUY;
  }

  /** Bar open in ticks. */
  public long openTicks() {
    return openTicks;
  }

  /** Bar high in ticks. */
  public long highTicks() {
    return highTicks;
  }

  /** Bar low in ticks. */
  public long lowTicks() {
    return lowTicks;
  }

  /** Bar close in ticks. */
  public long closeTicks() {
    return closeTicks;
  }

  /** Bar base-asset volume. */
  public double volume() {
    return volume;
  }

  /** Bar quote-asset volume. */
  public double quoteVolume() {
    return quoteVolume;
  }

  /** Bar open time, epoch ms. */
  public long openTime() {
    return openTime;
  }

  /** Bar close time, epoch ms (Binance: the last millisecond of the bar). */
  public long closeTime() {
    return closeTime;
  }

  /** False for a still-forming bar of a live kline stream. */
  public boolean barClosed() {
    return barClosed;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64);
    sb.append(type).append(' ').append(symbol).append(" E=").append(eventTime);
    switch (type) {
      case DEPTH_SNAPSHOT, DEPTH_UPDATE ->
          sb.append(" U=")
              .append(firstUpdateId)
              .append(" u=")
              .append(lastUpdateId)
              .append(" pu=")
              .append(prevUpdateId)
              .append(" bids=")
              .append(bidCount)
              .append(" asks=")
              .append(askCount);
      case BOOK_TICKER ->
          sb.append(" u=")
              .append(lastUpdateId)
              .append(' ')
              .append(bestBidTicks)
              .append('x')
              .append(bestBidQuantity)
              .append(" / ")
              .append(bestAskTicks)
              .append('x')
              .append(bestAskQuantity);
      case TRADE ->
          sb.append(" id=")
              .append(tradeId)
              .append(' ')
              .append(tradeQuantity)
              .append('@')
              .append(tradePriceTicks)
              .append(buyerMaker ? " buyerMaker" : " sellerMaker");
      case BAR ->
          sb.append(" o=")
              .append(openTicks)
              .append(" h=")
              .append(highTicks)
              .append(" l=")
              .append(lowTicks)
              .append(" c=")
              .append(closeTicks)
              .append(" v=")
              .append(volume);
    }
    return sb.toString();
  }
}
