package dev.tradekit.copier.internal;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.SendDeadlineExceededException;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.runtime.Scheduler;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Works the head copy of a lane through its life: wait (delay, aggregation), plan, journal the
 * intent, send, and settle — asking the venue by client order id whenever the outcome is unknown
 * (after a restart, an unknown status, a time-out or a duplicate id) before sending again.
 *
 * <pre>{@code
 * lane.queue.add(pending);
 * driver.drive(lane);   // returns at once; the lane advances on the scheduler as replies come
 * }</pre>
 *
 * <p>Runs on the copier's scheduler thread; venue replies are handed back to it.
 */
public final class LaneDriver {
  private final Scheduler scheduler;
  private final JournalStore store;
  private final Events events;
  private final BooleanSupplier running;
  private final BiConsumer<Follower, String> pause;
  private final Consumer<Throwable> fatal;
  private final InputsFetcher inputs;
  private final TradeGuard guard;
  private final Backoff backoff = Backoff.DEFAULT;

  private final CopyPlacement placement;

  /** The copies planned in the running {@link #batch}, null outside one. */
  private @Nullable List<Planned> batch;

  /**
   * A driver.
   *
   * @param running false once the copier stops: every pending reply is then ignored
   * @param pause pauses a follower with a reason (authentication failures)
   * @param fatal halts the copier (a journal failure: exactly-once can no longer be kept)
   */
  public LaneDriver(
      Scheduler scheduler,
      JournalStore store,
      Exchange leader,
      Events events,
      BooleanSupplier running,
      BiConsumer<Follower, String> pause,
      Consumer<Throwable> fatal,
      TradeGuard guard) {
    this.guard = guard;
    this.scheduler = scheduler;
    this.store = store;
    this.events = events;
    this.running = running;
    this.pause = pause;
    this.fatal = fatal;
    this.inputs = new InputsFetcher(leader, store);
    this.placement = new CopyPlacement(scheduler, events, guard);
  }

  /** Warms the follower's caches (instruments, position mode) ahead of its first copy. */
  void warmUp(Follower f) {
    inputs.warmUp(f, scheduler);
  }

  /** Advances the lane as far as it can go now; a no-op while a step is in flight. */
  void drive(Lane lane) {
    try {
      driveNow(lane);
    } catch (LeaseLostException e) {
      guard.lost(lane.follower, e.lease());
    }
  }

  private void driveNow(Lane lane) {
    if (!running.getAsBoolean() || lane.detached || lane.busy || lane.timer != null) {
      return;
    }
    CopyRecord head = lane.queue.peekFirst();
    if (head == null) {
      return;
    }
    Follower f = lane.follower;
    if (lane.mustQuery.contains(head.clientOrderId())) {
      lane.busy = true;
      query(lane, head);
      return;
    }
    if (head.status() == CopyStatus.INTENDED) {
      lane.busy = true;
      send(lane, head);
      return;
    }
    String pausedReason = f.pausedReason;
    if (f.removed || pausedReason != null) {
      String why = f.removed ? "follower removed" : "follower paused: " + pausedReason;
      finish(lane, Records.finished(head, CopyStatus.SKIPPED, why, now()));
      return;
    }
    long due = Grouping.dueTime(f.settings, head);
    if (due > now()) {
      wakeAt(lane, due);
      return;
    }
    lane.busy = true;
    var group = Grouping.group(lane, head, f.settings);
    InputsFetcher.Fetched ready = inputs.ready(f, group);
    if (ready != null) {
      try {
        plan(lane, group, ready);
      } catch (LeaseLostException e) {
        throw e;
      } catch (RuntimeException e) {
        fatal.accept(e);
      }
      return;
    }
    inputs
        .fetch(f, group, scheduler)
        .whenCompleteAsync(
            guarded(
                lane,
                (in, error) -> {
                  if (error != null) {
                    onError(lane, head, error, false);
                  } else {
                    plan(lane, group, in);
                  }
                }),
            scheduler);
  }

  /**
   * A reply handler that does nothing once stopped or once the lane was handed to another instance,
   * gives the follower up when its lease turns out lost, and halts the copier if it throws anything
   * else.
   */
  private <T> BiConsumer<T, Throwable> guarded(Lane lane, BiConsumer<T, Throwable> handler) {
    return (value, error) -> {
      if (!running.getAsBoolean() || lane.detached) {
        return;
      }
      try {
        handler.accept(value, error);
      } catch (LeaseLostException e) {
        guard.lost(lane.follower, e.lease());
      } catch (RuntimeException e) {
        fatal.accept(e);
      }
    };
  }

