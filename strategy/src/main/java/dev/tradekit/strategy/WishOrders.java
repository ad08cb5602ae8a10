package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.RiskManager;
import dev.tradekit.execution.TargetOrder;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's position wish turned into venue orders, and its exits kept from getting stuck. Runs
 * on the engine's scheduler.
 *
 * <p><b>One order at a time.</b> Its client id is {@code <name>-<bar open time, base 36>} (a
 * retried exit adds {@code .<attempt>}), so the decision of one bar has one id: an order whose fate
 * is unknown (timeout, transport error, duplicate id) is looked up by that id before anything else
 * is sent, and on the first bar after a start the id is looked up before placing. A refused entry
 * is dropped (the strategy may wish again).
 *
 * <p><b>Exits.</b> An order toward flat (a flat wish, an engine stop rule, the loss limit) has a
 * deadline of {@code exitTimeout} on the scheduler. Past it, the order is looked up by client id
 * and cancelled if still open; an answer that does not come is waited for again, never
 * blind-retried. An exit order that is rejected, expires, is cancelled or is not found leaves the
 * position open: that is one failed attempt, reported as an {@link ExitFailedException}, and the
 * next exit order is sent at once. After {@code exitAttempts} the engine gives up (reported) and
 * takes no wish until the position is read flat. A venue stop that fired is given the same
 * deadline: if its market order ends unfilled, or the position has not changed by then (its market
 * order looked up by id and cancelled if open), the engine takes the exit over. Never two exits in
 * flight: the engine sends its own only once the previous order (its own or the stop's) is known to
 * have ended.
 */
final class WishOrders {
  private static final System.Logger LOG = System.getLogger(WishOrders.class.getName());

  private final Engine engine;
  private final StrategyEngine.Builder settings;
  private final Exchange exchange;
  private final Scheduler scheduler;
  private final VenueStops stops;
  private final RiskManager risk;
  private final String name;
  private final String symbol;

  private boolean lookupFirst = true;
  private @Nullable String inFlight;
  private boolean inFlightExit;
  private long inFlightBarOpen;
  private int repliesAwaited;
  private long generation;
  private long ordersSent;
  private long lastBarOpen;
  private double lastClose = Double.NaN;
  private int failedExits;
  private boolean gaveUp;
  private @Nullable Cancellable deadline;
  private @Nullable Order firedStop;

  /** The order whose end a position read in flight was asked for; its answer settles it. */
  private @Nullable String reading;

  /** {@link #orderEnded} was called again for {@link #reading} while the read was in flight. */
  private boolean readAgain;

  /**
   * The tick scale of the instrument's tick size, made at the first order (see {@link #decimal}).
   */
  private @Nullable TickScale tickScale;

  WishOrders(Engine engine, StrategyEngine.Builder settings, VenueStops stops, RiskManager risk) {
    this.engine = engine;
    this.settings = settings;
    this.exchange = settings.exchange();
    this.scheduler = settings.scheduler();
    this.stops = stops;
    this.risk = risk;
    this.name = settings.name();
    this.symbol = settings.symbol();
  }

  long ordersSent() {
    return ordersSent;
  }

  /** An exit gave up after its last attempt: no wish is taken until the position reads flat. */
  boolean gaveUp() {
    return gaveUp;
  }

  /** A fresh bar closed: the order toward the wish, or a question about the one in flight. */
  void onBar(long barOpen, double close) {
    lastBarOpen = barOpen;
    lastClose = close;
    if (inFlight != null) {
      checkInFlight();
    } else if (engine.target() != engine.position()) {
      act(); // (a bar that leaves the wish where the position is costs two reads)
    }
  }

  /** The venue's position was read: a flat one ends any exit trouble. */
  void onPosition(int direction) {
    if (direction == 0) {
      failedExits = 0;
      gaveUp = false;
      firedStop = null;
    }
  }

  // ---------------------------------------------------------------- placing

  /** Sends the order that moves the position to the wish, when they differ. */
  private void act() {
    int target = engine.target();
    int direction = engine.position();
    if (target == direction || stops.firing() || gaveUp || Double.isNaN(lastClose)) {
      return; // a fired venue stop is closing the position, or the exit gave up
    }
    Instrument i = engine.instrument();
    double price = lastClose;
    BigDecimal position = engine.positionQuantity();
    BigDecimal wanted = BigDecimal.ZERO;
    if (target != 0) {
      BigDecimal size = settings.sizing().quantity(i, price);
      if (settings.maxPosition != null && size.compareTo(settings.maxPosition) > 0) {
        size = i.roundQuantity(settings.maxPosition, OrderType.MARKET);
      }
      if (size.signum() == 0) {
        LOG.log(Level.WARNING, name + ": size rounds to 0 at " + price + ", no order");
        engine.dropWish();
        return;
      }
      wanted = target > 0 ? size : size.negate();
    }
    BigDecimal delta = wanted.subtract(position);
    if (delta.signum() == 0) {
      return;
    }
    TargetOrder order =
        TargetOrder.market(delta.signum() > 0 ? Side.BUY : Side.SELL, delta.abs(), target == 0);
    BigDecimal px = decimal(i, price);
    // the close stands in for the book and the mark (minimum notional of a market order)
    RiskManager.Outcome checked = risk.filter(List.of(order), i, px, px, px, position);
    if (checked.accepted().isEmpty()) {
      LOG.log(Level.WARNING, name + ": risk limits drop the wish: " + checked.rejected());
      engine.dropWish(); // a refused wish is dropped; the strategy may wish again
      return;
    }
    String id =
        name
            + "-"
            + Long.toString(lastBarOpen, 36)
            + (failedExits == 0 ? "" : "." + Integer.toString(failedExits, 36));
    OrderRequest request = RiskManager.request(i, checked.accepted().get(0), id);
    inFlight = id;
    inFlightExit = target == 0;
    inFlightBarOpen = lastBarOpen;
    if (inFlightExit) {
      armDeadline(() -> exitDeadline(id));
    }
    if (lookupFirst) {
      lookupFirst = false;
      lookUp(id, request);
    } else {
      send(id, request);
    }
  }

  /**
   * The close as a decimal: the tick-grid price whose nearest double it is (the close of a bar on
   * the instrument's grid), with no text conversion; else {@link BigDecimal#valueOf(double)}. With
   * at most 15 significant digits a grid price is the only decimal that short with that double, so
   * it has the value {@code valueOf} gives (the risk checks compare values only).
   */
  static BigDecimal decimal(@Nullable TickScale scale, double price) {
    if (scale != null && price > 0 && price < 1e15) {
      double ticks = Math.rint(price / scale.tickSize().doubleValue());
      if (ticks < 0x1p52) {
        long k = (long) ticks;
        if (scale.toDouble(k) == price) {
          BigDecimal p = scale.toPrice(k);
          if (p.precision() <= 15) {
            return p;
          }
        }
      }
    }
    return BigDecimal.valueOf(price);
  }

  /** {@link #decimal(TickScale, double)} on the instrument's tick grid (its scale made once). */
  private BigDecimal decimal(Instrument instrument, double price) {
    BigDecimal tick = instrument.tickSize();
    if (tick.signum() <= 0) {
      return BigDecimal.valueOf(price);
    }
    TickScale scale = tickScale;
    if (scale == null || scale.tickSize().compareTo(tick) != 0) {
      try {
        scale = TickScale.of(tick);
      } catch (IllegalArgumentException e) {
        return BigDecimal.valueOf(price); // a tick of more than 18 digits: no grid in longs
      }
      tickScale = scale;
    }
    return decimal(scale, price);
  }

  private void send(String id, OrderRequest request) {
    ordersSent++;
    long gen = awaitReply();
    exchange
        .trading()
        .place(request)
        .whenCompleteAsync(
            (order, error) -> {
              replied(gen);
              if (error == null) {
                if (engine.listening()) {
                  engine.emit(new TradingEvent.OrderPlaced(name, engine.now(), order));
                }
                if (order.status().isTerminal()) {
                  orderEnded(id, order.status());
                }
              } else {
                placeFailed(id, Engine.unwrap(error));
              }
            },
            scheduler);
  }

  /** Looks the order up by client id; places {@code request} if the venue does not know it. */
  private void lookUp(@Nullable String id, @Nullable OrderRequest request) {
    if (id == null) {
      return;
    }
    long gen = awaitReply();
    exchange
        .trading()
        .order(OrderRef.byClientId(symbol, id))
        .whenCompleteAsync(
            (found, error) -> {
              replied(gen);
              if (!id.equals(inFlight)) {
                return;
              }
              if (error != null) {
                engine.emitError(Engine.unwrap(error));
                if (inFlightExit) {
                  return; // the exit's deadline asks again
                }
                inFlight = null; // unknown: the next bar looks it up again under its own id
                lookupFirst = true;
              } else if (found.isPresent()) {
                Order o = found.get();
                if (o.status().isTerminal()) {
                  orderEnded(id, o.status());
                }
              } else if (request != null) {
                send(id, request);
              } else if (inFlightExit) {
                exitFailed("exit order " + id + " is not on the venue", null);
              } else {
                inFlight = null;
              }
            },
            scheduler);
  }

  private void placeFailed(String id, Throwable error) {
    if (!id.equals(inFlight)) {
      return;
    }
    if (error instanceof DuplicateClientOrderIdException) {
      engine.emitError(error);
      lookUp(id, null);
    } else if (error instanceof OrderRejectedException || error instanceof InvalidOrderException) {
      LOG.log(Level.WARNING, name + ": order " + id + " rejected: " + error.getMessage());
      if (inFlightExit) {
        exitFailed("exit order " + id + " rejected: " + error.getMessage(), error);
      } else {
        engine.emitError(error);
        inFlight = null;
        engine.dropWish(); // a rejected wish is dropped; the strategy may wish again
      }
    } else {
      engine.emitError(error);
      lookUp(id, null); // unknown fate: never blind-retry
    }
  }

  /** While an order is in flight at a bar close, asks the venue about it (user events may lag). */
  private void checkInFlight() {
    // only once the venue has answered: an order still on its way is not "unknown to the venue"
    if (repliesAwaited == 0 && engine.now() - inFlightBarOpen > 2 * settings.interval.millis()) {
      lookUp(inFlight, null);
    }
  }

  /**
   * Any order of this engine ended: the position is read again (the venue is the truth). The end of
   * one order is often told twice (the placing call's answer and the order update): while the read
   * for it is in flight, the second telling adds no read of its own (that read, asked after the
   * order ended, already sees it); only if that read fails is the position read once more.
   */
  void orderEnded(String id, OrderStatus status) {
    if (id.equals(reading)) {
      readAgain = true;
      return;
    }
    reading = id;
    readAgain = false;
    engine
        .readPosition()
        .whenCompleteAsync(
            (v, e) -> {
              boolean retry = false;
              if (id.equals(reading)) {
                retry = e != null && readAgain;
                reading = null;
                readAgain = false;
              }
              if (e != null) {
                engine.emitError(Engine.unwrap(e));
              }
              boolean open = engine.position() != 0;
              if (id.equals(inFlight)) {
                if (inFlightExit && open && e == null && status != OrderStatus.FILLED) {
                  exitFailed("exit order " + id + " ended " + status, null);
                } else {
                  inFlight = null;
                  cancelDeadline();
                }
              } else if (firedStop != null && stops.isTriggeredOrder(id) && stops.firing()) {
                if (open && e == null && status != OrderStatus.FILLED) {
                  takeOverFiredStop("its market order " + id + " ended " + status);
                }
              }
              if (retry) {
                orderEnded(id, status); // the read failed: the second telling reads once more
              }
            },
            scheduler);
  }

  // ---------------------------------------------------------------- exits

  /** An exit order past its deadline: looked up, cancelled if open, and its end handled. */
  private void exitDeadline(String id) {
    deadline = null;
    if (!id.equals(inFlight)) {
      return;
    }
    abandonReplies();
    armDeadline(() -> exitDeadline(id)); // an answer that never comes is asked for again
    endOrCancel(
        OrderRef.byClientId(symbol, id),
        id,
        () -> id.equals(inFlight),
        () -> exitFailed("exit order " + id + " is not on the venue", null));
  }

  /**
   * Looks {@code ref} up: a finished order is handed to {@link #orderEnded}, an open one is
   * cancelled first, a missing one runs {@code missing}. No answer counts one failed attempt. An
   * answer that comes once {@code current} is false is dropped: a slow venue may answer the
   * look-ups of several deadlines of one order, and only the first answer may end it.
   */
  private void endOrCancel(OrderRef ref, String id, BooleanSupplier current, Runnable missing) {
    exchange
        .trading()
        .order(ref)
        .thenCompose(
            found -> {
              if (found.isEmpty() || found.get().status().isTerminal()) {
                return CompletableFuture.completedFuture(found);
              }
              return exchange
                  .trading()
                  .cancel(ref)
                  .thenApply(Optional::of)
                  .exceptionallyCompose(
                      e ->
                          Engine.unwrap(e) instanceof OrderNotFoundException
                              ? exchange.trading().order(ref) // it ended meanwhile
                              : CompletableFuture.failedFuture(e));
            })
        .whenCompleteAsync(
            (found, e) -> {
              if (!current.getAsBoolean()) {
                return;
              }
              if (e != null) {
                attemptFailed("the venue did not answer about " + id, Engine.unwrap(e), false);
                return; // unknown: the deadline asks again
              }
              if (found.isEmpty()) {
                missing.run();
              } else {
                orderEnded(id, found.get().status());
              }
            },
            scheduler);
  }

  /** One exit order ended with the position open: reported, then the next one or giving up. */
  private void exitFailed(String why, @Nullable Throwable cause) {
    attemptFailed(why, cause, true);
  }

  /**
   * One failed exit attempt, reported; {@code ended} when nothing of it is in flight any more (the
   * next order is sent at once), else its fate is unknown and the deadline asks again.
   */
  private void attemptFailed(String why, @Nullable Throwable cause, boolean ended) {
    failedExits++;
    ExitFailedException failure =
        new ExitFailedException(
            exchange.venue(), name + ": " + why, failedExits, settings.exitAttempts, cause);
    engine.emitError(failure);
    if (ended || failure.gaveUp()) {
      inFlight = null;
      cancelDeadline();
    }
    if (failure.gaveUp()) {
      gaveUp = true;
      firedStop = null;
      LOG.log(Level.ERROR, failure.getMessage());
    } else if (ended) {
      act();
    }
  }

  /** A venue stop fired: it has {@code exitTimeout} to close the position. */
  void venueStopFired(Order stop) {
    firedStop = stop;
    armDeadline(() -> stopDeadline(stop));
  }

  private void stopDeadline(Order stop) {
    deadline = null;
    if (firedStop != stop || !stops.firing()) {
      return; // the position changed: the stop did its work
    }
    String market = stop.triggeredOrderId();
    armDeadline(() -> stopDeadline(stop)); // an answer that never comes is asked for again
    if (market == null) {
      engine
          .readPosition()
          .thenRunAsync(
              () -> {
                if (stops.firing() && firedStop == stop) {
                  takeOverFiredStop("the position has not changed in " + settings.exitTimeout);
                }
              },
              scheduler);
      return;
    }
    endOrCancel(
        OrderRef.byId(symbol, market),
        market,
        () -> firedStop == stop && stops.firing(),
        () -> takeOverFiredStop("its market order " + market + " is not on the venue"));
  }

  /** The fired venue stop's market order ended without closing: the engine exits itself. */
  private void takeOverFiredStop(String why) {
    Order stop = firedStop;
    if (stop == null || !stops.firing()) {
      return;
    }
    firedStop = null;
    cancelDeadline();
    stops.abandonFiring();
    exitFailed("venue stop " + stop.clientOrderId() + " did not close the position: " + why, null);
  }

  private void armDeadline(Runnable task) {
    cancelDeadline();
    deadline = scheduler.schedule(task, settings.exitTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cancelDeadline() {
    Cancellable d = deadline;
    deadline = null;
    if (d != null) {
      d.cancel();
    }
  }

  // ---------------------------------------------------------------- replies awaited

  private long awaitReply() {
    repliesAwaited++;
    return generation;
  }

  private void replied(long gen) {
    if (gen == generation) {
      repliesAwaited--;
    }
  }

  /** Replies to earlier calls no longer count as awaited (they may never come). */
  private void abandonReplies() {
    generation++;
    repliesAwaited = 0;
  }
}
