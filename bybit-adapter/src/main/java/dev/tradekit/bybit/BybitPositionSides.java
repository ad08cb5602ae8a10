package dev.tradekit.bybit;

import dev.tradekit.api.model.PositionSide;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which position leg each order is on. Bybit's executions carry no {@code positionIdx}; it is known
 * from the orders this exchange placed and from the {@code order} topic, and otherwise, in hedge
 * mode, from the fill itself: a fill that closes ({@code closedSize > 0}) is on the opposite leg of
 * its side, one that opens on its own side's leg. Remembers the last {@link #CAPACITY} orders.
 * Thread-safe.
 */
final class BybitPositionSides {
  static final int CAPACITY = 20_000;

  private final Map<String, PositionSide> byOrderId =
      new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PositionSide> eldest) {
          return size() > CAPACITY;
        }
      };
  private volatile boolean hedge;

  synchronized void remember(String orderId, PositionSide side) {
    byOrderId.put(orderId, side);
    if (side != PositionSide.BOTH) {
      hedge = true;
    }
  }

  /** The account is (now) in hedge mode ({@code true}) or one-way. */
  void hedgeMode(boolean hedge) {
    this.hedge = hedge;
  }

  /** Whether the account was last seen in hedge mode. */
  boolean hedgeMode() {
    return hedge;
  }

  /** The leg of a fill of {@code orderId}; see the class comment. */
  synchronized PositionSide of(BybitWire.ExecutionDto e) {
    PositionSide known = byOrderId.get(e.orderId);
    if (known != null) {
      return known;
    }
    if (!hedge) {
      return PositionSide.BOTH;
    }
    boolean closes = !e.closedSize.isEmpty() && new BigDecimal(e.closedSize).signum() > 0;
    boolean buy = "Buy".equals(e.side);
    return buy != closes ? PositionSide.LONG : PositionSide.SHORT;
  }
}
