package dev.tradekit.scanner;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanner's pipeline on one scheduler: primary scans feed the {@link OrderTracker}; the {@link
 * ObserverPool} re-checks candidates; the {@link HotPool} follows hot orders; every change is
 * scored and published to the {@link ScannerFeed}. All state is owned by the scheduler thread; the
 * snapshots read by {@link Scanner}'s query methods are volatile copies.
 */
final class ScannerEngine implements OrderTracker.Events {
  private static final Logger log = LoggerFactory.getLogger(ScannerEngine.class);
  private static final long SNAPSHOT_REFRESH_MILLIS = 1_000L;

  final Exchange exchange;
  final Scheduler scheduler;
  final ScannerConfig config;
  final MetricsRecorder metrics = new MetricsRecorder();
  final WeightBudget budget;
  final RequestGate gate;
  final SymbolDirectory directory = new SymbolDirectory();
  final VolatilityTracker volatility = new VolatilityTracker();
  final OrderTracker tracker;
  final ScannerFeed feed;
  final ObserverPool observer;
  final HotPool hot;
  private final Scoring scoring;
  private final ChangeTriggers triggers;
  private final List<Cancellable> timers = new ArrayList<>();
  private boolean snapshotsDirty;
  private volatile List<LargeOrder> hotSnapshot = List.of();
  private volatile List<LargeOrder> candidateSnapshot = List.of();
  private volatile boolean started;
  private volatile boolean closed;
  private volatile boolean instrumentsMissing;
  private volatile boolean lastScanFailed;
  private @Nullable CompletableFuture<Void> instrumentsLoad;

  ScannerEngine(Exchange exchange, Scheduler scheduler, ScannerConfig config) {
    this.exchange = exchange;
    this.scheduler = scheduler;
    this.config = config;
    this.budget = new WeightBudget(config.weightPerMinute());
    this.gate =
        new RequestGate(
            scheduler, budget, metrics, config.maxRetries(), config.retryBackoff().toMillis());
    gate.limit(RequestGate.Lane.PRIMARY, config.maxConcurrentRequests());
    gate.limit(RequestGate.Lane.OBSERVER, 1);
    gate.limit(RequestGate.Lane.HOT, config.hotPollConcurrency());
    LargeOrderDetector detector =
        new LargeOrderDetector(config.multiplier(), config.referenceLevels(), config.depthLimit());
    this.tracker =
        new OrderTracker(
            detector, volatility, config.maxSizeLoss(), config.promotionAge().toMillis(), this);
    this.scoring = new Scoring(config.algorithm(), config.multiplier());
    this.triggers = new ChangeTriggers(config.weightTrigger(), config.valueTrigger());
    this.feed = new ScannerFeed(scheduler, config.feed());
    this.observer = new ObserverPool(this);
    this.hot = new HotPool(this);
  }

  // ---- lifecycle (scheduler thread) ----

  void start() {
    if (started || closed) {
      return;
    }
    started = true;
    ensureInstruments()
        .whenComplete(
            (v, e) -> {
              if (e == null) {
                restore();
              }
              schedule(this::periodicScan, 0, config.primaryScanInterval());
              schedule(
                  observer::tick, config.observerInterval().toMillis(), config.observerInterval());
              schedule(
                  hot::pollTick, config.hotPollInterval().toMillis(), config.hotPollInterval());
              schedule(this::refreshIfDirty, SNAPSHOT_REFRESH_MILLIS, Duration.ofSeconds(1));
            });
  }

  private void periodicScan() {
    if (closed) {
      return;
    }
    scan(config.topSymbols(), true)
        .whenComplete(
            (r, e) -> {
              lastScanFailed = e != null;
              if (e != null) {
                log.warn("primary scan failed: {}", e.toString());
              } else if (!r.failures().isEmpty()) {
                log.warn(
                    "primary scan: {} of {} books failed", r.failures().size(), r.symbols().size());
              }
            });
  }

