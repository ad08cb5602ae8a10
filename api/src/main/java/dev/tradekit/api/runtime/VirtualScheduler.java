package dev.tradekit.api.runtime;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Scheduler} in virtual time for tests and backtests: nothing runs until the caller moves
 * the clock, and the same calls always produce the same order of tasks.
 *
 * <p>The clock is in whole milliseconds and starts at the given epoch time; {@link #nanoTime()} is
 * {@code (currentTimeMillis() - startMillis) * 1_000_000}. Sub-millisecond delays round up to the
 * next millisecond. The wall clock is never read. Tasks run on the thread that calls {@link
 * #advanceBy}, {@link #advanceTo}, {@link #runPending} or {@link #runNext}, in (due time,
 * submission) order, with the clock set to each task's due time while it runs.
 *
 * <p>Not thread-safe, except that {@link #execute(Runnable)} and {@link Cancellable#cancel()} may
 * be called from any thread: executed tasks go through a lock-free hand-off queue and are due at
 * the virtual time at which the running thread picks them up.
 *
 * <pre>{@code
 * VirtualScheduler clock = new VirtualScheduler(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
 * clock.scheduleAtFixedRate(() -> log.add(clock.currentTimeMillis()), 100, 250, MILLISECONDS);
 * clock.advanceBy(Duration.ofSeconds(1)); // runs at +100, +350, +600, +850
 * }</pre>
 */
public final class VirtualScheduler implements Scheduler {
  private static final Comparator<Task> ORDER =
      Comparator.<Task>comparingLong(t -> t.time).thenComparingLong(t -> t.seq);

  private final long startMillis;
  private final Consumer<Throwable> errorHandler;
  private final PriorityQueue<Task> queue = new PriorityQueue<>(ORDER);
  private final Queue<Task> handoff = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private long now;
  private boolean running;

  /** A virtual clock at {@code startMillis}; task exceptions are printed to {@link System#err}. */
  public VirtualScheduler(long startMillis) {
    this(startMillis, TaskErrors.PRINT_TO_STDERR);
  }

  /** A virtual clock at {@code startMillis}; task exceptions go to {@code errorHandler}. */
  public VirtualScheduler(long startMillis, Consumer<Throwable> errorHandler) {
    this.startMillis = startMillis;
    this.now = startMillis;
    this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
  }

  @Override
  public long currentTimeMillis() {
    return now;
  }

  @Override
  public long nanoTime() {
    return (now - startMillis) * 1_000_000L;
  }

  @Override
  public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(unit, "unit");
    return enqueue(new Task(task, dueAfter(delay, unit), 0));
  }

  @Override
  public Cancellable scheduleAtFixedRate(
      Runnable task, long initialDelay, long period, TimeUnit unit) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(unit, "unit");
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return enqueue(new Task(task, dueAfter(initialDelay, unit), toMillisCeil(period, unit)));
  }

  /** Queues {@code task} to run at the current virtual time; may be called from any thread. */
  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    Task t = new Task(task, Long.MIN_VALUE, 0); // due time is set when the hand-off is drained
    t.seq = sequence.getAndIncrement();
    handoff.add(t);
  }

  /**
   * Moves the clock forward by {@code duration}, running every task due on the way.
   *
   * @return the number of tasks run
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public int advanceBy(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return advanceTo(saturatedAdd(now, duration.toMillis()));
  }

  /**
   * Moves the clock to {@code epochMillis}, running every task due at or before it in (due time,
   * submission) order, with the clock set to each task's time while it runs. Tasks scheduled by
   * those tasks that fall due within the window run too. The clock ends at {@code epochMillis}.
   *
   * @return the number of tasks run
   * @throws IllegalArgumentException if {@code epochMillis} is before the current time
   * @throws IllegalStateException if called from inside a task
   */
  public int advanceTo(long epochMillis) {
    if (epochMillis < now) {
      throw new IllegalArgumentException(
          "the clock never moves backwards: " + epochMillis + " is before " + now);
    }
    if (!running && handoff.isEmpty()) {
      Task head = queue.peek();
      if (head == null || head.time > epochMillis) {
        now = epochMillis; // nothing due on the way: no scheduler work for this move
        return 0;
      }
    }
    enter();
    int ran = 0;
    try {
      Task next;
      while ((next = peekLive()) != null && next.time <= epochMillis) {
        runTask(queue.remove());
        ran++;
      }
      now = epochMillis;
    } finally {
      running = false;
    }
    return ran;
  }

  /**
   * Runs every task due at the current time, including tasks they submit for the same time.
   *
   * @return the number of tasks run
   */
  public int runPending() {
    return advanceTo(now);
  }

  /**
   * Moves the clock to the next task's due time and runs that one task.
   *
   * @return {@code false} if no task was pending
   * @throws IllegalStateException if called from inside a task
   */
  public boolean runNext() {
    enter();
    try {
      if (peekLive() == null) {
        return false;
      }
      runTask(queue.remove());
      return true;
    } finally {
      running = false;
    }
  }

  /** The number of tasks waiting to run (cancelled ones excluded). */
  public int pendingTasks() {
    drainHandoff();
    int n = 0;
    for (Task t : queue) {
      if (!t.isCancelled()) {
        n++;
      }
    }
    return n;
  }

  /** The due time of the next task, or {@link Long#MAX_VALUE} when none is pending. */
  public long nextTaskTime() {
    Task next = peekLive();
    return next == null ? Long.MAX_VALUE : next.time;
  }

  private void enter() {
    if (running) {
      throw new IllegalStateException("cannot advance the virtual clock from inside a task");
    }
    running = true;
  }

  /** The next non-cancelled task after draining the hand-off queue, left in the queue. */
  private @Nullable Task peekLive() {
    drainHandoff();
    Task head;
    while ((head = queue.peek()) != null && head.isCancelled()) {
      queue.remove();
    }
    return head;
  }

  private void drainHandoff() {
    Task t;
    while ((t = handoff.poll()) != null) {
      t.time = now;
      queue.add(t);
    }
  }

  private void runTask(Task task) {
    now = Math.max(now, task.time);
    if (task.period == 0) {
      task.finished = true;
    }
    TaskErrors.runGuarded(task.task, errorHandler);
    if (task.period > 0 && !task.isCancelled()) {
      task.time = saturatedAdd(task.time, task.period);
      task.seq = sequence.getAndIncrement();
      queue.add(task);
    }
  }

  private Task enqueue(Task task) {
    task.seq = sequence.getAndIncrement();
    queue.add(task);
    return task;
  }

  private long dueAfter(long delay, TimeUnit unit) {
    return saturatedAdd(now, Math.max(0, toMillisCeil(delay, unit)));
  }

  private static long toMillisCeil(long amount, TimeUnit unit) {
    if (unit.compareTo(TimeUnit.MILLISECONDS) >= 0) {
      return unit.toMillis(amount); // saturates at Long.MAX_VALUE
    }
    long millis = unit.toMillis(amount);
    return unit.toNanos(amount) > TimeUnit.MILLISECONDS.toNanos(millis) ? millis + 1 : millis;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /** A queued task; {@code time} and {@code seq} change when a periodic task is re-queued. */
  private static final class Task implements Cancellable {
    final Runnable task;
    final long period;
    long time;
    long seq;
    private static final AtomicIntegerFieldUpdater<Task> CANCELLED =
        AtomicIntegerFieldUpdater.newUpdater(Task.class, "cancelled");
    private volatile int cancelled; // 1 once cancelled; a field updater, no object per task
    private volatile boolean finished;

    Task(Runnable task, long time, long period) {
      this.task = task;
      this.time = time;
      this.period = period;
    }

    @Override
    public boolean cancel() {
      return !finished && CANCELLED.compareAndSet(this, 0, 1);
    }

    @Override
    public boolean isCancelled() {
      return cancelled != 0;
    }
  }
}
