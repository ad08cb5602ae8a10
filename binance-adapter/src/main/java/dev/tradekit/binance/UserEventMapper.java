package dev.tradekit.binance;

import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Maps user-data-stream events to the SPI's values.
 *
 * <ul>
 *   <li>Order types the SPI does not name are reported as what they execute as: {@code *_MARKET}
 *       and {@code LIQUIDATION} as {@code MARKET}, {@code STOP} / {@code TAKE_PROFIT} as {@code
 *       LIMIT}.
 *   <li>{@code GTD} (and any unknown time in force) is reported as {@code null}.
 *   <li>{@code closePosition} orders carry {@code q = 0}: the quantity is raised to the filled
 *       amount so that {@code executed <= quantity} holds.
 *   <li>{@code ACCOUNT_UPDATE} carries no available balance, per-asset unrealized profit, leverage
 *       or mark price: balances report the cross wallet balance as available and 0 unrealized;
 *       positions report leverage 1 and no mark price. Query the account over REST for those.
 * </ul>
 */
final class UserEventMapper {
  private UserEventMapper() {}

  /** The order's state after an {@code ORDER_TRADE_UPDATE}. */
  static Order order(UserEventDto.OrderTradeUpdate e) {
    UserEventDto.OrderUpdate o = e.order;
    long time = time(o.tradeTime, e.transactionTime, e.eventTime);
    BigDecimal executed = dec(o.cumFilledQty);
    BigDecimal quantity = dec(o.origQty).max(executed);
    OrderType type = type(o.orderType);
    BigDecimal price = dec(o.price);
    BigDecimal avg = dec(o.avgPrice);
    return Order.builder()
        .symbol(o.symbol)
        .orderId(Long.toString(o.orderId))
        .clientOrderId(o.clientOrderId.isEmpty() ? null : o.clientOrderId)
        .side(Side.valueOf(o.side))
        .positionSide(positionSide(o.positionSide))
        .type(type)
        .timeInForce(timeInForce(o.timeInForce))
        .price(type == OrderType.MARKET || price.signum() == 0 ? null : price)
        .quantity(quantity)
        .executedQuantity(executed)
        .averagePrice(executed.signum() == 0 || avg.signum() == 0 ? null : avg)
        .status(status(o.status, executed, quantity))
        .reduceOnly(o.reduceOnly)
        .createTime("NEW".equals(o.executionType) ? time : 0)
        .updateTime(time)
        .build();
  }

  /** The fill of an {@code ORDER_TRADE_UPDATE} with execution type {@code TRADE}, else null. */
  static @Nullable Fill fill(UserEventDto.OrderTradeUpdate e) {
    UserEventDto.OrderUpdate o = e.order;
    if (!"TRADE".equals(o.executionType) || dec(o.lastFilledQty).signum() <= 0) {
      return null;
    }
    String asset = o.commissionAsset;
    String commission = o.commission;
    return Fill.builder()
        .symbol(o.symbol)
        .tradeId(Long.toString(o.tradeId))
        .orderId(Long.toString(o.orderId))
        .clientOrderId(o.clientOrderId.isEmpty() ? null : o.clientOrderId)
        .side(Side.valueOf(o.side))
        .positionSide(positionSide(o.positionSide))
        .price(dec(o.lastFilledPrice))
        .quantity(dec(o.lastFilledQty))
        .commission(commission == null ? BigDecimal.ZERO : dec(commission))
        .commissionAsset(asset == null || asset.isBlank() ? "UNKNOWN" : asset)
        .realizedPnl(dec(o.realizedProfit))
        .maker(o.maker)
        .time(time(o.tradeTime, e.transactionTime, e.eventTime))
        .build();
  }

  /** The balances and positions of an {@code ACCOUNT_UPDATE}. */
  static AccountUpdate account(UserEventDto.AccountUpdate e) {
    long time = time(e.transactionTime, e.eventTime, 0);
    List<Balance> balances = new ArrayList<>();
    for (UserEventDto.Balance b : e.account.balances) {
      balances.add(
          new Balance(b.asset, dec(b.walletBalance), dec(b.crossWalletBalance), BigDecimal.ZERO));
    }
    List<Position> positions = new ArrayList<>();
    for (UserEventDto.PositionUpdate p : e.account.positions) {
      positions.add(
          new Position(
              p.symbol,
              positionSide(p.positionSide),
              dec(p.positionAmt),
              dec(p.entryPrice),
              null,
              dec(p.unrealizedPnl),
              1,
              "isolated".equalsIgnoreCase(p.marginType) ? MarginType.ISOLATED : MarginType.CROSS,
              time));
    }
    String reason = e.account.reason.isBlank() ? "UNKNOWN" : e.account.reason;
    return new AccountUpdate(time, reason, balances, positions);
  }

  static OrderType type(String binanceType) {
    return switch (binanceType) {
      case "LIMIT", "STOP", "TAKE_PROFIT" -> OrderType.LIMIT;
      default -> OrderType.MARKET; // MARKET, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET
    };
  }

  static @Nullable TimeInForce timeInForce(String tif) {
    return switch (tif) {
      case "GTC" -> TimeInForce.GTC;
      case "IOC" -> TimeInForce.IOC;
      case "FOK" -> TimeInForce.FOK;
      case "GTX" -> TimeInForce.GTX;
      default -> null;
    };
  }

  /**
   * The status; Binance's liquidation states ({@code NEW_INSURANCE}, {@code NEW_ADL}) and any
   * unknown one are derived from the filled amount.
   */
  static OrderStatus status(String status, BigDecimal executed, BigDecimal quantity) {
    try {
      return OrderStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      if (executed.signum() == 0) {
        return OrderStatus.NEW;
      }
      return executed.compareTo(quantity) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
    }
  }

  static PositionSide positionSide(String ps) {
    return ps.isEmpty() ? PositionSide.BOTH : PositionSide.valueOf(ps.toUpperCase(Locale.ROOT));
  }

  private static long time(long first, long second, long third) {
    return first > 0 ? first : second > 0 ? second : Math.max(0, third);
  }

  private static BigDecimal dec(String s) {
    return s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.strip());
  }
}
