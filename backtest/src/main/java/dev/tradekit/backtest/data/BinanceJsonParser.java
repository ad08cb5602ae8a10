package dev.tradekit.backtest.data;

import dev.tradekit.api.book.Decimals;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;

/**
 * Turns one Binance USD-M JSON message into a {@link MarketEvent} without allocating: a
 * combined-stream frame {@code {"stream":…,"data":{…}}}, a bare stream payload ({@code
 * depthUpdate}, {@code bookTicker}, {@code trade}, {@code aggTrade}, {@code kline}) or a REST depth
 * snapshot body {@code {"lastUpdateId":…,"bids":…,"asks":…}}. Other payloads are ignored.
 */
final class BinanceJsonParser {

  private static final int UNKNOWN = 0;
  private static final int DEPTH = 1;
  private static final int BOOK_TICKER = 2;
  private static final int TRADE = 3;
  private static final int AGG_TRADE = 4;
  private static final int KLINE = 5;

  private final SymbolScales scales;
  private final JsonCursor json = new JsonCursor();
  private CharSequence text = "";
  private int symbolIndex;

  BinanceJsonParser(SymbolScales scales) {
    this.scales = scales;
  }

  /**
   * Parses the message that starts at {@code from}.
   *
   * @param defaultSymbol index in the scales of the symbol of a message that names none (a REST
   *     snapshot), or -1
   * @return true if {@code into} now holds an event; false for a message of another kind
   */
  boolean parse(
      CharSequence line, int from, long receiveNanos, int defaultSymbol, MarketEvent into) {
    text = line;
    symbolIndex = defaultSymbol;
    json.reset(line, from).enterObject();
    if (!json.nextField()) {
      return false;
    }
    if (json.nameIs("lastUpdateId")) {
      return snapshot(receiveNanos, into);
    }
    if (json.nameIs("e")) {
      return payload(from, receiveNanos, into);
    }
    do {
      if (json.nameIs("data")) {
        return json.atObject() && payload(json.position(), receiveNanos, into);
      }
      json.skipValue();
    } while (json.nextField());
    return false;
  }

  private boolean payload(int objectStart, long receiveNanos, MarketEvent into) {
    int kind = kindOf(objectStart);
    if (kind == UNKNOWN) {
      return false;
    }
    json.reset(text, objectStart).enterObject();
    MarketEvent.Type type =
        switch (kind) {
          case DEPTH -> MarketEvent.Type.DEPTH_UPDATE;
          case BOOK_TICKER -> MarketEvent.Type.BOOK_TICKER;
          case KLINE -> MarketEvent.Type.BAR;
          default -> MarketEvent.Type.TRADE;
        };
    into.reset(type, "", 0, receiveNanos);
    long eventTime = Long.MIN_VALUE;
    long txTime = Long.MIN_VALUE;
    long first = 0;
    long last = 0;
    long prev = 0;
    long bid = 0;
    long ask = 0;
    double bidQty = 0;
    double askQty = 0;
    long id = 0;
    long price = 0;
    double qty = 0;
    boolean maker = false;
    while (json.nextField()) {
      if (json.nameLength() == 1) {
        switch (json.nameChar(0)) {
          case 'E' -> eventTime = json.readLong();
          case 'T' -> txTime = json.readLong();
          case 's' -> symbol();
          case 'U' -> first = json.readLong();
          case 'u' -> last = json.readLong();
          case 't' -> id = json.readLong();
          case 'm' -> maker = json.readBoolean();
          case 'B' -> bidQty = quantity();
          case 'A' -> askQty = quantity();
          case 'p' -> price = ticks();
          case 'q' -> qty = quantity();
          case 'b' -> {
            if (kind == DEPTH) {
              levels(into, Side.BUY);
            } else {
              bid = ticks();
            }
          }
          case 'a' -> {
            if (kind == DEPTH) {
              levels(into, Side.SELL);
            } else if (kind == AGG_TRADE) {
              id = json.readLong();
            } else {
              ask = ticks();
            }
          }
          case 'k' -> {
            if (kind == KLINE) {
              kline(into);
            } else {
              json.skipValue();
            }
          }
          default -> json.skipValue();
        }
      } else if (json.nameIs("pu")) {
        prev = json.readLong();
      } else {
        json.skipValue();
      }
    }
    if (symbolIndex < 0) {
      throw new IllegalStateException("message names no symbol");
    }
    long time = eventTime != Long.MIN_VALUE ? eventTime : txTime;
    into.eventTime(time).transactionTime(txTime != Long.MIN_VALUE ? txTime : time);
    if (receiveNanos == Long.MIN_VALUE) {
      into.receiveTimeNanos(time * 1_000_000L);
    }
    into.symbol(scales.symbol(symbolIndex));
    return finish(kind, into, first, last, prev, bid, bidQty, ask, askQty, id, price, qty, maker);
  }

