package dev.tradekit.bybit;

import dev.tradekit.api.model.OrderStatus;
import java.math.BigDecimal;

/**
 * Maps Bybit's {@code orderStatus} (with the executed quantity) onto the SPI's {@link OrderStatus}.
 *
 * <p>{@code New}, {@code Created} and {@code Untriggered} (a conditional order waiting for its
 * trigger) are open and unfilled ({@link OrderStatus#NEW}); {@code Triggered} is {@link
 * OrderStatus#TRIGGERED}; {@code Cancelled}, {@code PartiallyFilledCanceled} and {@code
 * Deactivated} are {@link OrderStatus#CANCELED} whether or not part of the order filled; a {@code
 * Rejected} order that has fills is {@link OrderStatus#CANCELED} too (the venue filled part of it
 * and then rejected the rest), otherwise {@link OrderStatus#REJECTED}.
 */
final class BybitOrderStatuses {
  private BybitOrderStatuses() {}

  /**
   * @param orderStatus the venue's value, e.g. {@code PartiallyFilled}
   * @param cumExecQty the executed quantity, e.g. {@code "0.010"}; empty means zero
   * @throws IllegalArgumentException for a status Bybit does not document
   */
  static OrderStatus map(String orderStatus, String cumExecQty) {
    return switch (orderStatus) {
      case "New", "Created", "Untriggered" -> OrderStatus.NEW;
      case "Triggered" -> OrderStatus.TRIGGERED;
      case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
      case "Filled" -> OrderStatus.FILLED;
      case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderStatus.CANCELED;
      case "Rejected" -> hasFills(cumExecQty) ? OrderStatus.CANCELED : OrderStatus.REJECTED;
      default ->
          throw new IllegalArgumentException("unknown Bybit orderStatus '" + orderStatus + "'");
    };
  }

  private static boolean hasFills(String cumExecQty) {
    return !cumExecQty.isEmpty() && new BigDecimal(cumExecQty).signum() > 0;
  }
}