  private void plan(Lane lane, List<CopyRecord> group, InputsFetcher.Fetched in) {
    Follower f = lane.follower;
    CopyPlanner.Plan plan;
    try {
      plan = CopyPlanner.plan(group, f.name, f.settings, f.policy, in.inputs(), now());
    } catch (IllegalArgumentException | ArithmeticException e) {
      finish(
          lane,
          Records.finished(
              group.get(0), CopyStatus.FAILED, "cannot size the copy: " + e.getMessage(), now()));
      return;
    }
    if (plan instanceof CopyPlanner.Skip skip) {
      List<CopyRecord> skipped = new ArrayList<>(group.size());
      for (CopyRecord r : group) {
        skipped.add(Records.finished(r, CopyStatus.SKIPPED, skip.reason(), now()));
      }
      List<CopyRecord> written = store.skip(skipped, skip.target());
      inputs.written(f.name);
      for (CopyRecord done : skipped) {
        pop(lane, done);
        if (written.contains(done)) {
          events.finished(lane.follower, done);
        }
      }
      lane.busy = false;
      drive(lane);
      return;
    }
    CopyPlanner.Send send = (CopyPlanner.Send) plan;
    List<Planned> fanOut = batch;
    if (fanOut != null) {
      fanOut.add(new Planned(lane, group.size(), send, in));
      return; // journaled with the batch's other intents, then sent
    }
    store.markIntended(send.intended(), send.merged(), send.target());
    dispatch(new Planned(lane, group.size(), send, in));
  }

  /**
   * Runs {@code fanOut}, which drives lanes, and journals every copy planned meanwhile as intended
   * in one transaction (instead of one per follower), then sends them all. In a group, when a
   * follower's lease turns out lost the batch is journaled copy by copy, so that only that
   * follower's copy is given up. A journal failure halts the copier.
   */
  void batch(Runnable fanOut) {
    if (batch != null) {
      fanOut.run(); // already inside a batch: it journals these too
      return;
    }
    List<Planned> planned = new ArrayList<>();
    batch = planned;
    inputs.shareReads(true);
    try {
      fanOut.run();
    } finally {
      batch = null;
      inputs.shareReads(false);
    }
    if (planned.isEmpty() || !running.getAsBoolean()) {
      return;
    }
    try {
      journalIntents(planned);
    } catch (RuntimeException e) {
      fatal.accept(e);
    }
  }

  private void journalIntents(List<Planned> planned) {
    List<JournalStore.Intent> intents = new ArrayList<>(planned.size());
    for (Planned p : planned) {
      intents.add(new JournalStore.Intent(p.send.intended(), p.send.merged(), p.send.target()));
    }
    try {
      store.markIntended(intents);
    } catch (LeaseLostException lost) {
      for (Planned p : planned) { // nothing was written: one by one, each under its own lease
        if (running.getAsBoolean() && !p.lane.detached) {
          try {
            store.markIntended(p.send.intended(), p.send.merged(), p.send.target());
            dispatch(p);
          } catch (LeaseLostException e) {
            guard.lost(p.lane.follower, e.lease());
          }
        }
      }
      return;
    }
    for (Planned p : planned) {
      if (running.getAsBoolean() && !p.lane.detached) {
        try {
          dispatch(p);
        } catch (LeaseLostException e) {
          guard.lost(p.lane.follower, e.lease());
        }
      }
    }
  }

  /** A copy planned inside a {@link #batch}, waiting for the batch's journal transaction. */
  private record Planned(
      Lane lane, int groupSize, CopyPlanner.Send send, InputsFetcher.Fetched in) {}

  /** The journaled intent replaces its group at the head of the lane and leaves. */
  private void dispatch(Planned p) {
    Lane lane = p.lane;
    CopyPlanner.Send send = p.send;
    InputsFetcher.Fetched in = p.in;
    for (int i = 0; i < p.groupSize; i++) {
      lane.queue.pollFirst();
    }
    lane.queue.addFirst(send.intended());
    placement.mirror(send.intended().clientOrderId(), in.leaderLeverage(), in.leaderMarginType());
    send(lane, send.intended());
  }

  private void send(Lane lane, CopyRecord r) {
    Follower f = lane.follower;
    if (!f.breaker.tryAcquirePermission()) {
      lane.busy = false;
      wakeAt(lane, now() + Follower.BREAKER_OPEN_WAIT.toMillis());
      return;
    }
    if (guard.sendDeadline(f) <= now()) {
      lane.busy = false;
      guard.lost(f, Fence.follower(f.name));
      return;
    }
    long start = scheduler.nanoTime();
    CompletableFuture<Order> placed = placement.place(f, r);
    events.sent(r);
    placed.whenCompleteAsync(
        guarded(
            lane,
            (order, error) -> {
              long took = scheduler.nanoTime() - start;
              if (error != null && Failures.unwrap(error) instanceof LeaseLostException lost) {
                throw lost; // not sent; the record stays INTENDED for the next owner to ask
              }
              if (error != null
                  && Failures.unwrap(error) instanceof SendDeadlineExceededException) {
                // not placed: send again (same client id) only if the lease still allows, which
                // the next attempt checks; otherwise the next owner asks the venue and sends it
                f.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                events.error(
                    "follower "
                        + f.name
                        + ": copy "
                        + r.clientOrderId()
                        + " not placed, its send deadline passed: "
                        + Failures.describe(error),
                    Failures.unwrap(error));
                retryLater(lane, error);
                return;
              }
              if (error == null) {
                f.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                onOrder(lane, r, Objects.requireNonNull(order));
              } else {
                if (Failures.kind(error) == Failures.Kind.TRANSIENT) {
                  f.breaker.onError(took, TimeUnit.NANOSECONDS, Failures.unwrap(error));
                } else {
                  f.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                }
                onError(lane, r, error, true);
              }
            }),
        scheduler);
  }

