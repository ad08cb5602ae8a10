package dev.tradekit.binance;

import dev.tradekit.api.KlineListener;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.runtime.Scheduler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kline stream ({@code <symbol>@kline_<interval>}) made gap-free: a closed bar is delivered
 * once (a repeat after a reconnect is dropped) and bars whose close was missed while the socket was
 * down are fetched from REST {@code klines} and delivered, in order, before the event that revealed
 * the gap. Events arriving during a fetch wait in a queue. Runs on the scheduler only.
 */
final class KlineSync {
  private static final Logger log = LoggerFactory.getLogger(KlineSync.class);
  static final int MAX_ATTEMPTS = 5;

  private final String symbol;
  private final KlineInterval interval;
  private final Scheduler scheduler;
  private final StreamRestCalls rest;
  private final Listeners<KlineListener> listeners;
  private final ArrayDeque<Kline> pending = new ArrayDeque<>();
  private final ArrayDeque<Boolean> pendingClosed = new ArrayDeque<>();
  private long lastClosedOpen = Long.MIN_VALUE;
  private boolean filling;
  private boolean closed;
  private int generation;

  KlineSync(
      String symbol,
      KlineInterval interval,
      Scheduler scheduler,
      StreamRestCalls rest,
      Listeners<KlineListener> listeners) {
    this.symbol = symbol;
    this.interval = interval;
    this.scheduler = scheduler;
    this.rest = rest;
    this.listeners = listeners;
  }

  /** An event of the stream. */
  void onKline(Kline bar, boolean isClosed) {
    if (filling) {
      pending.add(bar);
      pendingClosed.add(isClosed);
      return;
    }
    handle(bar, isClosed);
  }

  void close() {
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
    listeners.forEach(l -> l.onKline(bar, isClosed));
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
                BinanceStreams.handOver(
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
            BinanceStreams.describe(error));
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
