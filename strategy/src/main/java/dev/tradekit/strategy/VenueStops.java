package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Trigger;
import dev.tradekit.api.runtime.Scheduler;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The engine's stop-loss, take-profit and trailing stop as conditional orders resting on the venue,
 * for the rules whose order type the venue supports ({@code Capabilities.supports}); the others
 * stay engine rules ({@link ExitRules}).
 *
 * <p>For a position of quantity {@code q} entered at {@code e} (a long; a short mirrors it): a
 * reduce-only SELL {@code STOP_MARKET} of {@code q} triggered at {@code e·(1 − stopLoss)}, a
 * reduce-only SELL {@code TAKE_PROFIT_MARKET} at {@code e·(1 + takeProfit)}, both rounded onto the
 * tick grid toward the market by {@link Instrument#roundTriggerPrice}, and a reduce-only SELL
 * {@code TRAILING_STOP_MARKET} with callback rate {@code trailingStop × 100} percent (rounded to
 * 0.1). Client ids are {@code <name>-<sl|tp|ts>_<time base 36>_<sequence base 36>}.
 *
 * <p>Each time the engine reads the venue's position they follow it: a new quantity or entry
 * cancels them and places them anew, a flat position cancels them. When one fires (TRIGGERED or
 * FILLED) the engine's wish becomes flat and nothing is placed again until the position has been
 * read changed, so a stop never exits twice nor re-protects a position it is closing. A venue that
 * refuses one (invalid or rejected, e.g. a callback rate outside its range) hands that rule back to
 * the engine for good; an order whose placement has an unknown fate is looked up, and the rule is
 * checked by the engine until the next change of position when it is not found. At start the
 * engine's leftover conditional orders of the symbol (its client id prefix) are cancelled; at stop
 * all are cancelled, so none is left behind. Runs on the engine's scheduler.
 */
final class VenueStops {
  private static final System.Logger LOG = System.getLogger(VenueStops.class.getName());
  private static final ExitRules.Reason[] RULES = ExitRules.Reason.values();
  private static final String[] TAGS = {"sl", "ts", "tp"};

  /** The engine side of the venue stops. */
  interface Host {
    /** A venue stop fired: the engine's wish becomes flat and the position is read again. */
    void fired(ExitRules.Reason rule, Order order);

    /** A venue call failed. */
    void error(Throwable error);
  }

  private final Exchange exchange;
  private final Scheduler scheduler;
  private final String symbol;
  private final String prefix;
  private final ExitRules exits;
  private final Host host;

  /** Per rule (by ordinal): the venue may hold it (supported and never refused). */
  private final boolean[] usable = new boolean[RULES.length];

  /** Per rule: the client id of the order resting for it, or null. */
  private final @Nullable String[] live = new String[RULES.length];

  /** Market orders placed by fired stops: their end makes the engine read the position. */
  private final Set<String> triggeredOrders = ConcurrentHashMap.newKeySet();

  private @Nullable Instrument instrument;
  private BigDecimal protectedQty = BigDecimal.ZERO;
  private double protectedEntry = Double.NaN;
  private boolean firing;
  private long sequence;

  VenueStops(
      Exchange exchange,
      Scheduler scheduler,
      String name,
      String symbol,
      ExitRules exits,
      boolean enabled,
      Host host) {
    this.exchange = exchange;
    this.scheduler = scheduler;
    this.symbol = symbol;
    this.prefix = name + "-";
    this.exits = exits;
    this.host = host;
    for (ExitRules.Reason rule : RULES) {
      usable[rule.ordinal()] =
          enabled && exits.fraction(rule) > 0 && exchange.capabilities().supports(type(rule));
      exits.onVenue(rule, usable[rule.ordinal()]);
    }
  }

  static OrderType type(ExitRules.Reason rule) {
    return switch (rule) {
      case STOP_LOSS -> OrderType.STOP_MARKET;
      case TRAILING_STOP -> OrderType.TRAILING_STOP_MARKET;
      case TAKE_PROFIT -> OrderType.TAKE_PROFIT_MARKET;
    };
  }

  /** True when at least one rule rests on the venue. */
  boolean any() {
    for (boolean u : usable) {
      if (u) {
        return true;
      }
    }
    return false;
  }

  /** A stop fired and the position has not been read changed since: the engine sends nothing. */
  boolean firing() {
    return firing;
  }

  /**
   * The fired stop's market order ended without closing the position: the engine takes the exit
   * over. The other stops stay cancelled until the position reads changed.
   */
  void abandonFiring() {
    firing = false;
  }

  /** Whether {@code orderId} is the market order of a fired stop (any thread). */
  boolean isTriggeredOrder(String orderId) {
    return triggeredOrders.contains(orderId);
  }

  /**
   * Started: cancels the engine's leftover conditional orders of the symbol, then protects the
   * position read at start.
   */
  CompletableFuture<Void> start(Instrument i, BigDecimal position, double entry) {
    this.instrument = i;
    if (!any()) {
      return CompletableFuture.completedFuture(null);
    }
    return exchange
        .trading()
        .openOrders(symbol)
        .thenCompose(
            open -> {
              List<CompletableFuture<Void>> cancels = new ArrayList<>();
              for (Order o : open) {
                String cid = o.clientOrderId();
                if (o.type().isConditional() && cid != null && cid.startsWith(prefix)) {
                  cancels.add(cancel(cid));
                }
              }
              return CompletableFuture.allOf(cancels.toArray(new CompletableFuture<?>[0]));
            })
        .thenRunAsync(() -> onPosition(position, entry), scheduler);
  }

  /** The position as read from the venue: the stops follow it. */
  void onPosition(BigDecimal position, double entry) {
    if (instrument == null || !any()) {
      return;
    }
    boolean same =
        position.compareTo(protectedQty) == 0
            && (position.signum() == 0 || Double.compare(entry, protectedEntry) == 0);
    if (same) {
      return; // a fired stop waits for the position to change; the others are in place
    }
    firing = false;
    cancelLive();
    protectedQty = position;
    protectedEntry = entry;
    for (ExitRules.Reason rule : RULES) {
      exits.onVenue(rule, usable[rule.ordinal()]);
    }
    if (position.signum() != 0) {
      for (ExitRules.Reason rule : RULES) {
        if (usable[rule.ordinal()]) {
          place(rule);
        }
      }
    }
  }

  /**
   * An order update (on the scheduler): true when it is the end of one of the live stops, which
   * makes the engine read the position.
   */
  boolean onUpdate(Order order) {
    String cid = order.clientOrderId();
    if (cid == null || !order.status().isTerminal()) {
      return false;
    }
    for (ExitRules.Reason rule : RULES) {
      if (cid.equals(live[rule.ordinal()])) {
        live[rule.ordinal()] = null;
        if (order.status() == OrderStatus.TRIGGERED || order.status() == OrderStatus.FILLED) {
          String market = order.triggeredOrderId();
          if (market != null) {
            triggeredOrders.add(market);
          }
          firing = true;
          cancelLive(); // the other stops of the closed position
          host.fired(rule, order);
        } else if (protectedQty.signum() != 0) {
          // cancelled or expired by the venue, not by the engine: the engine checks the rule
          exits.onVenue(rule, false);
        }
        return true;
      }
    }
    return false;
  }

  /** Cancels every resting stop (engine stopping); completes when the venue has answered. */
  CompletableFuture<Void> cancelAll() {
    protectedQty = BigDecimal.ZERO;
    protectedEntry = Double.NaN;
    return cancelLive();
  }

  private CompletableFuture<Void> cancelLive() {
    List<CompletableFuture<Void>> cancels = new ArrayList<>();
    for (int k = 0; k < live.length; k++) {
      String cid = live[k];
      if (cid != null) {
        live[k] = null;
        cancels.add(cancel(cid));
      }
    }
    return CompletableFuture.allOf(cancels.toArray(new CompletableFuture<?>[0]));
  }

  /** Cancels by client id; an order the venue no longer has (fired, expired) is no error. */
  private CompletableFuture<Void> cancel(String cid) {
    return exchange
        .trading()
        .cancel(OrderRef.byClientId(symbol, cid))
        .handleAsync(
            (o, e) -> {
              Throwable t = e == null ? null : Engine.unwrap(e);
              if (t != null && !(t instanceof OrderNotFoundException)) {
                host.error(t);
              }
              return null;
            },
            scheduler);
  }

  private void place(ExitRules.Reason rule) {
    Instrument i = instrumentOrThrow();
    OrderRequest request = request(i, rule);
    if (request == null) {
      usable[rule.ordinal()] = false;
      exits.onVenue(rule, false);
      return;
    }
    String cid = request.clientOrderId();
    live[rule.ordinal()] = cid;
    BigDecimal forQty = protectedQty;
    exchange
        .trading()
        .place(request)
        .whenCompleteAsync(
            (order, e) -> {
              if (e == null) {
                if (order.status().isTerminal()) {
                  onUpdate(order); // fired at once: the price was already past the trigger
                }
                return;
              }
              Throwable t = Engine.unwrap(e);
              host.error(t);
              if (!Objects.equals(cid, live[rule.ordinal()])) {
                return; // replaced meanwhile
              }
              if (t instanceof InvalidOrderException || t instanceof OrderRejectedException) {
                LOG.log(
                    Level.WARNING,
                    prefix + " venue refuses the " + rule + " order; the engine checks it: " + t);
                live[rule.ordinal()] = null;
                usable[rule.ordinal()] = false;
                exits.onVenue(rule, false);
              } else {
                lookUp(rule, cid, forQty);
              }
            },
            scheduler);
  }

  /** A placement of unknown fate: the engine checks the rule unless the venue has the order. */
  private void lookUp(ExitRules.Reason rule, String cid, BigDecimal forQty) {
    exchange
        .trading()
        .order(OrderRef.byClientId(symbol, cid))
        .whenCompleteAsync(
            (found, e) -> {
              if (!cid.equals(live[rule.ordinal()]) || protectedQty.compareTo(forQty) != 0) {
                return;
              }
              if (e != null || found.isEmpty()) {
                if (e != null) {
                  host.error(Engine.unwrap(e));
                }
                live[rule.ordinal()] = e == null ? null : cid; // unknown: cancelled on change
                exits.onVenue(rule, false);
              } else if (found.get().status().isTerminal()) {
                onUpdate(found.get());
              }
            },
            scheduler);
  }

  /** The conditional order protecting the current position by {@code rule}, or null if none. */
  private @Nullable OrderRequest request(Instrument i, ExitRules.Reason rule) {
    boolean longPosition = protectedQty.signum() > 0;
    Side side = longPosition ? Side.SELL : Side.BUY;
    BigDecimal qty = i.roundQuantity(protectedQty.abs(), OrderType.MARKET);
    if (qty.signum() == 0) {
      return null;
    }
    double fraction = exits.fraction(rule);
    OrderType type = type(rule);
    Trigger trigger;
    if (rule == ExitRules.Reason.TRAILING_STOP) {
      BigDecimal rate = BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_UP);
      if (rate.signum() == 0) {
        return null;
      }
      trigger = Trigger.trailing(rate);
    } else {
      boolean adverse = rule == ExitRules.Reason.STOP_LOSS;
      double move = (adverse == longPosition) ? 1 - fraction : 1 + fraction;
      double raw = protectedEntry * move;
      if (!(raw > 0) || Double.isInfinite(raw)) {
        return null;
      }
      trigger = Trigger.at(i.roundTriggerPrice(BigDecimal.valueOf(raw), side, type));
    }
    String cid =
        prefix
            + TAGS[rule.ordinal()]
            + "_" // Bybit's orderLinkId takes letters, digits, '-' and '_' only (no '.')
            + Long.toString(scheduler.currentTimeMillis(), 36)
            + "_"
            + Long.toString(sequence++, 36);
    return OrderRequest.builder()
        .symbol(symbol)
        .side(side)
        .type(type)
        .quantity(qty)
        .trigger(trigger)
        .reduceOnly(true)
        .clientOrderId(cid)
        .build();
  }

  private Instrument instrumentOrThrow() {
    Instrument i = instrument;
    if (i == null) {
      throw new IllegalStateException("venue stops not started");
    }
    return i;
  }
}
