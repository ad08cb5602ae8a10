package dev.tradekit.api.internal.wire;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import org.jspecify.annotations.Nullable;

/**
 * Reads one Binance USD-M JSON message into a reusable {@link BinanceFrame} without allocating: a
 * combined-stream frame {@code {"stream":…,"data":{…}}}, a bare stream payload ({@code
 * depthUpdate}, {@code bookTicker}, {@code trade}, {@code aggTrade}, {@code kline}) or a REST depth
 * reply {@code {"lastUpdateId":…,"bids":…,"asks":…}}. Other payloads are not read.
 *
 * <pre>{@code
 * BinanceFrameParser parser = new BinanceFrameParser(symbols);
 * BinanceFrame frame = new BinanceFrame();
 * if (parser.parse(text, 0, -1, frame)) { ... }
 * }</pre>
 *
 * <p>The one parser of these frames: the Binance adapter's market streams and the backtest's
 * recording readers both use it. A message it cannot read exactly throws {@link
 * MalformedFrameException}: broken or truncated JSON, a field the kind needs that is missing or
 * repeated, an id that is not an integer, a price or quantity that is not a plain decimal, a level
 * price that is not positive or a quantity that is negative. Not thread-safe.
 */
public final class BinanceFrameParser {
  /** The symbols a parser knows, looked up by a range of the frame's characters. */
  public interface Symbols {
    /** Index of the symbol spelled by {@code text[from, to)}, or -1. */
    int find(CharSequence text, int from, int to);

    /**
     * The tick scale of symbol {@code index}, or null if unknown: prices then stay text only
     * ({@link BinanceFrame#start}) and depth levels cannot be read.
     */
    @Nullable TickScale scale(int index);
  }

  private static final int F_SYMBOL = 1;
  private static final int F_FIRST = 1 << 1;
  private static final int F_LAST = 1 << 2;
  private static final int F_PREV = 1 << 3;
  private static final int F_BIDS = 1 << 4;
  private static final int F_ASKS = 1 << 5;
  private static final int F_BID_QTY = 1 << 6;
  private static final int F_ASK_QTY = 1 << 7;
  private static final int F_ID = 1 << 8;
  private static final int F_PRICE = 1 << 9;
  private static final int F_QTY = 1 << 10;
  private static final int F_KLINE = 1 << 11;
  private static final int F_EVENT_TIME = 1 << 12;
  private static final int F_TX_TIME = 1 << 13;
  private static final int F_MAKER = 1 << 14;
  private static final int F_EXECUTION = 1 << 15;
  private static final int F_KIND = 1 << 16;

  private static final int NEEDS_DEPTH = F_SYMBOL | F_FIRST | F_LAST | F_PREV | F_BIDS | F_ASKS;
  private static final int NEEDS_TICKER =
      F_SYMBOL | F_LAST | F_BIDS | F_ASKS | F_BID_QTY | F_ASK_QTY;
  private static final int NEEDS_TRADE = F_SYMBOL | F_ID | F_PRICE | F_QTY;
  private static final int NEEDS_KLINE = F_SYMBOL | F_KLINE;

  private final Symbols symbols;
  private final JsonCursor json = new JsonCursor();
  private CharSequence text = "";
  private int seen;
  private int payloadStart;

  /** A parser resolving symbols and tick scales through {@code symbols}. */
  public BinanceFrameParser(Symbols symbols) {
    this.symbols = symbols;
  }

  /**
   * Parses the message that starts at {@code from}.
   *
   * @param defaultSymbol index of the symbol of a message that names none (a REST depth reply), or
   *     -1
   * @return true if {@code into} now holds a message; false for a message of another kind
   * @throws MalformedFrameException if the message cannot be read exactly
   */
  public boolean parse(CharSequence line, int from, int defaultSymbol, BinanceFrame into) {
    text = line;
    json.reset(line, from).enterObject();
    if (!json.nextField()) {
      return false;
    }
    if (json.nameIs("lastUpdateId")) {
      boolean read = snapshot(defaultSymbol, into);
      json.expectEnd();
      return read;
    }
    if (json.nameIs("e")) {
      boolean read = payload(from, into);
      if (read) {
        json.expectEnd();
      }
      return read;
    }
    do {
      if (json.nameIs("data")) {
        return json.atObject() && payload(json.position(), into) && finishOuter();
      }
      json.skipValue();
    } while (json.nextField());
    return false;
  }