  private void query(Lane lane, CopyRecord r) {
    Follower f = lane.follower;
    f.exchange
        .trading()
        .order(OrderRef.byClientId(r.symbol(), r.clientOrderId()))
        .whenCompleteAsync(
            guarded(
                lane,
                (found, error) -> {
                  if (error != null) {
                    retryLater(lane, error);
                    return;
                  }
                  lane.mustQuery.remove(r.clientOrderId());
                  Optional<Order> order = Objects.requireNonNull(found);
                  if (order.isPresent()) {
                    onOrder(lane, r, order.get());
                  } else if (r.status() == CopyStatus.INTENDED) {
                    send(lane, r);
                  } else {
                    lane.busy = false;
                    drive(lane); // journaled but never sent: plan it now
                  }
                }),
            scheduler);
  }

  private void onOrder(Lane lane, CopyRecord r, Order order) {
    if (order.isOpen()) {
      lane.mustQuery.add(r.clientOrderId());
      lane.busy = false;
      wakeAt(lane, now() + backoff.delayMillis(lane.attempts++));
      return;
    }
    CopyRecord done;
    if (order.executedQuantity().signum() > 0) {
      done = Records.fromOrder(r, order, CopyStatus.COPIED, null, now());
    } else if (order.type() == OrderType.LIMIT) {
      done =
          Records.fromOrder(
              r,
              order,
              CopyStatus.SKIPPED,
              "IOC limit at "
                  + Decimals.plain(Objects.requireNonNull(order.price()))
                  + " ended "
                  + order.status()
                  + " with nothing filled (slippage cap)",
              now());
    } else {
      done =
          Records.fromOrder(
              r,
              order,
              CopyStatus.FAILED,
              "order ended " + order.status() + " with nothing executed",
              now());
    }
    finish(lane, done);
  }

  private void onError(Lane lane, CopyRecord r, Throwable error, boolean sent) {
    Follower f = lane.follower;
    switch (Failures.kind(error)) {
      case LANDED -> {
        lane.mustQuery.add(r.clientOrderId());
        lane.busy = false;
        drive(lane);
      }
      case TRANSIENT -> {
        if (sent) {
          lane.mustQuery.add(r.clientOrderId());
        }
        retryLater(lane, error);
      }
      case REJECTED -> {
        if (Failures.unwrap(error) instanceof InvalidOrderException) {
          f.positionMode = null; // re-read it: the order may have used the wrong position side
        }
        finish(lane, Records.finished(r, CopyStatus.FAILED, Failures.describe(error), now()));
      }
      case AUTHENTICATION -> {
        String why = Failures.describe(error);
        finish(lane, Records.finished(r, CopyStatus.FAILED, why, now()));
        pause.accept(f, "authentication failed: " + why);
      }
    }
  }

  private void retryLater(Lane lane, Throwable error) {
    long wait =
        Math.max(backoff.delayMillis(lane.attempts++), Failures.retryAfter(error).toMillis());
    lane.busy = false;
    wakeAt(lane, now() + wait);
  }

  /** Journals a final copy, pops it, and moves on to the next one. */
  private void finish(Lane lane, CopyRecord done) {
    settle(lane, done);
    lane.busy = false;
    drive(lane);
  }

  private void settle(Lane lane, CopyRecord done) {
    pop(lane, done);
    boolean completed = store.complete(done);
    inputs.written(lane.follower.name);
    if (completed) {
      events.finished(lane.follower, done);
    }
  }

  /** Takes {@code done}'s copy off the head of the lane. */
  private void pop(Lane lane, CopyRecord done) {
    CopyRecord head = lane.queue.pollFirst();
    if (head == null || !head.clientOrderId().equals(done.clientOrderId())) {
      throw new IllegalStateException(
          "lane " + lane.symbol + " of " + lane.follower.name + " lost its head copy");
    }
    lane.attempts = 0;
    lane.mustQuery.remove(done.clientOrderId());
  }

  private void wakeAt(Lane lane, long at) {
    lane.timer =
        scheduler.schedule(
            () -> {
              lane.timer = null;
              drive(lane);
            },
            Math.max(0, at - now()),
            TimeUnit.MILLISECONDS);
  }

  /** Cancels the lane's wake-up, if any. */
  static void cancelTimer(Lane lane) {
    var t = lane.timer;
    if (t != null) {
      t.cancel();
      lane.timer = null;
    }
  }

  private long now() {
    return scheduler.currentTimeMillis();
  }
}