  private void schedule(Runnable task, long initialDelayMillis, Duration period) {
    if (!closed) {
      timers.add(
          scheduler.scheduleAtFixedRate(
              task, initialDelayMillis, period.toMillis(), TimeUnit.MILLISECONDS));
    }
  }

  /** Saves the hot pool and stops everything; callable from any thread. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      config.store().save(hotSnapshot);
    } finally {
      scheduler.execute(
          () -> {
            timers.forEach(Cancellable::cancel);
            gate.close();
            hot.close();
          });
      feed.close();
    }
  }

  boolean isClosed() {
    return closed;
  }

  CompletableFuture<Void> ensureInstruments() {
    CompletableFuture<Void> loading = instrumentsLoad;
    if (loading != null && !loading.isCompletedExceptionally()) {
      return loading;
    }
    loading =
        gate.submit(
                RequestGate.Lane.PRIMARY,
                ScannerConfig.INSTRUMENTS_WEIGHT,
                () -> exchange.marketData().instruments())
            .handle(
                (list, e) -> {
                  instrumentsMissing = e != null;
                  if (e != null) {
                    log.warn("instrument list unavailable: {}", e.toString());
                    throw new IllegalStateException("instrument list unavailable", e);
                  }
                  directory.load(list);
                  return null;
                });
    instrumentsLoad = loading;
    return loading;
  }

  private void restore() {
    long now = scheduler.currentTimeMillis();
    for (LargeOrder saved : config.store().load()) {
      TickScale scale = directory.scale(saved.symbol());
      if (scale == null || saved.stage() != LargeOrder.Stage.HOT) {
        continue;
      }
      TrackedOrder o = new TrackedOrder(saved, SymbolDirectory.ticks(saved.price(), scale));
      if (tracker.restore(o)) {
        publish(o, EnumSet.of(UpdateReason.ENTERED_HOT), now);
        hot.sync(o.symbol);
      }
    }
    refreshSnapshots();
  }

  // ---- primary scan (scheduler thread) ----

  /**
   * Ranks the venue's symbols and checks the books of the top {@code n}; with {@code skipTracked},
   * symbols that already have live orders are left to the observer and hot pools.
   */
  CompletableFuture<ScanResult> scan(int n, boolean skipTracked) {
    return new PrimaryScan(this, n, skipTracked).run(ensureInstruments());
  }

  // ---- observations (scheduler thread) ----

  /** Applies a REST snapshot; returns the walls it shows as tracked orders. */
  List<LargeOrder> observeSnapshot(String symbol, OrderBookSnapshot snapshot) {
    TickScale scale = directory.scale(symbol, snapshot);
    LargeOrderDetector.Walls walls =
        observeBook(symbol, SymbolDirectory.toBook(snapshot, scale), scale, false);
    List<LargeOrder> seen = new ArrayList<>(walls.size());
    for (int i = 0; i < walls.size(); i++) {
      for (TrackedOrder o : tracker.orders(symbol)) {
        if (o.side == walls.side(i) && o.priceTicks == walls.priceTicks(i)) {
          seen.add(o.toLargeOrder());
        }
      }
    }
    return seen;
  }

  /**
   * Applies a book; {@code complete} when it is a local book kept from a diff stream. Returns the
   * tracker's walls of the book, valid until the next observation.
   */
  LargeOrderDetector.Walls observeBook(
      String symbol, OrderBookView book, TickScale scale, boolean complete) {
    long now = scheduler.currentTimeMillis();
    LargeOrderDetector.Walls walls =
        tracker.observe(symbol, book, scale, complete, config.minUsdFor(symbol), now);
    hot.sync(symbol);
    return walls;
  }

  // ---- events from the tracker (scheduler thread) ----

  @Override
  public void detected(TrackedOrder o) {
    publish(o, EnumSet.of(UpdateReason.DETECTED), scheduler.currentTimeMillis());
    snapshotsDirty = true;
  }

  @Override
  public void promoted(TrackedOrder o) {
    publish(o, EnumSet.of(UpdateReason.ENTERED_HOT), scheduler.currentTimeMillis());
    refreshSnapshots();
  }