  /** Reads the rest of a combined frame after its {@code data}: it must be complete. */
  private boolean finishOuter() {
    while (json.nextField()) {
      json.skipValue();
    }
    json.expectEnd();
    return true;
  }

  /**
   * Reads only the kind and the symbol of a stream message (for routing): sets {@code into}'s kind
   * and symbol range, not its symbol index or values. The full message is then read from {@link
   * #payloadStart()} with {@link #parsePayload}.
   *
   * @return the kind, or null for a message of another kind
   * @throws MalformedFrameException if the JSON up to the symbol cannot be read
   */
  public BinanceFrame.@Nullable Kind route(CharSequence line, BinanceFrame into) {
    text = line;
    json.reset(line, 0).enterObject();
    if (!json.nextField()) {
      return null;
    }
    int start = 0;
    if (!json.nameIs("e")) {
      while (!json.nameIs("data")) {
        json.skipValue();
        if (!json.nextField()) {
          return null;
        }
      }
      if (!json.atObject()) {
        return null;
      }
      start = json.position();
    }
    BinanceFrame.Kind kind = kindOf(start);
    if (kind == null) {
      return null;
    }
    into.reset(kind);
    payloadStart = start;
    json.reset(line, start).enterObject();
    while (json.nextField()) {
      if (json.nameIs("s")) {
        json.readScalar();
        into.symbolStart = json.valueStart();
        into.symbolEnd = json.valueEnd();
        return kind;
      }
      json.skipValue();
    }
    throw new MalformedFrameException("the " + kind + " message names no symbol");
  }

  /** Where the payload object of the message last {@linkplain #route routed} starts. */
  public int payloadStart() {
    return payloadStart;
  }

  /**
   * Parses the stream payload object at {@code objectStart} (a combined frame's {@code data}, whose
   * remaining fields are then checked to close the frame, or a bare payload at 0).
   *
   * @return true if {@code into} now holds a message; false for a message of another kind
   * @throws MalformedFrameException if the message cannot be read exactly
   */
  public boolean parsePayload(CharSequence line, int objectStart, BinanceFrame into) {
    text = line;
    if (!payload(objectStart, into)) {
      return false;
    }
    if (objectStart > 0) {
      return finishOuter();
    }
    json.expectEnd();
    return true;
  }

  private boolean payload(int objectStart, BinanceFrame into) {
    BinanceFrame.Kind kind = kindOf(objectStart);
    if (kind == null) {
      return false;
    }
    json.reset(text, objectStart).enterObject();
    into.reset(kind);
    seen = 0;
    boolean depth = kind == BinanceFrame.Kind.DEPTH_UPDATE;
    while (json.nextField()) {
      if (json.nameLength() == 1) {
        switch (json.nameChar(0)) {
          case 'e' -> {
            once(F_KIND); // read by kindOf; a second, maybe different "e" is ambiguous
            json.skipValue();
          }
          case 'E' -> into.eventTime = readLong(F_EVENT_TIME);
          case 'T' -> into.transactionTime = readLong(F_TX_TIME);
          case 's' -> symbol(into);
          case 'U' -> into.firstUpdateId = readLong(F_FIRST);
          case 'u' -> into.lastUpdateId = readLong(F_LAST);
          case 't' -> into.tradeId = readLong(F_ID);
          case 'm' -> {
            once(F_MAKER);
            into.buyerIsMaker = json.readBoolean();
          }
          case 'X' -> {
            once(F_EXECUTION);
            json.readScalar();
            into.marketExecution = json.valueIs("MARKET");
          }
          case 'B' -> into.bidQty = quantity(F_BID_QTY, into, BinanceFrame.BID_QTY);
          case 'A' -> into.askQty = quantity(F_ASK_QTY, into, BinanceFrame.ASK_QTY);
          case 'p' -> into.priceTicks = price(F_PRICE, into, BinanceFrame.PRICE);
          case 'q' -> into.qty = quantity(F_QTY, into, BinanceFrame.QTY);
          case 'b' -> {
            if (depth) {
              levels(F_BIDS, into, Side.BUY);
            } else {
              into.bidTicks = price(F_BIDS, into, BinanceFrame.BID_PRICE);
            }
          }
          case 'a' -> {
            if (depth) {
              levels(F_ASKS, into, Side.SELL);
            } else if (kind == BinanceFrame.Kind.AGG_TRADE) {
              into.tradeId = readLong(F_ID);
            } else {
              into.askTicks = price(F_ASKS, into, BinanceFrame.ASK_PRICE);
            }
          }
          case 'k' -> {
            if (kind == BinanceFrame.Kind.KLINE) {
              once(F_KLINE);
              kline(into);
            } else {
              json.skipValue();
            }
          }
          default -> json.skipValue();
        }
      } else if (json.nameIs("pu")) {
        into.previousUpdateId = readLong(F_PREV);
      } else {
        json.skipValue();
      }
    }
    int needs =
        switch (kind) {
          case DEPTH_UPDATE -> NEEDS_DEPTH;
          case BOOK_TICKER -> NEEDS_TICKER;
          case KLINE -> NEEDS_KLINE;
          default -> NEEDS_TRADE;
        };
    if ((seen & needs) != needs) {
      throw new MalformedFrameException(
          "the " + kind + " message lacks " + missing(needs & ~seen, kind));
    }
    return true;
  }

