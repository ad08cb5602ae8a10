package dev.tradekit.api.runtime;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
  private static final long START = 1_700_000_000_000L;

  private final List<String> log = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final VirtualScheduler scheduler = new VirtualScheduler(START, errors::add);

  private Runnable record(String name) {
    return () -> log.add(name + "@" + (scheduler.currentTimeMillis() - START));
  }

  @Test
  void runsTasksInTimeThenSubmissionOrder() {
    scheduler.schedule(record("c"), 20, MILLISECONDS);
    scheduler.schedule(record("a"), 10, MILLISECONDS);
    scheduler.schedule(record("b"), 10, MILLISECONDS);
    scheduler.execute(record("now1"));
    scheduler.schedule(record("now2"), 0, MILLISECONDS);
    scheduler.schedule(record("past"), -5, MILLISECONDS);

    assertThat(log).isEmpty(); // nothing runs until the clock is moved
    assertThat(scheduler.advanceBy(Duration.ofMillis(30))).isEqualTo(6);

    assertThat(log).containsExactly("now1@0", "now2@0", "past@0", "a@10", "b@10", "c@20");
    assertThat(scheduler.currentTimeMillis()).isEqualTo(START + 30);
  }

  @Test
  void periodicTaskFiresAtExactVirtualTimes() {
    scheduler.scheduleAtFixedRate(record("p"), 100, 250, MILLISECONDS);
    scheduler.advanceBy(Duration.ofMillis(1_000));
    assertThat(log).containsExactly("p@100", "p@350", "p@600", "p@850");
    assertThat(scheduler.nextTaskTime()).isEqualTo(START + 1_100);
  }

  @Test
  void cancelPreventsRunningAndStopsPeriodicTask() {
    Cancellable once = scheduler.schedule(record("once"), 10, MILLISECONDS);
    Cancellable periodic = scheduler.scheduleAtFixedRate(record("p"), 0, 100, MILLISECONDS);
    assertThat(scheduler.pendingTasks()).isEqualTo(2);

    assertThat(once.cancel()).isTrue();
    assertThat(once.cancel()).isFalse();
    assertThat(once.isCancelled()).isTrue();
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
    scheduler.advanceBy(Duration.ofMillis(250));
    assertThat(periodic.cancel()).isTrue();
    scheduler.advanceBy(Duration.ofMillis(1_000));

    assertThat(log).containsExactly("p@0", "p@100", "p@200");
    assertThat(scheduler.pendingTasks()).isZero();
    assertThat(scheduler.nextTaskTime()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void periodicTaskCanCancelItself() {
    Cancellable[] self = new Cancellable[1];
    self[0] =
        scheduler.scheduleAtFixedRate(
            () -> {
              log.add("tick@" + (scheduler.currentTimeMillis() - START));
              if (log.size() == 3) {
                self[0].cancel();
              }
            },
            10,
            10,
            MILLISECONDS);
    scheduler.advanceBy(Duration.ofSeconds(1));
    assertThat(log).containsExactly("tick@10", "tick@20", "tick@30");
  }

  @Test
  void oneShotTaskCannotBeCancelledAfterItRan() {
    Cancellable once = scheduler.schedule(record("once"), 5, MILLISECONDS);
    scheduler.advanceBy(Duration.ofMillis(5));
    assertThat(once.cancel()).isFalse();
    assertThat(once.isCancelled()).isFalse();
    assertThat(log).containsExactly("once@5");
  }

  @Test
  void tasksScheduledFromTasksWithinWindowRun() {
    scheduler.schedule(
        () -> {
          log.add("outer@" + (scheduler.currentTimeMillis() - START));
          scheduler.schedule(record("inner"), 30, MILLISECONDS);
          scheduler.schedule(record("late"), 100, MILLISECONDS);
          scheduler.execute(record("exec"));
          scheduler.schedule(record("zero"), 0, MILLISECONDS);
        },
        10,
        MILLISECONDS);
    scheduler.advanceTo(START + 50);

    assertThat(log).containsExactly("outer@10", "exec@10", "zero@10", "inner@40");
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
    assertThat(scheduler.nextTaskTime()).isEqualTo(START + 110);
  }

  @Test
  void exceptionGoesToHandlerAndLaterTasksStillRun() {
    IllegalStateException boom = new IllegalStateException("boom");
    scheduler.schedule(
        () -> {
          throw boom;
        },
        1,
        MILLISECONDS);
    int[] periodicRuns = new int[1];
    scheduler.scheduleAtFixedRate(
        () -> {
          periodicRuns[0]++;
          throw new IllegalArgumentException("periodic " + periodicRuns[0]);
        },
        0,
        10,
        MILLISECONDS);
    scheduler.schedule(record("after"), 2, MILLISECONDS);

    scheduler.advanceBy(Duration.ofMillis(25));

    assertThat(log).containsExactly("after@2");
    assertThat(periodicRuns[0]).isEqualTo(3); // at 0, 10, 20: a throwing periodic keeps running
    assertThat(errors).hasSize(4).contains(boom);
    assertThat(errors.get(3)).hasMessage("periodic 3");
  }

  @Test
  void clockNeverMovesBackwards() {
    List<Long> seen = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      scheduler.schedule(
          () -> seen.add(scheduler.currentTimeMillis()), (i * 37) % 101, MILLISECONDS);
    }
    scheduler.advanceBy(Duration.ofMillis(60));
    scheduler.runPending();
    scheduler.advanceTo(START + 200);

    assertThat(seen).hasSize(50).isSorted();
    assertThat(scheduler.currentTimeMillis()).isEqualTo(START + 200);
    assertThatThrownBy(() -> scheduler.advanceTo(START + 199))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never moves backwards");
    assertThatThrownBy(() -> scheduler.advanceBy(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runNextJumpsToNextTask() {
    scheduler.schedule(record("a"), 500, MILLISECONDS);
    scheduler.schedule(record("b"), 700, MILLISECONDS);

    assertThat(scheduler.runNext()).isTrue();
    assertThat(scheduler.currentTimeMillis()).isEqualTo(START + 500);
    assertThat(scheduler.runNext()).isTrue();
    assertThat(scheduler.runNext()).isFalse();
    assertThat(scheduler.currentTimeMillis()).isEqualTo(START + 700);
    assertThat(log).containsExactly("a@500", "b@700");
  }

  @Test
  void runPendingRunsOnlyTasksDueNow() {
    scheduler.execute(record("now"));
    scheduler.schedule(record("later"), 1, MILLISECONDS);
    assertThat(scheduler.runPending()).isEqualTo(1);
    assertThat(log).containsExactly("now@0");
    assertThat(scheduler.currentTimeMillis()).isEqualTo(START);
  }

  @Test
  void clockReadingsFollowVirtualTime() {
    assertThat(scheduler.now()).isEqualTo(Instant.ofEpochMilli(START));
    assertThat(scheduler.nanoTime()).isZero();
    scheduler.advanceBy(Duration.ofMillis(1_500));
    assertThat(scheduler.nanoTime()).isEqualTo(1_500_000_000L);
    assertThat(scheduler.now()).isEqualTo(Instant.ofEpochMilli(START + 1_500));
  }

  @Test
  void subMillisecondDelaysRoundUp() {
    scheduler.schedule(record("micro"), 1, TimeUnit.MICROSECONDS);
    scheduler.schedule(record("milli"), 1, TimeUnit.MILLISECONDS);
    scheduler.runPending();
    assertThat(log).isEmpty();
    scheduler.advanceBy(Duration.ofMillis(1));
    assertThat(log).containsExactly("micro@1", "milli@1");
  }

  @Test
  void executeFromOtherThreadsIsPickedUpOnNextRun() throws InterruptedException {
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  scheduler.execute(() -> log.add("x"));
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    assertThat(scheduler.pendingTasks()).isEqualTo(4_000);
    assertThat(scheduler.runPending()).isEqualTo(4_000);
    assertThat(log).hasSize(4_000);
  }

  @Test
  void executeOnTheClocksOwnThreadRunsBehindWhatOtherThreadsHandedOverBefore()
      throws InterruptedException {
    scheduler.advanceBy(Duration.ofMillis(1)); // this thread now owns the clock
    Thread other = new Thread(() -> scheduler.execute(record("remote")));
    other.start();
    other.join(10_000);
    scheduler.execute(record("own"));
    scheduler.schedule(record("timer"), 0, MILLISECONDS);

    assertThat(scheduler.advanceBy(Duration.ofMillis(1))).isEqualTo(3);

    assertThat(log).containsExactly("remote@1", "own@1", "timer@1");
  }

  @Test
  void ownThreadAndOtherThreadsExecutingAtOnceRunEveryTaskOnce() throws InterruptedException {
    int[] own = new int[1];
    int[] remote = new int[1];
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  scheduler.execute(() -> remote[0]++); // runs on the clock's thread
                }
              });
    }
    scheduler.advanceBy(Duration.ofMillis(1));
    for (Thread t : threads) {
      t.start();
    }
    long time = START + 1;
    for (int i = 0; i < 20_000; i++) {
      scheduler.execute(() -> own[0]++);
      scheduler.advanceTo(++time);
    }
    for (Thread t : threads) {
      t.join(10_000);
    }
    scheduler.runPending();

    assertThat(own[0]).isEqualTo(20_000);
    assertThat(remote[0]).isEqualTo(40_000);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void cannotAdvanceFromInsideTask() {
    scheduler.execute(() -> scheduler.advanceBy(Duration.ofMillis(1)));
    scheduler.runPending();
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsNonPositivePeriod() {
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(record("p"), 0, 0, MILLISECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period must be positive");
  }

  @Test
  void executedTasksKeepSubmissionOrderWithScheduledOnesBeyondTheHandOffsFirstCapacity() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      scheduler.execute(record("x" + i));
      scheduler.schedule(record("s" + i), 0, MILLISECONDS);
      expected.add("x" + i + "@0");
      expected.add("s" + i + "@0");
    }
    scheduler.advanceBy(Duration.ofMillis(1));
    scheduler.execute(record("late"));
    scheduler.schedule(record("due"), 2, MILLISECONDS);

    assertThat(scheduler.advanceBy(Duration.ofMillis(5))).isEqualTo(2);

    expected.add("late@1");
    expected.add("due@3");
    assertThat(log).containsExactlyElementsOf(expected);
  }

  @Test
  void executeAndClockMovesAllocateNothingOnceWarm() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(
        bean instanceof com.sun.management.ThreadMXBean b && b.isThreadAllocatedMemorySupported(),
        "per-thread allocation counting is not supported by this JVM");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    long[] runs = new long[1];
    Runnable task = () -> runs[0]++;
    scheduler.scheduleAtFixedRate(() -> runs[0] += 1_000_000, 0, 60_000, MILLISECONDS);
    long t = START;
    for (int i = 0; i < 20_000; i++) { // warm-up: the queue and the hand-off reach their size
      scheduler.execute(task);
      scheduler.execute(task);
      scheduler.advanceTo(t += 7);
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 100_000; i++) {
      scheduler.execute(task);
      scheduler.execute(task);
      scheduler.advanceTo(t += 7);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    assertThat(runs[0] % 1_000_000).isEqualTo(240_000); // every executed task ran
    assertThat(allocated).as("bytes for 200,000 executes").isLessThan(20_000);
  }

  @Test
  void onlyTheClocksOwnThreadOutsideTasksWithNothingDueMayRunInline() throws Exception {
    assertThat(scheduler.canRunInline()).as("nobody moved the clock yet").isFalse();
    scheduler.advanceBy(Duration.ofMillis(1));
    assertThat(scheduler.canRunInline()).isTrue();
    boolean[] inTask = new boolean[1];
    scheduler.execute(() -> inTask[0] = scheduler.canRunInline());
    assertThat(scheduler.canRunInline()).as("a task is due now").isFalse();
    scheduler.runPending();
    assertThat(inTask[0]).as("inside a task").isFalse();
    assertThat(scheduler.canRunInline()).isTrue();
    boolean[] other = new boolean[] {true};
    Thread t = new Thread(() -> other[0] = scheduler.canRunInline());
    t.start();
    t.join();
    assertThat(other[0]).as("another thread").isFalse();
    // a task due later does not stand in the way of running inline now, only of moving past it
    scheduler.schedule(record("later"), 10, MILLISECONDS);
    assertThat(scheduler.canRunInline()).isTrue();
    assertThat(scheduler.idleThrough(START + 10)).isTrue();
    assertThat(scheduler.idleThrough(START + 11)).as("due at +11").isFalse();
  }
}
