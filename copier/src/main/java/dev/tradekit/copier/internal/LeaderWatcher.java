package dev.tradekit.copier.internal;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.DetectionMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Finds the leader's fills: from the user stream as they happen, and by a REST catch-up (user
 * trades since each symbol's watermark) on start, after every reconnect, periodically, and after a
 * failed catch-up (with backoff). Every fill goes to one sink, which drops those already journaled.
 *
 * <pre>{@code
 * LeaderWatcher w = new LeaderWatcher(leader, scheduler, store, mode, period, symbols, engine::onLeaderFill, ...);
 * w.start();
 * }</pre>
 *
 * <p>A catch-up of a symbol moves its watermark to the catch-up's end minus {@link #OVERLAP_MS}, so
 * fills the venue indexes late, or stamps with a slightly different clock, are fetched again (and
 * deduplicated) rather than missed.
 */
public final class LeaderWatcher {
  /** How far back of its last end each catch-up starts again. */
  public static final long OVERLAP_MS = 5_000;

  private final Exchange leader;
  private final Scheduler scheduler;
  private final JournalStore store;
  private final DetectionMode mode;
  private final Duration period;
  private final Set<String> configured;
  private final Consumer<Fill> sink;
  private final BooleanSupplier running;
  private final Events events;
  private final Set<String> seen = new TreeSet<>();
  private final Backoff backoff = Backoff.DEFAULT;
  private @Nullable Subscription subscription;
  private @Nullable Cancellable periodic;
  private @Nullable Cancellable retry;
  private boolean catchingUp;
  private boolean again;
  private int failures;
  private volatile long lastCheck;

  /** A watcher; {@code configured} empty means: discover symbols from positions and fills. */
  public LeaderWatcher(
      Exchange leader,
      Scheduler scheduler,
      JournalStore store,
      DetectionMode mode,
      Duration period,
      Set<String> configured,
      Consumer<Fill> sink,
      BooleanSupplier running,
      Events events) {
    this.leader = leader;
    this.scheduler = scheduler;
    this.store = store;
    this.mode = mode;
    this.period = period;
    this.configured = Set.copyOf(configured);
    this.sink = sink;
    this.running = running;
    this.events = events;
  }

  /** Subscribes (stream mode), schedules the periodic catch-up and runs the first one. */
  void start() {
    if (mode == DetectionMode.STREAM_WITH_CATCHUP) {
      subscription = leader.streams().userEvents(new Listener());
    }
    long p = period.toMillis();
    periodic = scheduler.scheduleAtFixedRate(this::catchUp, p, p, TimeUnit.MILLISECONDS);
    catchUp();
  }

  /** Unsubscribes and cancels the timers. */
  void stop() {
    Subscription s = subscription;
    if (s != null) {
      s.close();
    }
    for (Cancellable c : new Cancellable[] {periodic, retry}) {
      if (c != null) {
        c.cancel();
      }
    }
  }

  /** When the last catch-up completed (scheduler time), 0 before the first. */
  long lastCheck() {
    return lastCheck;
  }

  /** Runs a catch-up now, or right after the one in progress. */
  void catchUp() {
    if (!running.getAsBoolean()) {
      return;
    }
    if (catchingUp) {
      again = true;
      return;
    }
    catchingUp = true;
    long end = scheduler.currentTimeMillis();
    symbols()
        .thenComposeAsync(symbols -> eachSymbol(symbols.iterator(), end), scheduler)
        .whenCompleteAsync(
            (v, error) -> {
              catchingUp = false;
              if (!running.getAsBoolean()) {
                return;
              }
              if (error != null) {
                events.error("leader catch-up failed: " + Failures.describe(error), error);
                long wait = Math.min(period.toMillis(), backoff.delayMillis(failures++));
                retry = scheduler.schedule(this::catchUp, wait, TimeUnit.MILLISECONDS);
              } else {
                failures = 0;
                lastCheck = scheduler.currentTimeMillis();
              }
              if (again) {
                again = false;
                catchUp();
              }
            },
            scheduler);
  }

  private CompletableFuture<Set<String>> symbols() {
    if (!configured.isEmpty()) {
      return CompletableFuture.completedFuture(configured);
    }
    return leader
        .account()
        .positions()
        .thenApplyAsync(
            positions -> {
              Set<String> out = new TreeSet<>(store.knownSymbols());
              out.addAll(seen);
              for (Position p : positions) {
                out.add(p.symbol());
              }
              return out;
            },
            scheduler);
  }

  private CompletableFuture<Void> eachSymbol(Iterator<String> symbols, long end) {
    if (!symbols.hasNext() || !running.getAsBoolean()) {
      return CompletableFuture.completedFuture(null);
    }
    String symbol = symbols.next();
    return catchUpSymbol(symbol, store.watermark(symbol), end)
        .thenComposeAsync(v -> eachSymbol(symbols, end), scheduler);
  }

  /** Hands every trade of {@code symbol} since its watermark to the sink; then moves it. */
  private CompletableFuture<Void> catchUpSymbol(String symbol, long from, long end) {
    return TradePages.walk(
            leader,
            symbol,
            from,
            end,
            scheduler,
            page -> {
              for (Fill f : page) {
                if (!running.getAsBoolean()) {
                  return false;
                }
                sink.accept(f);
              }
              return true;
            })
        .thenAccept(
            complete -> {
              if (complete) {
                store.advanceWatermark(symbol, end - OVERLAP_MS);
              }
            });
  }

  /** Hands stream events to the scheduler. */
  private final class Listener implements UserEventListener {
    @Override
    public void onFill(Fill fill) {
      scheduler.execute(
          () -> {
            if (running.getAsBoolean()) {
              seen.add(fill.symbol());
              sink.accept(fill);
            }
          });
    }

    @Override
    public void onConnectionState(ConnectionState state) {
      // a fill between the first catch-up and the stream going live is on neither: catch up
      // again on the first connect as well as after every gap
      if (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED) {
        scheduler.execute(LeaderWatcher.this::catchUp);
      }
    }
  }
}
