package dev.tradekit.api;

import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;

/**
 * Receives the account's own events: order updates, fills, balance and position changes, and the
 * state of the stream's connection.
 *
 * <pre>{@code
 * exchange.streams().userEvents(new UserEventListener() {
 *   public void onFill(Fill fill) { scheduler.execute(() -> copier.onLeaderFill(fill)); }
 * });
 * }</pre>
 *
 * <p>Called on the exchange's event thread, in the venue's order; must not block. A fill is
 * reported by both {@link #onOrderUpdate} (the order's new state) and {@link #onFill} (the trade).
 */
public interface UserEventListener {

  /** A listener that ignores everything. */
  UserEventListener NONE = new UserEventListener() {};

  /** An order changed state (new, partially filled, filled, cancelled, expired, amended). */
  default void onOrderUpdate(Order order) {}

  /** One execution of one of the account's orders. */
  default void onFill(Fill fill) {}

  /** Balances or positions changed. */
  default void onAccountUpdate(AccountUpdate update) {}

  /** The stream connected, dropped, or came back after a gap (missed events already delivered). */
  default void onConnectionState(ConnectionState state) {}
}
