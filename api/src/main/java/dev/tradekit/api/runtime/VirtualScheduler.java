package dev.tradekit.api.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
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
 * be called from any thread: executed tasks go through a hand-off ring and are due at the virtual
 * time at which the running thread picks them up, and take their place in the submission order
 * then. The clock's own thread (the last one that moved it or scheduled a task) takes no lock and
 * no atomic instruction: its {@code execute} queues the task due now directly, after anything other
 * threads handed over before. A thread that stops moving the clock must not call {@code execute}
 * while another thread takes over the clock without a happens-before edge between the two (in a
 * backtest the replay thread is the only one). Once warm, {@code execute} allocates nothing (its
 * task records are recycled), and moving the clock past a time at which nothing is due costs one
 * comparison.
 *
 * <pre>{@code
 * VirtualScheduler clock = new VirtualScheduler(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
 * clock.scheduleAtFixedRate(() -> log.add(clock.currentTimeMillis()), 100, 250, MILLISECONDS);
 * clock.advanceBy(Duration.ofSeconds(1)); // runs at +100, +350, +600, +850
 * }</pre>
 */
public final class VirtualScheduler implements Scheduler {
  private static final Comparator<Task> ORDER =
      (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq);

  private final long startMillis;
  private final Consumer<Throwable> errorHandler;
  private final PriorityQueue<Task> queue = new PriorityQueue<>(ORDER);

  /**
   * Submission order of the queued tasks: taken on the clock's own thread only (tasks handed over
   * by other threads get theirs when the clock's thread drains them, in hand-off order), so no
   * atomic instruction per task.
   */
  private long sequence;

  /** Tasks handed over by {@link #execute}, in submission order: a ring guarded by its lock. */
  private final Object handoffLock = new Object();

  private Runnable[] handoffTasks = new Runnable[16];
  private int handoffHead;
  private int handoffSize;

  /** The hand-off's size, read without the lock: 0 means nothing to drain. */
  private volatile int handoffPending;

  /** Finished tasks of {@link #execute}, reused for the next ones (the clock's thread only). */
  private Task[] free = new Task[16];

  private int freeCount;

  /** Due time of the queue's head (cancelled or not), {@link Long#MAX_VALUE} when empty. */
  private long nextDue = Long.MAX_VALUE;

  private long now;
  private boolean running;

  /** The thread that last moved the clock: its {@link #execute} takes no lock. */
  private volatile @Nullable Thread owner;

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
    if (Thread.currentThread() == owner) {
      executeOwn(task);
      return;
    }
    synchronized (handoffLock) {
      if (handoffSize == handoffTasks.length) {
        growHandoff();
      }
      int i = (handoffHead + handoffSize) & (handoffTasks.length - 1);
      handoffTasks[i] = task; // its sequence number comes when the clock's thread drains it
      handoffSize++;
      handoffPending = handoffSize;
    }
  }

  /**
   * {@link #execute} on the clock's own thread: the task joins the queue due now, in a recycled
   * record, behind what other threads handed over (drained first, so submission order holds).
   */
  private void executeOwn(Runnable task) {
    if (handoffPending != 0) {
      drainHandoff();
    }
    queue.add(recycledTask(task, sequence++));
    if (now < nextDue) {
      nextDue = now;
    }
  }

  /**
   * True on the thread that last moved the clock, outside any task, with no hand-off pending and no
   * task due at or before now: an executed task would run next, at the current time.
   */
  @Override
  public boolean canRunInline() {
    return now < nextDue && handoffPending == 0 && !running && Thread.currentThread() == owner;
  }

  /**
   * Whether moving the clock to {@code epochMillis} would run nothing: no task due at or before it
   * and nothing handed over. A replay uses it to take a bar's open and close in one step.
   */
  public boolean idleThrough(long epochMillis) {
    return epochMillis < nextDue && handoffPending == 0 && !running;
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
    if (epochMillis >= now
        && epochMillis < nextDue
        && handoffPending == 0
        && !running
        && Thread.currentThread() == owner) {
      now = epochMillis; // the clock's own thread, nothing due on the way: no scheduler work
      return 0;
    }
    return advanceRunning(epochMillis);
  }

  /**
   * {@link #advanceTo} beyond its small first check (kept apart so that check inlines where a
   * replay moves the clock once per event): checks the time, claims the clock, runs what is due.
   */
  private int advanceRunning(long epochMillis) {
    if (epochMillis < now) {
      throw new IllegalArgumentException(
          "the clock never moves backwards: " + epochMillis + " is before " + now);
    }
    claimClock();
    if (epochMillis < nextDue && handoffPending == 0 && !running) {
      now = epochMillis; // nothing due on the way: no scheduler work for this move
      return 0;
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
      refreshDue();
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
    claimClock();
    enter();
    try {
      if (peekLive() == null) {
        return false;
      }
      runTask(queue.remove());
      return true;
    } finally {
      running = false;
      refreshDue();
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

  /** Moves the handed-over tasks into the queue, due now, in recycled task records. */
  private void drainHandoff() {
    if (handoffPending == 0) {
      return;
    }
    synchronized (handoffLock) {
      int mask = handoffTasks.length - 1;
      while (handoffSize > 0) {
        int i = handoffHead;
        Task t = recycledTask(Objects.requireNonNull(handoffTasks[i]), sequence++);
        handoffTasks[i] = null;
        handoffHead = (i + 1) & mask;
        handoffSize--;
        queue.add(t);
      }
      handoffPending = 0;
    }
    refreshDue();
  }

  /** A task of {@link #execute} due now, in a reused record when one is free. */
  private Task recycledTask(Runnable task, long seq) {
    Task t = freeCount > 0 ? free[--freeCount] : new Task(null, 0, 0);
    t.task = task;
    t.seq = seq;
    t.time = now;
    t.recycled = true; // no handle escapes: its volatile finished flag is never read
    return t;
  }

  /** Makes the calling thread the clock's own (its {@link #execute} then takes no lock). */
  private void claimClock() {
    Thread me = Thread.currentThread();
    if (owner != me) {
      owner = me; // a volatile write only when the clock changes hands
    }
  }

  private void growHandoff() {
    int n = handoffTasks.length;
    Runnable[] tasks = new Runnable[n * 2];
    for (int k = 0; k < n; k++) {
      int from = (handoffHead + k) & (n - 1);
      tasks[k] = handoffTasks[from];
    }
    handoffTasks = tasks;
    handoffHead = 0;
  }

  private void refreshDue() {
    Task head = queue.peek();
    nextDue = head == null ? Long.MAX_VALUE : head.time;
  }

  private void runTask(Task task) {
    now = Math.max(now, task.time);
    if (task.period == 0 && !task.recycled) {
      task.finished = true; // read by cancel() through the handle schedule() returned
    }
    TaskErrors.runGuarded(Objects.requireNonNull(task.task), errorHandler);
    if (task.period > 0 && !task.isCancelled()) {
      task.time = saturatedAdd(task.time, task.period);
      task.seq = sequence++;
      queue.add(task);
    } else if (task.recycled) {
      task.task = null; // no handle to it escaped: reuse it for the next execute
      if (freeCount == free.length) {
        free = Arrays.copyOf(free, freeCount * 2);
      }
      free[freeCount++] = task;
    }
  }

  /**
   * Queues a task of {@link #schedule} or {@link #scheduleAtFixedRate}: the calling thread becomes
   * the clock's own (they are not thread-safe), and what other threads handed over before is queued
   * first, so its submission order holds.
   */
  private Task enqueue(Task task) {
    claimClock();
    if (handoffPending != 0) {
      drainHandoff();
    }
    task.seq = sequence++;
    queue.add(task);
    if (task.time < nextDue) {
      nextDue = task.time;
    }
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

  /**
   * A queued task; {@code time} and {@code seq} change when a periodic task is re-queued, and a
   * task of {@link #execute} ({@code recycled}) is reused once it has run.
   */
  private static final class Task implements Cancellable {
    @Nullable Runnable task;
    final long period;
    long time;
    long seq;
    boolean recycled;
    private static final AtomicIntegerFieldUpdater<Task> CANCELLED =
        AtomicIntegerFieldUpdater.newUpdater(Task.class, "cancelled");
    private volatile int cancelled; // 1 once cancelled; a field updater, no object per task
    private volatile boolean finished;

    Task(@Nullable Runnable task, long time, long period) {
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
