package dev.tradekit.strategy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.KlineListener;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.event.TradingEvent;
import dev.tradekit.api.event.TradingListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.execution.RiskManager;
import dev.tradekit.strategy.indicators.BarIndicator;
import dev.tradekit.strategy.indicators.OnClose;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind {@link StrategyEngine}: all state lives on the scheduler's thread; venue
 * callbacks and replies are handed over to it. It feeds closed bars to the indicators, the exit
 * rules and the strategy, and keeps the venue's position (read at start and after each order ends),
 * which is the truth the wish is compared with; {@link WishOrders} turns the wish into orders
 * (exactly once, exits bounded) and {@link VenueStops} keeps the stops resting on the venue.
 */
final class Engine implements KlineListener.Numeric, UserEventListener, BarContext {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());

  private final StrategyEngine.Builder settings;
  private final String name;

  /** {@code name + "-"}: the client ids of this engine's orders start with it. */
  private final String ownIds;

  private final Exchange exchange;
  private final Scheduler scheduler;
  private final String symbol;
  private final BarStrategy strategy;
  private final BarIndicator[] indicators;
  private final ExitRules exits;
  private final VenueStops stops;
  private final TradingListener listener;
  private final RiskManager risk;

  /** The risk limits' stale-data guard in millis: a closed bar older than this gets no order. */
  private final long maxBarAgeMillis;

  /** Whether any exit rule is on (checked here per bar, off for most strategies). */
  private final boolean exitRules;

  /** Whether a loss limit is set (the balance is read after each fresh bar). */
  private final boolean lossLimit;

  private final WishOrders orders;
  private final Bar bar = new Bar();
  private final BarQueue closedBars = new BarQueue();
  private final Runnable drainClosed = this::drainClosed;

  private @Nullable Instrument instrument;
  private @Nullable Subscription klines;
  private @Nullable Subscription userEvents;
  private boolean warming = true;
  private boolean running;

  private long lastOpenTime = Long.MIN_VALUE;
  private long index = -1;
  private BigDecimal position = BigDecimal.ZERO;
  private int direction;
  private double entryPrice = Double.NaN;
  private int target;
  private boolean halted;

  Engine(StrategyEngine.Builder b) {
    this.settings = b;
    this.name = b.name();
    this.ownIds = name + "-";
    this.exchange = b.exchange();
    this.scheduler = b.scheduler();
    this.symbol = b.symbol();
    this.strategy = b.strategy();
    this.indicators = strategy.indicators().toArray(new BarIndicator[0]);
    this.exits = new ExitRules(b.stopLoss, b.takeProfit, b.trailingStop);
    this.exitRules = exits.enabled();
    this.listener = b.listener;
    RiskLimits limits = limits(b);
    this.risk = new RiskManager(limits);
    this.maxBarAgeMillis = millis(limits.maxBookAge());
    this.lossLimit = b.maxLoss != null;
    this.stops =
        new VenueStops(exchange, scheduler, name, symbol, exits, b.venueStops, new StopsHost(this));
    this.orders = new WishOrders(this, b, stops, risk);
  }

  /** The engine as seen by its venue stops (a fired stop makes the wish flat). */
  private record StopsHost(Engine e) implements VenueStops.Host {
    @Override
    public void fired(ExitRules.Reason rule, Order order) {
      e.target = 0;
      e.emit(
          new TradingEvent.TargetReached(
              e.name, e.now(), rule + " by the venue order " + order.clientOrderId()));
      e.orders.venueStopFired(order);
    }

    @Override
    public void error(Throwable error) {
      e.emitError(error);
    }
  }

  /** {@code d} in millis, saturated: a bar age beyond the range of millis never goes stale. */
  private static long millis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
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
   * A bar from the venue: a closed one goes straight to the strategy when it arrives on the
   * scheduler's own thread with nothing due before it ({@link Scheduler#canRunInline}: in a
   * backtest, each bar the replay releases), else it joins the queue (one drain scheduled when the
   * queue was empty, no object per bar); an update goes to the scheduler when updates are wanted.
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
      if (inline()) {
        bar.set(openTime, closeTime, open, high, low, close, volume);
        closedInline(bar);
        return;
      }
      if (closedBars.offer(openTime, closeTime, open, high, low, close, volume)) {
        scheduler.execute(drainClosed);
      }
    } else if (settings.updates) {
      Bar forming = Bar.of(openTime, closeTime, open, high, low, close, volume);
      scheduler.execute(() -> onForming(forming));
    }
  }

  /**
   * A bar from a venue that keeps prices in ticks: a closed one that may run inline goes to the
   * strategy as a {@link Bar} holding the ticks (only the close is converted up front; open, high
   * and low when someone reads them); anything else is converted (the interface's default) and
   * takes {@link #onBar}.
   */
  @Override
  public void onTicks(
      long openTime,
      long closeTime,
      long open,
      long high,
      long low,
      long close,
      TickScale scale,
      double volume,
      boolean closed) {
    if (closed && inline()) {
      bar.setTicks(openTime, closeTime, open, high, low, close, scale, volume);
      closedInline(bar);
      return;
    }
    KlineListener.Numeric.super.onTicks(
        openTime, closeTime, open, high, low, close, scale, volume, closed);
  }

  /**
   * Whether a closed bar arriving now may go straight to the strategy: running, warmed up, no bar
   * queued before it, and on the scheduler's own thread with nothing due ({@link
   * Scheduler#canRunInline}).
   */
  private boolean inline() {
    return running && !warming && closedBars.isEmpty() && scheduler.canRunInline();
  }

  @Override
  public void onOrderUpdate(Order order) {
    String id = order.clientOrderId();
    if (!order.status().isTerminal()) {
      return;
    }
    if (id != null && id.startsWith(ownIds)) {
      scheduler.execute(
          () -> {
            stops.onUpdate(order);
            orders.orderEnded(id, order.status());
          });
    } else if (stops.isTriggeredOrder(order.orderId())) {
      scheduler.execute(() -> orders.orderEnded(order.orderId(), order.status()));
    }
  }

  @Override
  public void onFill(Fill fill) {
    String id = fill.clientOrderId();
    if (id != null && id.startsWith(ownIds) && listening()) {
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

  /**
   * A closed bar handled in place of a drain task; what it throws goes to the scheduler's error
   * handling as the drain's would have.
   */
  private void closedInline(Bar b) {
    try {
      closedBar(b);
    } catch (RuntimeException e) {
      scheduler.execute(
          () -> {
            throw e;
          });
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

  /**
   * One closed bar, already in {@code b} (the engine's reused {@link #bar}): a few comparisons
   * around the indicators and the strategy; the rare branches (exit rules, stale bars, the loss
   * limit) are methods of their own.
   */
  private void closedBar(Bar b) {
    long openTime = b.openTime();
    if (openTime <= lastOpenTime) {
      return;
    }
    lastOpenTime = openTime;
    index++;
    double close = b.close();
    for (BarIndicator indicator : indicators) {
      // a close-only indicator gets the close alone: the bar's other prices stay unconverted
      if (indicator instanceof OnClose c) {
        c.update(close);
      } else {
        indicator.onBar(b.open(), b.high(), b.low(), close, b.volume());
      }
    }
    // the stale-data guard of the risk limits (RiskManager.stale) on the bar's close time
    boolean fresh = !warming && now() - b.closeTime() <= maxBarAgeMillis;
    if (fresh && exitRules) {
      checkExits(b);
    }
    strategy.onBar(b, this);
    if (!fresh) {
      if (!warming) {
        LOG.log(Level.WARNING, name + ": bar " + openTime + " is stale, no order");
      }
      return;
    }
    orders.onBar(openTime, close);
    if (lossLimit && !halted) {
      checkLoss();
    }
  }

  /** The engine's exit rules on a fresh closed bar: a rule that fires makes the wish flat. */
  private void checkExits(Bar b) {
    ExitRules.Reason hit = exits.check(b.high(), b.low());
    if (hit != null && target == direction) {
      target = 0;
      emit(
          new TradingEvent.TargetReached(
              name, now(), hit + " on the bar opened at " + b.openTime()));
    }
  }

  /** Reads the balance against the loss limit; a failed read is reported as an error. */
  private void checkLoss() {
    readBalance(false)
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                scheduler.execute(() -> emitError(unwrap(e)));
              }
            });
  }

  /** Reads the venue's position of the symbol into the engine (on the scheduler). */
  CompletableFuture<Void> readPosition() {
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
              orders.onPosition(direction);
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
    if (!warming && !halted && !orders.gaveUp()) {
      target = value;
    }
  }

  @Override
  public long now() {
    return scheduler.currentTimeMillis();
  }

  // ---------------------------------------------------------------- status

  long ordersSent() {
    return orders.ordersSent();
  }

  /** A wish the engine cannot carry out (refused, sized to 0) is dropped. */
  void dropWish() {
    target = direction;
  }

  Instrument instrument() {
    Instrument i = instrument;
    if (i == null) {
      throw new IllegalStateException("engine not started");
    }
    return i;
  }

  /** Whether a listener was given: without one, events are not built. */
  boolean listening() {
    return listener != TradingListener.NONE;
  }

  void emit(TradingEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + ": listener failed on " + event, e);
    }
  }

  void emitError(Throwable error) {
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
