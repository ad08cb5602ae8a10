package dev.tradekit.binance;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches over REST what the user stream may have missed during a gap: the open orders and open
 * algo (conditional) orders, the final state of each algo order that was open before the gap and is
 * no longer listed (its {@code ALGO_UPDATE} was missed: fired, cancelled or expired), then for
 * every symbol seen before the gap or holding open orders, the orders updated, the algo orders
 * created (so one placed and finished inside the gap is not missed) and the fills made since a
 * time. The result is in time order, an order's update before the fills of the same moment, ready
 * to be filtered by {@link DeliveredLog} and delivered. Runs off the scheduler (on the REST
 * client's threads); holds no shared state.
 */
final class GapRecovery {
  private GapRecovery() {}

  /** One recovered event: an order state or a fill. */
  record Event(long time, int kind, Object value) {
    static final int ORDER = 0;
    static final int FILL = 1;

    Order order() {
      return (Order) value;
    }

    Fill fill() {
      return (Fill) value;
    }
  }

  /**
   * The missed events since {@code since} for {@code seenSymbols} plus those with open orders, and
   * the final state of the algo orders of {@code openAlgos} (order id to symbol) no longer open.
   */
  static CompletableFuture<List<Event>> recover(
      StreamRestCalls rest, Set<String> seenSymbols, Map<String, String> openAlgos, long since) {
    Set<String> symbols = new LinkedHashSet<>(seenSymbols);
    return rest.openOrders()
        .thenCombine(algoOrders(rest, openAlgos), BinanceTrading::concat)
        .thenCompose(
            open -> {
              for (Order o : open) {
                symbols.add(o.symbol());
              }
              List<CompletableFuture<List<Order>>> orders = new ArrayList<>();
              List<CompletableFuture<List<Fill>>> fills = new ArrayList<>();
              for (String s : symbols) {
                orders.add(rest.ordersSince(s, since));
                orders.add(rest.algoOrdersSince(s, since)); // placed and finished in the gap
                fills.add(rest.userTradesSince(s, since));
              }
              List<CompletableFuture<?>> all = new ArrayList<>(orders);
              all.addAll(fills);
              return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0]))
                  .thenApply(v -> merge(open, orders, fills, since));
            });
  }

  /** The open algo orders, then the final state of each known one no longer listed. */
  private static CompletableFuture<List<Order>> algoOrders(
      StreamRestCalls rest, Map<String, String> openAlgos) {
    return rest.openAlgoOrders()
        .thenCompose(
            open -> {
              Set<String> listed = new HashSet<>();
              for (Order o : open) {
                listed.add(o.orderId());
              }
              List<CompletableFuture<Order>> gone = new ArrayList<>();
              openAlgos.forEach(
                  (orderId, symbol) -> {
                    if (!listed.contains(orderId)) {
                      gone.add(rest.algoOrder(symbol, orderId));
                    }
                  });
              return CompletableFuture.allOf(gone.toArray(new CompletableFuture<?>[0]))
                  .thenApply(
                      v -> {
                        List<Order> all = new ArrayList<>(open);
                        gone.forEach(f -> all.add(f.join()));
                        return all;
                      });
            });
  }

  private static List<Event> merge(
      List<Order> open,
      List<CompletableFuture<List<Order>>> orders,
      List<CompletableFuture<List<Fill>>> fills,
      long since) {
    Map<String, Order> latest = new HashMap<>();
    List<Order> candidates = new ArrayList<>(open);
    for (CompletableFuture<List<Order>> f : orders) {
      candidates.addAll(f.join());
    }
    for (Order o : candidates) {
      if (o.updateTime() >= since) {
        latest.merge(
            o.symbol() + ':' + o.orderId(), o, (a, b) -> b.updateTime() > a.updateTime() ? b : a);
      }
    }
    List<Event> events = new ArrayList<>();
    for (Order o : latest.values()) {
      events.add(new Event(o.updateTime(), Event.ORDER, o));
    }
    for (CompletableFuture<List<Fill>> f : fills) {
      for (Fill fill : f.join()) {
        if (fill.time() >= since) {
          events.add(new Event(fill.time(), Event.FILL, fill));
        }
      }
    }
    events.sort(Comparator.comparingLong(Event::time).thenComparingInt(Event::kind));
    return events;
  }
}
