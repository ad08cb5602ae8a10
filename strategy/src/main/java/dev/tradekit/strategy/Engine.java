package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.event.TradingListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.execution.RiskManager;
import dev.tradekit.execution.TargetOrder;
import dev.tradekit.strategy.indicators.BarIndicator;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind {@link StrategyEngine}: all state lives on the scheduler's thread; venue
 * callbacks and replies are handed over to it.
 *
 * <p><b>Exactly once.</b> The wish is a target direction, and the venue's position (read at start
 * and after each order ends) is the truth it is compared with, so a decision repeated after a
 * restart finds the position already there and sends nothing. One order is in flight at a time; its
 * client id is {@code <name>-<bar open time, base 36>}, so the decision of one bar has one id: an
 * order whose fate is unknown (timeout, transport error, duplicate id) is looked up by that id
 * before anything else is sent, and on the first bar after a start the id is looked up before
 * placing.
 */
final class Engine implements KlineListener.Numeric, UserEventListener, BarContext {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());

  private final StrategyEngine.Builder settings;
  private final String name;
  private final Exchange exchange;
  private final Scheduler scheduler;
  private final String symbol;
  private final BarStrategy strategy;
  private final BarIndicator[] indicators;
  private final ExitRules exits;
  private final VenueStops stops;
  private final TradingListener listener;
  private final RiskManager risk;
  private final Bar bar = new Bar();
  private final BarQueue closedBars = new BarQueue();
  private final Runnable drainClosed = this::drainClosed;

  private @Nullable Instrument instrument;
  private @Nullable Subscription klines;
  private @Nullable Subscription userEvents;
  private boolean warming = true;
  private boolean running;
  private boolean lookupFirst = true;
  private long lastOpenTime = Long.MIN_VALUE;
  private long index = -1;
  private BigDecimal position = BigDecimal.ZERO;
  private int direction;
  private double entryPrice = Double.NaN;
  private int target;
  private @Nullable String inFlight;
  private int repliesAwaited;
  private long inFlightBarOpen;
  private long ordersSent;
  private boolean halted;

  Engine(StrategyEngine.Builder b) {
    this.settings = b;
    this.name = b.name();
    this.exchange = b.exchange();
    this.scheduler = b.scheduler();
    this.symbol = b.symbol();
    this.strategy = b.strategy();
    this.indicators = strategy.indicators().toArray(new BarIndicator[0]);
    this.exits = new ExitRules(b.stopLoss, b.takeProfit, b.trailingStop);
    this.listener = b.listener;
    this.risk = new RiskManager(limits(b));
    this.stops =
        new VenueStops(exchange, scheduler, name, symbol, exits, b.venueStops, new StopsHost(this));
  }

  /** The engine as seen by its venue stops (a fired stop makes the wish flat). */
  private record StopsHost(Engine e) implements VenueStops.Host {
    @Override
    public void fired(ExitRules.Reason rule, Order order) {
      e.target = 0;
      e.emit(
          new TradingEvent.TargetReached(
              e.name, e.now(), rule + " by the venue order " + order.clientOrderId()));
    }

    @Override
    public void error(Throwable error) {
      e.emitError(error);
    }
  }

  /** The builder's caps as the shared risk limits; the bar age is the stale-data guard. */
  private static RiskLimits limits(StrategyEngine.Builder b) {
    RiskLimits.Builder l =
        RiskLimits.builder()
            .maxBookAge(b.maxBarAge == null ? Duration.ofMillis(b.interval.millis()) : b.maxBarAge);
    if (b.maxPosition != null) {
      l.maxPosition(b.maxPosition);
    }
    if (b.maxLoss != null) {
      l.maxLoss(b.maxLoss);
    }
    return l.build();
  }

  // ---------------------------------------------------------------- lifecycle

  CompletableFuture<Void> start() {
    CompletableFuture<Void> started = new CompletableFuture<>();
    scheduler.execute(
        () ->
            exchange
                .marketData()
                .instrument(symbol)
                .thenCompose(i -> readPosition().thenApply(p -> i))
                .thenAcceptAsync(
                    i -> {
                      instrument = i;
                      running = true;
                      userEvents = exchange.streams().userEvents(this);
                      klines = exchange.streams().klines(symbol, settings.interval, this);
                      emit(new TradingEvent.BotStarted(name, now()));
                    },
                    scheduler)
                .thenCompose(v -> stops.start(instrument(), position, entryPrice))
                .thenCompose(v -> settings.maxLoss == null ? done() : readBalance(true))
                .thenCompose(v -> history())
                .thenAcceptAsync(this::warmUp, scheduler)
                .whenComplete(
                    (v, e) -> {
                      if (e == null) {
                        started.complete(null);
                      } else {
                        started.completeExceptionally(unwrap(e));
                      }
                    }));
    return started;
  }

  CompletableFuture<Void> stop(String reason) {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    scheduler.execute(
        () -> {
          boolean wasRunning = running;
          running = false;
          closeQuietly(klines);
          closeQuietly(userEvents);
          klines = null;
          userEvents = null;
          if (wasRunning) {
            emit(new TradingEvent.BotStopped(name, now(), reason));
          }
          // no conditional order left behind
          stops.cancelAll().whenComplete((v, e) -> stopped.complete(null));
        });
    return stopped;
  }

  private static void closeQuietly(@Nullable Subscription s) {
    if (s != null) {
      s.close();
    }
  }

  private static CompletableFuture<Void> done() {
    return CompletableFuture.completedFuture(null);
  }

  /** Reads the margin balance: the baseline at start, else checks it against the loss limit. */
  private CompletableFuture<Void> readBalance(boolean baseline) {
    String asset = instrument().marginAsset();
    return exchange
        .account()
        .snapshot()
        .thenAcceptAsync(
            snapshot -> {
              BigDecimal balance =
                  snapshot
                      .balance(asset)
                      .map(dev.tradekit.api.model.Balance::marginBalance)
                      .orElse(BigDecimal.ZERO);
              if (baseline) {
                risk.resetEquity(balance);
                return;
              }
              String kill = halted ? null : risk.killReason(balance);
              if (kill != null) {
                halted = true;
                target = 0;
                emit(
                    new TradingEvent.TargetReached(
                        name, now(), "MAX_LOSS: " + asset + " margin balance: " + kill));
              }
            },
            scheduler);
  }

  private CompletableFuture<List<Kline>> history() {
    if (settings.warmupBars == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    KlineQuery q =
        KlineQuery.builder()
            .symbol(symbol)
            .interval(settings.interval)
            .endTime(scheduler.currentTimeMillis())
            .limit(settings.warmupBars + 1)
            .build();
    return exchange.marketData().klines(q);
  }

  private void warmUp(List<Kline> history) {
    long now = now();
    for (Kline k : history) {
      if (k.closeTime() < now) {
        set(bar, k);
        closedBar(bar);
      }
    }
    warming = false;
    drainClosed();
  }

  // ---------------------------------------------------------------- venue callbacks

  @Override
  public void onKline(Kline kline, boolean closed) {
    onBar(
        kline.openTime(),
        kline.closeTime(),
        kline.open().doubleValue(),
        kline.high().doubleValue(),
        kline.low().doubleValue(),
        kline.close().doubleValue(),
        kline.volume().doubleValue(),
        closed);
  }

  @Override
  public boolean wantsUpdates() {
    return settings.updates;
  }

  /**
   * A bar from the venue: a closed one joins the queue (one drain scheduled when the queue was
   * empty, no object per bar), an update goes to the scheduler when updates are wanted.
   */
  @Override
  public void onBar(
      long openTime,
      long closeTime,
      double open,
      double high,
      double low,
      double close,
      double volume,
      boolean closed) {
    if (closed) {
      if (closedBars.offer(openTime, closeTime, open, high, low, close, volume)) {
        scheduler.execute(drainClosed);
      }
    } else if (settings.updates) {
      Bar forming = Bar.of(openTime, closeTime, open, high, low, close, volume);
      scheduler.execute(() -> onForming(forming));
    }
  }

  @Override
  public void onOrderUpdate(Order order) {
    String id = order.clientOrderId();
    if (!order.status().isTerminal()) {
      return;
    }
    if (id != null && id.startsWith(name + "-")) {
      scheduler.execute(
          () -> {
            stops.onUpdate(order);
            orderEnded(id);
          });
    } else if (stops.isTriggeredOrder(order.orderId())) {
      scheduler.execute(() -> orderEnded(order.orderId()));
    }
  }

  @Override
  public void onFill(Fill fill) {
    String id = fill.clientOrderId();
    if (id != null && id.startsWith(name + "-")) {
      scheduler.execute(() -> emit(new TradingEvent.OrderFilled(name, now(), fill)));
    }
  }

  /** Hands the queued closed bars to the strategy (left queued while warming up). */
  private void drainClosed() {
    if (!running) {
      closedBars.clear();
      return;
    }
    if (warming) {
      return; // warmUp drains them after the history
    }
    while (closedBars.poll(bar)) {
      closedBar(bar);
    }
  }

  private void onForming(Bar forming) {
    if (!running || warming || forming.openTime() <= lastOpenTime) {
      return;
    }
    strategy.onUpdate(forming, this);
  }

  // ---------------------------------------------------------------- one closed bar

  private static void set(Bar into, Kline k) {
    into.set(
        k.openTime(),
        k.closeTime(),
        k.open().doubleValue(),
        k.high().doubleValue(),
        k.low().doubleValue(),
        k.close().doubleValue(),
        k.volume().doubleValue());
  }

  /** One closed bar, already in {@code b} (the engine's reused {@link #bar}). */
  private void closedBar(Bar b) {
    if (b.openTime() <= lastOpenTime) {
      return;
    }
    lastOpenTime = b.openTime();
    index++;
    for (BarIndicator indicator : indicators) {
      indicator.onBar(b.open(), b.high(), b.low(), b.close(), b.volume());
    }
    boolean fresh = !warming && !risk.stale(b.closeTime(), now());
    if (fresh && exits.enabled()) {
      ExitRules.Reason hit = exits.check(b.high(), b.low());
      if (hit != null && target == direction) {
        target = 0;
        emit(
            new TradingEvent.TargetReached(
                name, now(), hit + " on the bar opened at " + b.openTime()));
      }
    }
    strategy.onBar(b, this);
    if (!fresh) {
      if (!warming) {
        LOG.log(Level.WARNING, name + ": bar " + b.openTime() + " is stale, no order");
      }
      return;
    }
    if (inFlight != null) {
      checkInFlight();
    } else {
      act(b.openTime(), b.close());
    }
    if (settings.maxLoss != null && !halted) {
      readBalance(false)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  scheduler.execute(() -> emitError(unwrap(e)));
                }
              });
    }
  }

  /** Sends the order that moves the position to the wish, when they differ. */
  private void act(long barOpen, double price) {
    Instrument i = instrument();
    if (target == direction || stops.firing()) {
      return; // a fired venue stop is closing the position
    }
    BigDecimal wanted = BigDecimal.ZERO;
    if (target != 0) {
      BigDecimal size = settings.sizing().quantity(i, price);
      if (settings.maxPosition != null && size.compareTo(settings.maxPosition) > 0) {
        size = i.roundQuantity(settings.maxPosition, OrderType.MARKET);
      }
      if (size.signum() == 0) {
        LOG.log(Level.WARNING, name + ": size rounds to 0 at " + price + ", no order");
        target = direction;
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
    BigDecimal px = BigDecimal.valueOf(price);
    // the close stands in for the book and the mark (minimum notional of a market order)
    RiskManager.Outcome checked = risk.filter(List.of(order), i, px, px, px, position);
    if (checked.accepted().isEmpty()) {
      LOG.log(Level.WARNING, name + ": risk limits drop the wish: " + checked.rejected());
      target = direction; // a refused wish is dropped; the strategy may wish again
      return;
    }
    String id = name + "-" + Long.toString(barOpen, 36);
    OrderRequest request = RiskManager.request(i, checked.accepted().get(0)).withClientOrderId(id);
    inFlight = id;
    inFlightBarOpen = barOpen;
    if (lookupFirst) {
      lookupFirst = false;
      lookUp(id, request);
    } else {
      send(id, request);
    }
  }

  private void send(String id, OrderRequest request) {
    ordersSent++;
    repliesAwaited++;
    exchange
        .trading()
        .place(request)
        .whenCompleteAsync(
            (order, error) -> {
              repliesAwaited--;
              if (error == null) {
                emit(new TradingEvent.OrderPlaced(name, now(), order));
                if (order.status().isTerminal()) {
                  orderEnded(id);
                }
              } else {
                placeFailed(id, unwrap(error));
              }
            },
            scheduler);
  }

  /** Looks the order up by client id; places {@code request} if the venue does not know it. */
  private void lookUp(@Nullable String id, @Nullable OrderRequest request) {
    if (id == null) {
      return;
    }
    repliesAwaited++;
    exchange
        .trading()
        .order(OrderRef.byClientId(symbol, id))
        .whenCompleteAsync(
            (found, error) -> {
              repliesAwaited--;
              if (!id.equals(inFlight)) {
                return;
              }
              if (error != null) {
                emitError(unwrap(error));
                inFlight = null; // unknown: the next bar looks it up again under its own id
                lookupFirst = true;
              } else if (found.isPresent()) {
                Order o = found.get();
                if (o.status().isTerminal()) {
                  orderEnded(id);
                }
              } else if (request != null) {
                send(id, request);
              } else {
                inFlight = null;
              }
            },
            scheduler);
  }

  private void placeFailed(@Nullable String id, Throwable error) {
    if (id == null || !id.equals(inFlight)) {
      return;
    }
    emitError(error);
    if (error instanceof DuplicateClientOrderIdException) {
      lookUp(id, null);
    } else if (error instanceof OrderRejectedException || error instanceof InvalidOrderException) {
      LOG.log(Level.WARNING, name + ": order " + id + " rejected: " + error.getMessage());
      inFlight = null;
      target = direction; // a rejected wish is dropped; the strategy may wish again
    } else {
      lookUp(id, null); // unknown fate: never blind-retry
    }
  }

  /** While an order is in flight at a bar close, asks the venue about it (user events may lag). */
  private void checkInFlight() {
    // only once the venue has answered: an order still on its way is not "unknown to the venue"
    if (repliesAwaited == 0 && now() - inFlightBarOpen > 2 * settings.interval.millis()) {
      lookUp(inFlight, null);
    }
  }

  /** Any order of this engine ended: the position is read again (the venue is the truth). */
  private void orderEnded(String id) {
    readPosition()
        .whenCompleteAsync(
            (v, e) -> {
              if (e != null) {
                emitError(unwrap(e));
              }
              if (id.equals(inFlight)) {
                inFlight = null;
              }
            },
            scheduler);
  }

  /** Reads the venue's position of the symbol into the engine (on the scheduler). */
  private CompletableFuture<Void> readPosition() {
    return exchange
        .account()
        .positions()
        .thenAcceptAsync(
            list -> {
              BigDecimal amount = BigDecimal.ZERO;
              double entry = Double.NaN;
              for (Position p : list) {
                if (p.symbol().equals(symbol) && p.amount().signum() != 0) {
                  amount = amount.add(p.amount());
                  entry = p.entryPrice().doubleValue();
                }
              }
              position = amount;
              direction = amount.signum();
              entryPrice = direction == 0 ? Double.NaN : entry;
              if (!running && instrument == null) {
                target = direction; // start: the venue's position is the wish until told otherwise
              }
              exits.onPosition(direction, entryPrice);
              stops.onPosition(position, entryPrice);
            },
            scheduler);
  }

  // ---------------------------------------------------------------- BarContext

  @Override
  public long index() {
    return index;
  }

  @Override
  public boolean isWarmingUp() {
    return warming;
  }

  @Override
  public int position() {
    return direction;
  }

  @Override
  public BigDecimal positionQuantity() {
    return position;
  }

  @Override
  public double entryPrice() {
    return entryPrice;
  }

  @Override
  public int target() {
    return target;
  }

  @Override
  public void goLong() {
    wish(1);
  }

  @Override
  public void goShort() {
    wish(-1);
  }

  @Override
  public void goFlat() {
    wish(0);
  }

  private void wish(int value) {
    if (!warming && !halted) {
      target = value;
    }
  }

  @Override
  public long now() {
    return scheduler.currentTimeMillis();
  }

  // ---------------------------------------------------------------- status

  long ordersSent() {
    return ordersSent;
  }

  private Instrument instrument() {
    Instrument i = instrument;
    if (i == null) {
      throw new IllegalStateException("engine not started");
    }
    return i;
  }

  private void emit(TradingEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": listener failed on " + event, e);
    }
  }

  private void emitError(Throwable error) {
    if (error instanceof ExchangeException ex) {
      emit(new TradingEvent.ExchangeError(name, now(), ex));
    } else {
      LOG.log(Level.WARNING, name + ": " + error, error);
    }
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public String toString() {
    return "StrategyEngine[" + name + " " + symbol + " " + settings.interval.code() + "]";
  }
}