  private static String missing(int fields, BinanceFrame.Kind kind) {
    StringBuilder sb = new StringBuilder();
    String[] names = {"s", "U", "u", "pu", "b", "a", "B", "A", "t", "p", "q", "k"};
    for (int i = 0; i < names.length; i++) {
      if ((fields & (1 << i)) != 0) {
        String name = names[i];
        if (i == 8 && kind == BinanceFrame.Kind.AGG_TRADE) {
          name = "a";
        }
        sb.append(sb.length() == 0 ? "" : ", ").append('"').append(name).append('"');
      }
    }
    return sb.toString();
  }

  private void once(int field) {
    if ((seen & field) != 0) {
      throw json.error("repeated field");
    }
    seen |= field;
  }

  private long readLong(int field) {
    once(field);
    return json.readLong();
  }

  private boolean snapshot(int defaultSymbol, BinanceFrame into) {
    into.reset(BinanceFrame.Kind.DEPTH_SNAPSHOT);
    if (defaultSymbol < 0) {
      throw new MalformedFrameException("a REST depth reply names no symbol and none was given");
    }
    into.symbolIndex = defaultSymbol;
    seen = 0;
    into.lastUpdateId = readLong(F_LAST);
    while (json.nextField()) {
      if (json.nameIs("E")) {
        into.eventTime = readLong(F_EVENT_TIME);
      } else if (json.nameIs("T")) {
        into.transactionTime = readLong(F_TX_TIME);
      } else if (json.nameIs("bids")) {
        levels(F_BIDS, into, Side.BUY);
      } else if (json.nameIs("asks")) {
        levels(F_ASKS, into, Side.SELL);
      } else {
        json.skipValue();
      }
    }
    if ((seen & (F_BIDS | F_ASKS)) != (F_BIDS | F_ASKS)) {
      throw new MalformedFrameException("the depth reply lacks \"bids\" or \"asks\"");
    }
    return true;
  }

  private void levels(int field, BinanceFrame into, Side side) {
    once(field);
    TickScale scale = scale(into);
    json.enterArray();
    while (json.nextElement()) {
      json.enterArray();
      if (!json.nextElement()) {
        throw json.error("empty price level");
      }
      json.readDecimal();
      long p = ticks(scale);
      boolean positive = json.decimalPositive();
      if (!json.nextElement()) {
        throw json.error("price level without a quantity");
      }
      json.readDecimal();
      double q = json.decimalValue();
      while (json.nextElement()) {
        json.skipValue();
      }
      if (!positive || p < 0 || q < 0) {
        throw json.error("price level with a non-positive price or a negative quantity");
      }
      if (p == 0) {
        // Real snapshots list far levels below one tick of the symbol's scale (e.g. 0.00025 on a
        // 0.001 grid): they cannot sit on the book's grid, so they are left out, not an error.
        continue;
      }
      into.addLevel(side, p, q);
    }
  }

