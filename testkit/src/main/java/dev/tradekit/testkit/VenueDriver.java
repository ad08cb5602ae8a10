package dev.tradekit.testkit;

import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketEvent;
import dev.tradekit.backtest.sim.MarketReplay;
import dev.tradekit.backtest.sim.SimVenue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs everything that touches the venue on the scheduler's thread. On a {@link VirtualScheduler}
 * it owns a driver thread that runs submitted work at once and moves the clock only on {@link
 * #runUntil}; on a live scheduler it pumps the market source at its timestamps, scaled by a speed
 * factor, relative to the start.
 */
final class VenueDriver implements AutoCloseable {
  private static final long CALL_TIMEOUT_SECONDS = 10;

  private final Scheduler scheduler;
  private final SimVenue venue;
  private final MarketDataSource source;
  private final Consumer<MarketEvent> publish;
  private final @Nullable VirtualScheduler virtual;
  private final @Nullable MarketReplay replay;
  private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
  private final @Nullable Thread thread;
  private final double speed;
  private final MarketEvent event = new MarketEvent();
  private volatile boolean closed;
  private boolean pending;
  private long firstEventTime = Long.MIN_VALUE;
  private long startWall;

  VenueDriver(
      Scheduler scheduler,
      SimVenue venue,
      MarketDataSource source,
      double speed,
      Consumer<MarketEvent> publish) {
    this.scheduler = scheduler;
    this.venue = venue;
    this.source = source;
    this.speed = speed;
    this.publish = publish;
    if (scheduler instanceof VirtualScheduler v) {
      this.virtual = v;
      this.replay = new MarketReplay(new Tee(), venue);
      this.thread = new Thread(this::loop, "fake-binance-driver");
      thread.setDaemon(true);
    } else {
      this.virtual = null;
      this.replay = null;
      this.thread = null;
    }
  }

  void start() {
    if (thread != null) {
      thread.start();
    } else {
      scheduler.execute(
          () -> {
            startWall = scheduler.currentTimeMillis();
            pumpLive();
          });
    }
  }

  long now() {
    return scheduler.currentTimeMillis();
  }

  /** Runs {@code op} on the scheduler's thread and waits (bounded) for the future it returns. */
  <T> T call(Supplier<CompletableFuture<T>> op) {
    CompletableFuture<T> out = new CompletableFuture<>();
    scheduler.execute(
        () -> {
          try {
            op.get()
                .whenComplete(
                    (v, e) -> {
                      if (e != null) {
                        out.completeExceptionally(e);
                      } else {
                        out.complete(v);
                      }
                    });
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
          }
        });
    commands.offer(() -> {});
    try {
      return out.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw ApiError.of(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      throw new ApiError(
          504, -1007, "Timeout waiting for response from backend server. Send status unknown.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(500, -1000, "interrupted");
    }
  }

  /** Runs {@code work} on the scheduler's thread and waits for it. */
  <T> T run(Supplier<T> work) {
    return call(() -> CompletableFuture.completedFuture(work.get()));
  }

  /** Virtual mode: replays the market up to {@code epochMillis} and runs what is due by then. */
  void runUntil(long epochMillis) {
    if (replay == null) {
      throw new IllegalStateException("runUntil needs a FakeBinance on a VirtualScheduler");
    }
    MarketReplay r = replay;
    CompletableFuture<Void> done = new CompletableFuture<>();
    commands.offer(
        () -> {
          try {
            r.runUntil(Math.max(epochMillis, scheduler.currentTimeMillis()));
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    try {
      done.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("replay failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("replay to " + epochMillis + " took over 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void loop() {
    VirtualScheduler v = virtual;
    while (!closed && v != null) {
      try {
        Runnable cmd = commands.poll(20, TimeUnit.MILLISECONDS);
        v.runPending();
        if (cmd != null) {
          cmd.run();
          v.runPending();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(VenueDriver.class).warn("driver task failed", e);
      }
    }
  }

  /** Live mode: feeds every event that is due, then sleeps until the next one. */
  private void pumpLive() {
    while (!closed) {
      if (!pending) {
        if (!source.next(event)) {
          return;
        }
        pending = true;
        if (firstEventTime == Long.MIN_VALUE) {
          firstEventTime = event.eventTime();
        }
      }
      long due = startWall + (long) ((event.eventTime() - firstEventTime) / speed);
      long delay = due - scheduler.currentTimeMillis();
      if (delay > 0) {
        scheduler.schedule(this::pumpLive, delay, TimeUnit.MILLISECONDS);
        return;
      }
      pending = false;
      venue.onMarketEvent(event);
      publish.accept(event);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The source as the replay reads it: every event is also published to the streams. */
  private final class Tee implements MarketDataSource {
    @Override
    public boolean next(MarketEvent into) {
      if (!source.next(into)) {
        return false;
      }
      publish.accept(into);
      return true;
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
