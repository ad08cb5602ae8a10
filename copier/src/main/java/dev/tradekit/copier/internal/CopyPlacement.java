package dev.tradekit.copier.internal;

import dev.tradekit.api.MarginModes;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.TimeInForce;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.CopyRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Puts one journaled copy on the follower's venue: the margin type and leverage its policy asks for
 * (set before an opening copy, never failing it), then the order itself, bounded by the follower's
 * send deadline when instances share the journal.
 *
 * <pre>{@code
 * placement.mirror(r.clientOrderId(), leaderLeverage, leaderMarginType);
 * placement.place(follower, r).whenCompleteAsync(handler, scheduler);
 * }</pre>
 *
 * <p>Runs on the copier's scheduler thread; venue replies are handed back to it.
 */
final class CopyPlacement {
  private final Scheduler scheduler;
  private final Events events;
  private final TradeGuard guard;

  /** Leverage to mirror, by client order id, decided when the copy was planned. */
  private final Map<String, Integer> mirrorLeverage = new HashMap<>();

  /** Margin type to mirror, by client order id, decided when the copy was planned. */
  private final Map<String, MarginType> mirrorMarginType = new HashMap<>();

  CopyPlacement(Scheduler scheduler, Events events, TradeGuard guard) {
    this.scheduler = scheduler;
    this.events = events;
    this.guard = guard;
  }

  /** Remembers the leader's leverage and margin type to mirror for the copy {@code clientId}. */
  void mirror(String clientId, @Nullable Integer leverage, @Nullable MarginType marginType) {
    if (leverage != null) {
      mirrorLeverage.put(clientId, leverage);
    }
    if (marginType != null) {
      mirrorMarginType.put(clientId, marginType);
    }
  }

  /** Sets margin type and leverage where needed, then places the copy's order. */
  CompletableFuture<Order> place(Follower f, CopyRecord r) {
    return marginType(f, r)
        .thenCompose(v -> leverage(f, r))
        // the deadline is read again right before the order leaves: a setting call may have
        // taken long, and a renewal since may have moved it on
        .thenCompose(v -> placeBounded(f, r));
  }

  /**
   * Places the copy, bounded by the follower's send deadline when this instance shares the
   * follower's journal with others: the venue then refuses it if it arrives after the lease could
   * have passed to another instance. A venue that cannot bound the arrival gets a plain placement
   * (reported once per follower: the stall window is then open, see docs/copier.md).
   */
  private CompletableFuture<Order> placeBounded(Follower f, CopyRecord r) {
    long deadline = guard.sendDeadline(f);
    if (deadline == TradeGuard.UNBOUNDED) {
      return f.exchange.trading().place(request(r));
    }
    if (deadline <= now()) {
      return CompletableFuture.failedFuture(
          new LeaseLostException(Fence.follower(f.name), "too little of the lease left to send"));
    }
    return f.exchange
        .trading()
        .placeBefore(request(r), Instant.ofEpochMilli(deadline))
        .exceptionallyComposeAsync(
            e -> {
              if (!(Failures.unwrap(e) instanceof UnsupportedOperationException)) {
                return CompletableFuture.failedFuture(e);
              }
              if (!f.unfencedReported) {
                f.unfencedReported = true;
                events.error(
                    "follower "
                        + f.name
                        + ": its venue "
                        + f.exchange.venue()
                        + " cannot refuse a late order, so its copies are not fenced at the venue",
                    Failures.unwrap(e));
              }
              return guard.sendDeadline(f) > now()
                  ? f.exchange.trading().place(request(r))
                  : CompletableFuture.failedFuture(
                      new LeaseLostException(
                          Fence.follower(f.name), "too little of the lease left to send"));
            },
            scheduler);
  }

  /**
   * Sets the follower's margin type on the symbol before an opening copy when a policy asks for
   * one. Never fails the copy: a venue without margin modes, or a refusal (e.g. an open position),
   * is reported and the order goes ahead on the current type.
   */
  private CompletableFuture<Void> marginType(Follower f, CopyRecord r) {
    MarginType wanted = f.settings.fixedMarginType();
    MarginType mirrored = mirrorMarginType.remove(r.clientOrderId());
    if (wanted == null) {
      wanted = mirrored;
    }
    if (wanted == null || !CopyPlanner.opens(r) || wanted == f.marginTypeSet.get(r.symbol())) {
      return CompletableFuture.completedFuture(null);
    }
    MarginType type = wanted;
    Optional<MarginModes> modes = f.exchange.marginModes();
    if (modes.isEmpty()) {
      f.marginTypeSet.put(r.symbol(), type); // tell once per symbol
      events.error(
          "follower "
              + f.name
              + ": its venue "
              + f.exchange.venue()
              + " cannot set the margin type; "
              + r.symbol()
              + " is copied without setting it to "
              + type,
          new UnsupportedOperationException("no margin modes on " + f.exchange.venue()));
      return CompletableFuture.completedFuture(null);
    }
    return modes
        .get()
        .setMarginType(r.symbol(), type)
        .handleAsync(
            (v, error) -> {
              if (error == null) {
                f.marginTypeSet.put(r.symbol(), type);
              } else {
                events.error(
                    "follower "
                        + f.name
                        + ": could not set the margin type of "
                        + r.symbol()
                        + " to "
                        + type
                        + " ("
                        + Failures.describe(error)
                        + "); copying on the current type",
                    Failures.unwrap(error));
              }
              return null;
            },
            scheduler);
  }

  private CompletableFuture<Void> leverage(Follower f, CopyRecord r) {
    Integer wanted = f.settings.fixedLeverage();
    Integer mirrored = mirrorLeverage.remove(r.clientOrderId());
    if (wanted == null) {
      wanted = mirrored;
    }
    if (wanted == null || !CopyPlanner.opens(r) || wanted.equals(f.leverageSet.get(r.symbol()))) {
      return CompletableFuture.completedFuture(null);
    }
    int lev = wanted;
    return f.exchange
        .trading()
        .setLeverage(r.symbol(), lev)
        .thenRunAsync(() -> f.leverageSet.put(r.symbol(), lev), scheduler);
  }

  static OrderRequest request(CopyRecord r) {
    if (r.quantity() == null || r.positionSide() == null) {
      throw new IllegalStateException("copy " + r.clientOrderId() + " is not sized");
    }
    return OrderRequest.builder()
        .symbol(r.symbol())
        .side(r.side())
        .type(r.price() == null ? OrderType.MARKET : OrderType.LIMIT)
        .timeInForce(r.price() == null ? null : TimeInForce.IOC)
        .quantity(Objects.requireNonNull(r.quantity()))
        .price(r.price())
        .reduceOnly(r.reduceOnly())
        .positionSide(Objects.requireNonNull(r.positionSide()))
        .clientOrderId(r.clientOrderId())
        .build();
  }

  private long now() {
    return scheduler.currentTimeMillis();
  }
}
