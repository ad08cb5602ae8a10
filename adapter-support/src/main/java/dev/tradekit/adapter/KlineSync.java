package dev.tradekit.adapter;

import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue kline stream (Binance {@code <symbol>@kline_<interval>}, Bybit {@code
 * kline.<interval>.<symbol>}) made gap-free: a closed bar is delivered once (a repeat after a
 * reconnect is dropped) and bars whose close was missed while the socket was down are fetched from
 * the venue's REST klines and delivered, in order, before the event that revealed the gap. Events
 * arriving during a fetch wait in a queue. Runs on the scheduler only.
 *
 * <pre>{@code
 * KlineSync sync = new KlineSync("BTCUSDT", KlineInterval.M1, scheduler,
 *     query -> rest.klines(query), (bar, closed) -> listener.onKline(bar, closed));
 * sync.onKline(barFromTheSocket, confirm);
 * }</pre>
 */
public final class KlineSync {
  /** Fetches closed bars for a gap: the venue's REST klines. */
  @FunctionalInterface
  public interface Fetcher {
    /** The bars of {@code query}, oldest first. */
    CompletableFuture<List<Kline>> klines(KlineQuery query);
  }

  /** Receives each bar in order; on the scheduler. */
  @FunctionalInterface
  public interface Sink {
    /** One update of the current bar, or a closed bar ({@code closed}) exactly once. */
    void onKline(Kline bar, boolean closed);
  }

  private static final Logger log = LoggerFactory.getLogger(KlineSync.class);

  /** REST attempts to fill one gap before its bars are skipped (logged as an error). */
  public static final int MAX_ATTEMPTS = 5;

  private final String symbol;
  private final KlineInterval interval;
  private final Scheduler scheduler;
  private final Fetcher rest;
  private final Sink sink;
  private final ArrayDeque<Kline> pending = new ArrayDeque<>();
  private final ArrayDeque<Boolean> pendingClosed = new ArrayDeque<>();
  private long lastClosedOpen = Long.MIN_VALUE;
  private boolean filling;
  private boolean closed;
  private int generation;

  /**
   * @param symbol the venue symbol
   * @param interval the bar interval
   * @param scheduler where every method runs and retries are timed
   * @param rest the venue's REST klines, for gaps
   * @param sink receives the bars
   */
  public KlineSync(
      String symbol, KlineInterval interval, Scheduler scheduler, Fetcher rest, Sink sink) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.rest = Objects.requireNonNull(rest, "rest");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** An event of the stream. */
  public void onKline(Kline bar, boolean isClosed) {
    if (filling) {
      pending.add(bar);
      pendingClosed.add(isClosed);
      return;
    }
    handle(bar, isClosed);
  }

  /** Stops delivery; a fetch in flight is ignored. */
  public void close() {
    closed = true;
    generation++;
    pending.clear();
    pendingClosed.clear();
  }

  private void handle(Kline bar, boolean isClosed) {
    if (bar.openTime() <= lastClosedOpen) {
      return; // a repeat of a delivered closed bar, or a late update of it
    }
    if (lastClosedOpen != Long.MIN_VALUE
        && interval != KlineInterval.MN1
        && bar.openTime() > lastClosedOpen + interval.millis()) {
      filling = true;
      pending.addFirst(bar);
      pendingClosed.addFirst(isClosed);
      fetch(lastClosedOpen + interval.millis(), bar.openTime() - 1, 1);
      return;
    }
    deliver(bar, isClosed);
  }

  private void deliver(Kline bar, boolean isClosed) {
    if (isClosed) {
      lastClosedOpen = bar.openTime();
    }
    sink.onKline(bar, isClosed);
  }

  private void fetch(long from, long to, int attempt) {
    int gen = generation;
    long count = (to - from) / interval.millis() + 1;
    KlineQuery q =
        KlineQuery.builder()
            .symbol(symbol)
            .interval(interval)
            .startTime(from)
            .endTime(to)
            .limit((int) Math.min(KlineQuery.MAX_LIMIT, Math.max(1, count)))
            .build();
    rest.klines(q)
        .whenComplete(
            (bars, error) ->
                WsConnection.handOver(
                    scheduler,
                    () -> {
                      if (gen == generation && !closed) {
                        onFetched(from, to, attempt, bars, error);
                      }
                    }));
  }

  private void onFetched(
      long from, long to, int attempt, @Nullable List<Kline> bars, @Nullable Throwable error) {
    if (error != null || bars == null) {
      if (attempt < MAX_ATTEMPTS) {
        log.warn(
            "{} {} klines: filling the gap failed ({}); retrying",
            symbol,
            interval.code(),
            WsConnection.describe(error));
        int gen = generation;
        scheduler.schedule(
            () -> {
              if (gen == generation && !closed) {
                fetch(from, to, attempt + 1);
              }
            },
            attempt,
            TimeUnit.SECONDS);
        return;
      }
      log.error(
          "{} {} klines: bars from {} to {} could not be fetched after {} attempts; they are"
              + " skipped",
          symbol,
          interval.code(),
          from,
          to,
          attempt);
      lastClosedOpen = to + 1 - interval.millis();
    } else {
      boolean progress = false;
      for (Kline k : bars) {
        if (k.openTime() > lastClosedOpen && k.closeTime() <= to) {
          deliver(k, true);
          progress = true;
        }
      }
      if (!progress) {
        log.warn(
            "{} {} klines: the venue has no bars from {} to {}; continuing after them",
            symbol,
            interval.code(),
            from,
            to);
        lastClosedOpen = to + 1 - interval.millis();
      }
    }
    filling = false;
    while (!filling && !pending.isEmpty()) {
      handle(pending.remove(), pendingClosed.remove());
    }
  }
}
