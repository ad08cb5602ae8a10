package dev.tradekit.binance;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the latest delivered state of recent orders and the ids of recent fills, so that events
 * seen twice (live and again in a REST recovery) reach listeners once, and an order never goes back
 * to an older state. Bounded: the oldest entries are forgotten beyond {@code capacity} of each
 * kind. Not thread-safe: used on the scheduler.
 */
final class DeliveredLog {
  private record OrderState(long updateTime, BigDecimal executed, OrderStatus status) {}

  private final Map<String, OrderState> orders;
  private final Map<String, Boolean> fills;

  DeliveredLog(int capacity) {
    this.orders = bounded(capacity);
    this.fills = bounded(capacity);
  }

  private static <V> Map<String, V> bounded(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * Records {@code order} and returns true when it is news: an order not seen, a later update, or
   * at the same time more filled or a further status.
   */
  boolean markOrder(Order order) {
    String key = order.symbol() + ':' + order.orderId();
    OrderState last = orders.get(key);
    OrderState now = new OrderState(order.updateTime(), order.executedQuantity(), order.status());
    if (last != null && !isNews(last, now)) {
      return false;
    }
    orders.remove(key); // re-insert so that the entry counts as recent
    orders.put(key, now);
    return true;
  }

  private static boolean isNews(OrderState last, OrderState now) {
    if (now.updateTime != last.updateTime) {
      return now.updateTime > last.updateTime;
    }
    int filled = now.executed.compareTo(last.executed);
    if (filled != 0) {
      return filled > 0;
    }
    return now.status != last.status && rank(now.status) >= rank(last.status);
  }

  private static int rank(OrderStatus s) {
    return s.isOpen() ? (s == OrderStatus.NEW ? 0 : 1) : 2;
  }

  /** Records {@code fill} and returns true when its trade id was not delivered before. */
  boolean markFill(Fill fill) {
    return fills.put(fill.symbol() + ':' + fill.tradeId(), Boolean.TRUE) == null;
  }
}