  private void kline(BinanceFrame into) {
    json.enterObject();
    while (json.nextField()) {
      if (json.nameLength() != 1) {
        json.skipValue();
        continue;
      }
      switch (json.nameChar(0)) {
        case 't' -> into.openTime = json.readLong();
        case 'T' -> into.closeTime = json.readLong();
        case 's' -> symbol(into);
        case 'o' -> into.open = klinePrice(into);
        case 'h' -> into.high = klinePrice(into);
        case 'l' -> into.low = klinePrice(into);
        case 'c' -> into.close = klinePrice(into);
        case 'v' -> into.volume = decimal();
        case 'q' -> into.quoteVolume = decimal();
        case 'x' -> into.closed = json.readBoolean();
        default -> json.skipValue();
      }
    }
  }

  private void symbol(BinanceFrame into) {
    json.readScalar();
    int index = symbols.find(text, json.valueStart(), json.valueEnd());
    if (index < 0) {
      throw new MalformedFrameException(
          "no TickScale for symbol "
              + text.subSequence(json.valueStart(), json.valueEnd())
              + " (known: "
              + symbols
              + ")");
    }
    if (into.symbolIndex >= 0 && into.symbolIndex != index && (seen & F_SYMBOL) != 0) {
      throw json.error("a second, different symbol");
    }
    seen |= F_SYMBOL;
    into.symbolIndex = index;
    into.symbolStart = json.valueStart();
    into.symbolEnd = json.valueEnd();
  }

  private TickScale scale(BinanceFrame into) {
    if (into.symbolIndex < 0) {
      throw json.error("a price comes before the symbol");
    }
    TickScale scale = symbols.scale(into.symbolIndex);
    if (scale == null) {
      throw new MalformedFrameException(
          "no tick scale yet for "
              + text.subSequence(into.symbolStart, into.symbolEnd)
              + ": its levels cannot be read");
    }
    return scale;
  }

  private long ticks(TickScale scale) {
    try {
      return json.decimalTicks(scale);
    } catch (IllegalArgumentException e) {
      throw new MalformedFrameException(e.getMessage() + " at column " + json.position(), e);
    }
  }

  private long price(int field, BinanceFrame into, int textField) {
    once(field);
    if (into.symbolIndex < 0) {
      throw json.error("a price comes before the symbol");
    }
    json.readDecimal();
    into.starts[textField] = json.valueStart();
    into.ends[textField] = json.valueEnd();
    TickScale scale = symbols.scale(into.symbolIndex);
    return scale == null ? 0 : ticks(scale);
  }

  private long klinePrice(BinanceFrame into) {
    json.readDecimal();
    return ticks(scale(into));
  }

  private double quantity(int field, BinanceFrame into, int textField) {
    once(field);
    double q = decimal();
    into.starts[textField] = json.valueStart();
    into.ends[textField] = json.valueEnd();
    return q;
  }

  private double decimal() {
    json.readDecimal();
    return json.decimalValue();
  }

  /** Reads the {@code "e"} field of the object at {@code objectStart} (Binance sends it first). */
  private BinanceFrame.@Nullable Kind kindOf(int objectStart) {
    json.reset(text, objectStart).enterObject();
    while (json.nextField()) {
      if (json.nameIs("e")) {
        json.readScalar();
        if (json.valueIs("depthUpdate")) {
          return BinanceFrame.Kind.DEPTH_UPDATE;
        } else if (json.valueIs("bookTicker")) {
          return BinanceFrame.Kind.BOOK_TICKER;
        } else if (json.valueIs("trade")) {
          return BinanceFrame.Kind.TRADE;
        } else if (json.valueIs("aggTrade")) {
          return BinanceFrame.Kind.AGG_TRADE;
        } else if (json.valueIs("kline")) {
          return BinanceFrame.Kind.KLINE;
        }
        return null;
      }
      json.skipValue();
    }
    return null;
  }
}
