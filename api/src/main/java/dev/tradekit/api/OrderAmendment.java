package dev.tradekit.api;

import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Order;
import java.util.concurrent.CompletableFuture;

/**
 * Changes the price and quantity of a resting limit order in place: it keeps its id but loses its
 * queue position.
 *
 * <pre>{@code
 * exchange.amendment().ifPresent(a -> a.amend(new AmendRequest(ref, Side.BUY, qty, newPrice)));
 * }</pre>
 */
public interface OrderAmendment {

  /** Amends one order; completes with the order as it is after the change. */
  CompletableFuture<Order> amend(AmendRequest request);
}