  @Override
  public void sighted(TrackedOrder o) {
    // Re-scored into primitives first: the immutable update is only built when a trigger fires,
    // so a sighting that changes nothing worth publishing allocates nothing.
    long now = scheduler.currentTimeMillis();
    double symbolVol = volatility.symbolVolatility(o.symbol, now);
    double marketVol = volatility.marketVolatility(now);
    if (triggers.fires(o, scoring.weight(o, now, symbolVol, marketVol), o.usdValue())) {
      OrderUpdate u =
          scoring.update(
              o,
              now,
              Scoring.context(now, symbolVol, marketVol),
              Set.of(UpdateReason.WEIGHT_MOVED));
      Set<UpdateReason> reasons = triggers.reasons(o, u);
      if (!reasons.isEmpty()) {
        emit(o, Scoring.withReasons(u, reasons), now);
      }
    }
    snapshotsDirty = true;
  }

  @Override
  public void died(TrackedOrder o, boolean wasHot) {
    UpdateReason r = wasHot ? UpdateReason.LEFT_HOT : UpdateReason.DIED;
    publish(o, EnumSet.of(r), scheduler.currentTimeMillis());
    snapshotsDirty = true;
  }

  @Override
  public void released(String symbol) {
    snapshotsDirty = true;
  }

  private MarketContext context(String symbol, long now) {
    return Scoring.context(
        now, volatility.symbolVolatility(symbol, now), volatility.marketVolatility(now));
  }

  private void publish(TrackedOrder o, Set<UpdateReason> reasons, long now) {
    emit(o, scoring.update(o, now, context(o.symbol, now), reasons), now);
  }

  private void emit(TrackedOrder o, OrderUpdate u, long now) {
    ChangeTriggers.published(o, u);
    if (u.category() == Category.DIAMOND && !o.everDiamond) {
      o.everDiamond = true;
      metrics.diamond(now);
    }
    feed.publish(u);
  }

  // ---- snapshots for other threads ----

  private void refreshIfDirty() {
    if (snapshotsDirty) {
      refreshSnapshots();
    }
  }

  void refreshSnapshots() {
    snapshotsDirty = false;
    List<LargeOrder> hotOrders = new ArrayList<>();
    List<LargeOrder> candidates = new ArrayList<>();
    for (TrackedOrder o : tracker.all()) {
      (o.stage == LargeOrder.Stage.HOT ? hotOrders : candidates).add(o.toLargeOrder());
    }
    hotSnapshot = List.copyOf(hotOrders);
    candidateSnapshot = List.copyOf(candidates);
  }

  List<LargeOrder> hotOrders() {
    return hotSnapshot;
  }

  List<LargeOrder> candidates() {
    return candidateSnapshot;
  }

  ScannerMetrics metrics() {
    long now = scheduler.currentTimeMillis();
    return metrics.snapshot(
        now,
        candidateSnapshot.size(),
        hotSnapshot.size(),
        budget.used(now),
        budget.limit(),
        feed.dropped());
  }

  Health health() {
    List<String> problems = new ArrayList<>();
    if (closed) {
      return new Health(Health.Status.DOWN, List.of("closed"));
    }
    if (!started) {
      return new Health(Health.Status.DOWN, List.of("not started"));
    }
    if (instrumentsMissing) {
      return new Health(Health.Status.DOWN, List.of("the instrument list could not be loaded"));
    }
    long now = scheduler.currentTimeMillis();
    if (lastScanFailed) {
      problems.add("the last primary scan failed");
    }
    int failed = metrics.failedCallsLastMinute(now);
    if (failed > 0) {
      problems.add(failed + " venue calls failed in the last minute");
    }
    if (gate.paused(now)) {
      problems.add("rate-limited by the venue");
    }
    int stale = hot.staleBooks();
    if (stale > 0) {
      problems.add(stale + " followed books are stale");
    }
    return new Health(problems.isEmpty() ? Health.Status.UP : Health.Status.DEGRADED, problems);
  }
}