  private boolean finish(
      int kind,
      MarketEvent into,
      long first,
      long last,
      long prev,
      long bid,
      double bidQty,
      long ask,
      double askQty,
      long id,
      long price,
      double qty,
      boolean maker) {
    switch (kind) {
      case DEPTH -> into.updateIds(first, last, prev);
      case BOOK_TICKER -> into.updateIds(0, last, 0).bookTicker(bid, bidQty, ask, askQty);
      case TRADE, AGG_TRADE -> into.trade(id, price, qty, maker);
      default -> {
        // a kline's fields were set while reading "k"
      }
    }
    return true;
  }

  private boolean snapshot(long receiveNanos, MarketEvent into) {
    if (symbolIndex < 0) {
      throw new IllegalStateException("depth snapshot without a symbol");
    }
    into.reset(MarketEvent.Type.DEPTH_SNAPSHOT, scales.symbol(symbolIndex), 0, receiveNanos);
    long eventTime = Long.MIN_VALUE;
    long txTime = Long.MIN_VALUE;
    into.updateIds(0, json.readLong(), 0);
    while (json.nextField()) {
      if (json.nameIs("E")) {
        eventTime = json.readLong();
      } else if (json.nameIs("T")) {
        txTime = json.readLong();
      } else if (json.nameIs("bids")) {
        levels(into, Side.BUY);
      } else if (json.nameIs("asks")) {
        levels(into, Side.SELL);
      } else {
        json.skipValue();
      }
    }
    long time = eventTime != Long.MIN_VALUE ? eventTime : txTime;
    if (time == Long.MIN_VALUE) {
      time = receiveNanos / 1_000_000L;
    }
    into.eventTime(time).transactionTime(txTime != Long.MIN_VALUE ? txTime : time);
    return true;
  }

  private void levels(MarketEvent into, Side side) {
    TickScale scale = scale();
    json.enterArray();
    while (json.nextElement()) {
      json.enterArray();
      json.nextElement();
      json.readScalar();
      long p = scale.parseTicks(text, json.valueStart(), json.valueEnd());
      json.nextElement();
      json.readScalar();
      double q = Decimals.parseDouble(text, json.valueStart(), json.valueEnd());
      while (json.nextElement()) {
        json.skipValue();
      }
      into.addLevel(side, p, q);
    }
  }

  private void kline(MarketEvent into) {
    json.enterObject();
    long open = 0;
    long high = 0;
    long low = 0;
    long close = 0;
    double volume = 0;
    double quote = 0;
    long openTime = 0;
    long closeTime = 0;
    boolean closed = false;
    while (json.nextField()) {
      if (json.nameLength() != 1) {
        json.skipValue();
        continue;
      }
      switch (json.nameChar(0)) {
        case 't' -> openTime = json.readLong();
        case 'T' -> closeTime = json.readLong();
        case 's' -> symbol();
        case 'o' -> open = ticks();
        case 'h' -> high = ticks();
        case 'l' -> low = ticks();
        case 'c' -> close = ticks();
        case 'v' -> volume = quantity();
        case 'q' -> quote = quantity();
        case 'x' -> closed = json.readBoolean();
        default -> json.skipValue();
      }
    }
    into.bar(open, high, low, close, volume, quote, openTime, closeTime, closed);
  }

  private void symbol() {
    json.readScalar();
    int index = scales.find(text, json.valueStart(), json.valueEnd());
    if (index < 0) {
      throw new IllegalStateException(
          "no TickScale for symbol "
              + text.subSequence(json.valueStart(), json.valueEnd())
              + " (known: "
              + scales
              + ")");
    }
    symbolIndex = index;
  }

  private TickScale scale() {
    if (symbolIndex < 0) {
      throw new IllegalStateException("a price comes before the symbol");
    }
    return scales.scale(symbolIndex);
  }

  private long ticks() {
    TickScale scale = scale();
    json.readScalar();
    return scale.parseTicks(text, json.valueStart(), json.valueEnd());
  }

  private double quantity() {
    json.readScalar();
    return Decimals.parseDouble(text, json.valueStart(), json.valueEnd());
  }

  /** Reads the {@code "e"} field of the object at {@code objectStart} (Binance sends it first). */
  private int kindOf(int objectStart) {
    json.reset(text, objectStart).enterObject();
    while (json.nextField()) {
      if (json.nameIs("e")) {
        json.readScalar();
        if (json.valueIs("depthUpdate")) {
          return DEPTH;
        } else if (json.valueIs("bookTicker")) {
          return BOOK_TICKER;
        } else if (json.valueIs("trade")) {
          return TRADE;
        } else if (json.valueIs("aggTrade")) {
          return AGG_TRADE;
        } else if (json.valueIs("kline")) {
          return KLINE;
        }
        return UNKNOWN;
      }
      json.skipValue();
    }
    return UNKNOWN;
  }
}
