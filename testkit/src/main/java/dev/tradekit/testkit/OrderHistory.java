package dev.tradekit.testkit;

import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every order of every account as last reported by the venue's user events, the source of {@code
 * GET /fapi/v1/allOrders} and, for conditional orders, {@code GET /fapi/v1/allAlgoOrders} (the
 * simulator keeps only a window of terminal orders).
 */
final class OrderHistory {
  private final Map<String, Map<Long, Order>> byAccount = new ConcurrentHashMap<>();

  /** A listener that records account {@code apiKey}'s order updates. */
  UserEventListener listener(String apiKey) {
    Map<Long, Order> orders = byAccount.computeIfAbsent(apiKey, k -> new TreeMap<>());
    return new UserEventListener() {
      @Override
      public void onOrderUpdate(Order order) {
        synchronized (orders) {
          orders.put(BinanceWire.orderId(order.orderId()), order);
        }
      }
    };
  }

  /** Records an order a REST call returned (so a reply and the history agree at once). */
  void record(String apiKey, Order order) {
    Map<Long, Order> orders = byAccount.computeIfAbsent(apiKey, k -> new TreeMap<>());
    synchronized (orders) {
      orders.merge(
          BinanceWire.orderId(order.orderId()),
          order,
          (old, now) -> now.updateTime() >= old.updateTime() ? now : old);
    }
  }

  /** The last reported state of account {@code apiKey}'s order {@code orderId}, or null. */
  @Nullable Order find(String apiKey, String orderId) {
    Map<Long, Order> orders = byAccount.getOrDefault(apiKey, Map.of());
    synchronized (orders) {
      return orders.get(BinanceWire.orderId(orderId));
    }
  }

  /** The account's orders of {@code symbol}, of every kind (see the overload). */
  List<Order> orders(
      String apiKey, String symbol, @Nullable Long fromId, @Nullable Long startTime, int limit) {
    return orders(apiKey, symbol, fromId, startTime, limit, o -> true);
  }

  /**
   * The account's orders of {@code symbol} that pass {@code kind}, in id order: from id {@code
   * fromId} if given, else created at or after {@code startTime} if given; at most {@code limit}.
   */
  List<Order> orders(
      String apiKey,
      String symbol,
      @Nullable Long fromId,
      @Nullable Long startTime,
      int limit,
      Predicate<Order> kind) {
    Map<Long, Order> orders = byAccount.getOrDefault(apiKey, Map.of());
    List<Order> out = new ArrayList<>();
    synchronized (orders) {
      for (Map.Entry<Long, Order> e : orders.entrySet()) {
        Order o = e.getValue();
        if (!o.symbol().equals(symbol)
            || !kind.test(o)
            || (fromId != null && e.getKey() < fromId)
            || (fromId == null && startTime != null && o.createTime() < startTime)) {
          continue;
        }
        out.add(o);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }
}
