package dev.tradekit.bybit;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns Bybit v5 linear wire objects into the SPI's models, exactly: every decimal is parsed from
 * the venue's string, never through a double.
 *
 * <p>Sides: {@code positionIdx} 0 is one-way ({@link PositionSide#BOTH}), 1 the hedge buy leg
 * ({@link PositionSide#LONG}), 2 the hedge sell leg ({@link PositionSide#SHORT}). Position sizes
 * are positive on the wire with a {@code side}; the SPI signs them (shorts negative). {@code
 * PostOnly} is {@link TimeInForce#GTX}. A price or average price of {@code "0"} or {@code ""} is
 * absent ({@code null}).
 */
final class BybitMapper {
  private BybitMapper() {}

  /** An instrument with its price, lot and notional filters; trading when status is Trading. */
  static Instrument instrument(BybitWire.InstrumentDto d) {
    BybitWire.LotSizeFilter lot = d.lotSizeFilter;
    BigDecimal tick = dec(d.priceFilter.tickSize);
    BigDecimal step = dec(lot.qtyStep);
    return Instrument.builder()
        .symbol(d.symbol)
        .baseAsset(d.baseCoin)
        .quoteAsset(d.quoteCoin)
        .marginAsset(d.settleCoin.isEmpty() ? d.quoteCoin : d.settleCoin)
        .trading("Trading".equals(d.status))
        .tickSize(tick)
        .minPrice(dec(d.priceFilter.minPrice))
        .maxPrice(dec(d.priceFilter.maxPrice))
        .stepSize(step)
        .minQty(dec(lot.minOrderQty))
        .maxQty(dec(lot.maxOrderQty))
        .marketStepSize(step)
        .marketMinQty(dec(lot.minOrderQty))
        .marketMaxQty(dec(lot.maxMktOrderQty))
        .minNotional(dec(lot.minNotionalValue))
        .maxNumOrders(500)
        .pricePrecision(Math.max(0, tick.stripTrailingZeros().scale()))
        .quantityPrecision(Math.max(0, step.stripTrailingZeros().scale()))
        .build();
  }

  /**
   * An order of the REST lists or the {@code order} topic. A market order with a {@code
   * stopOrderType} (placed here with a trigger, on the venue's site or by a position's TP/SL) reads
   * as the matching conditional type with its trigger price, never as a plain market order. Bybit
   * keeps a conditional order's id when it fires ({@code Untriggered}, {@code Triggered}, then the
   * market order's {@code New}, {@code Filled} ...): {@code Triggered} and a fired order's {@code
   * New} are {@link OrderStatus#TRIGGERED} with {@link Order#triggeredOrderId()} its own id (the
   * fills carry it), and its later states are those of its market order.
   */
  static Order order(BybitWire.OrderDto d) {
    Side side = side(d.side);
    OrderType type = type(d.orderType, d.stopOrderType, side, d.triggerDirection);
    OrderStatus status = BybitOrderStatuses.map(d.orderStatus, d.cumExecQty);
    if (type.isConditional() && "New".equals(d.orderStatus)) {
      status = OrderStatus.TRIGGERED; // fired: its market order works under the same id
    }
    return Order.builder()
        .symbol(d.symbol)
        .orderId(d.orderId)
        .clientOrderId(d.orderLinkId.isEmpty() ? null : d.orderLinkId)
        .side(side)
        .positionSide(positionSide(d.positionIdx))
        .type(type)
        .triggerPrice(type.isConditional() ? decOrNull(d.triggerPrice) : null)
        .timeInForce(timeInForce(d.timeInForce))
        .price("Market".equals(d.orderType) ? null : decOrNull(d.price))
        .quantity(dec(d.qty))
        .executedQuantity(dec(d.cumExecQty))
        .averagePrice(decOrNull(d.avgPrice))
        .status(status)
        .triggeredOrderId(status == OrderStatus.TRIGGERED ? d.orderId : null)
        .reduceOnly(d.reduceOnly)
        .createTime(d.createdTime)
        .updateTime(Math.max(d.createdTime, d.updatedTime))
        .build();
  }

  /**
   * Bybit's {@code orderType} and {@code stopOrderType} as a Tradekit type; a {@code Stop} (an
   * order placed with a trigger price) is a stop or a take-profit by its side and {@code
   * triggerDirection} ({@link BybitConditionals#typeOf}).
   */
  static OrderType type(String orderType, String stopOrderType, Side side, int triggerDirection) {
    if (!"Market".equals(orderType)) {
      return OrderType.LIMIT;
    }
    return switch (stopOrderType) {
      case "Stop" -> BybitConditionals.typeOf(side, triggerDirection);
      case "StopLoss", "PartialStopLoss" -> OrderType.STOP_MARKET;
      case "TakeProfit", "PartialTakeProfit" -> OrderType.TAKE_PROFIT_MARKET;
      case "TrailingStop" -> OrderType.TRAILING_STOP_MARKET;
      default -> OrderType.MARKET;
    };
  }

  /**
   * A fill of {@code /v5/execution/list} or the {@code execution} topic.
   *
   * @param positionIdx the order's position index when known (the execution carries none), 0
   *     otherwise
   */
  static Fill fill(BybitWire.ExecutionDto d, int positionIdx) {
    return Fill.builder()
        .symbol(d.symbol)
        .tradeId(d.execId)
        .orderId(d.orderId)
        .clientOrderId(d.orderLinkId.isEmpty() ? null : d.orderLinkId)
        .side(side(d.side))
        .positionSide(positionSide(positionIdx))
        .price(dec(d.execPrice))
        .quantity(dec(d.execQty))
        .commission(dec(d.execFee))
        .commissionAsset(d.feeCurrency.isEmpty() ? "USDT" : d.feeCurrency)
        .realizedPnl(BigDecimal.ZERO)
        .maker(d.isMaker)
        .time(d.execTime)
        .build();
  }

  /** A position; flat rows ({@code side ""}) have amount 0. */
  static Position position(BybitWire.PositionDto d) {
    BigDecimal size = dec(d.size);
    BigDecimal amount = "Sell".equals(d.side) ? size.negate() : size;
    BigDecimal entry = dec(d.averagePrice());
    BigDecimal leverage = dec(d.leverage);
    return new Position(
        d.symbol,
        positionSide(d.positionIdx),
        amount,
        entry,
        decOrNull(d.markPrice),
        dec(d.unrealisedPnl),
        Math.max(1, leverage.setScale(0, RoundingMode.DOWN).intValueExact()),
        d.tradeMode == 1 ? MarginType.ISOLATED : MarginType.CROSS,
        d.updatedTime);
  }

  /** A REST book snapshot: bids descending, asks ascending, as sent. */
  static OrderBookSnapshot orderBook(BybitWire.RestBook d) {
    return new OrderBookSnapshot(d.s, d.u, d.ts, levels(d.b), levels(d.a));
  }

  private static List<PriceLevel> levels(List<List<String>> raw) {
    List<PriceLevel> out = new ArrayList<>(raw.size());
    for (List<String> l : raw) {
      out.add(new PriceLevel(new BigDecimal(l.get(0)), new BigDecimal(l.get(1))));
    }
    return out;
  }

  static Side side(String s) {
    return switch (s) {
      case "Buy" -> Side.BUY;
      case "Sell" -> Side.SELL;
      default -> throw new IllegalArgumentException("unknown Bybit side '" + s + "'");
    };
  }

  static PositionSide positionSide(int positionIdx) {
    return switch (positionIdx) {
      case 0 -> PositionSide.BOTH;
      case 1 -> PositionSide.LONG;
      case 2 -> PositionSide.SHORT;
      default -> throw new IllegalArgumentException("unknown Bybit positionIdx " + positionIdx);
    };
  }

  /** The {@code positionIdx} of a position side (one-way 0, hedge long 1, hedge short 2). */
  static int positionIdx(PositionSide side) {
    return switch (side) {
      case BOTH -> 0;
      case LONG -> 1;
      case SHORT -> 2;
    };
  }

  static @Nullable TimeInForce timeInForce(String s) {
    return switch (s) {
      case "GTC" -> TimeInForce.GTC;
      case "IOC" -> TimeInForce.IOC;
      case "FOK" -> TimeInForce.FOK;
      case "PostOnly" -> TimeInForce.GTX;
      default -> null;
    };
  }

  /** The wire value of a time in force ({@link TimeInForce#GTX} is {@code PostOnly}). */
  static String timeInForce(TimeInForce tif) {
    return switch (tif) {
      case GTC -> "GTC";
      case IOC -> "IOC";
      case FOK -> "FOK";
      case GTX -> "PostOnly";
    };
  }

  private static BigDecimal dec(String s) {
    return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }

  private static @Nullable BigDecimal decOrNull(@Nullable String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    BigDecimal d = new BigDecimal(s);
    return d.signum() == 0 ? null : d;
  }
}
