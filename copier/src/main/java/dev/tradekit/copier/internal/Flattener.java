package dev.tradekit.copier.internal;

import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Closes what the copier opened on a follower, with market orders that can only reduce: one-way
 * orders are reduce-only, hedge-mode orders close their leg. The follower's copied positions are
 * set to what remains.
 *
 * <pre>{@code
 * new Flattener(store, scheduler).flatten(follower).join();
 * }</pre>
 */
final class Flattener {
  private final JournalStore store;
  private final Scheduler scheduler;

  Flattener(JournalStore store, Scheduler scheduler) {
    this.store = store;
    this.scheduler = scheduler;
  }

  /** Flattens every copied position of {@code f}; completes when every order has replied. */
  CompletableFuture<Void> flatten(Follower f) {
    Map<PositionKey, BigDecimal> copied = store.followerPositions(f.name);
    if (copied.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return f.exchange
        .account()
        .snapshot()
        .thenComposeAsync(
            snap -> {
              List<CompletableFuture<?>> orders = new ArrayList<>();
              copied.forEach((key, amount) -> orders.add(close(f, snap, key, amount)));
              return CompletableFuture.allOf(orders.toArray(CompletableFuture[]::new));
            },
            scheduler);
  }

  private CompletableFuture<Void> close(
      Follower f, AccountSnapshot snap, PositionKey key, BigDecimal amount) {
    boolean hedge = snap.positionMode() == PositionMode.HEDGE;
    Side side = amount.signum() > 0 ? Side.SELL : Side.BUY;
    OrderRequest request =
        OrderRequest.builder()
            .symbol(key.symbol())
            .side(side)
            .type(OrderType.MARKET)
            .quantity(amount.abs())
            .reduceOnly(!hedge)
            .positionSide(
                hedge
                    ? (amount.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT)
                    : PositionSide.BOTH)
            .build();
    return f.exchange
        .trading()
        .place(request)
        .thenAcceptAsync(
            (Order o) -> {
              BigDecimal done =
                  side == Side.BUY ? o.executedQuantity() : o.executedQuantity().negate();
              store.setFollowerPosition(f.name, key, amount.add(done));
            },
            scheduler);
  }
}
