package dev.tradekit.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveSchedulerTest {

  @Test
  void runsTasksSeriallyOnItsOneNamedThread() throws InterruptedException {
    List<String> threadNames = new CopyOnWriteArrayList<>();
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    AtomicInteger notInThread = new AtomicInteger();
    List<Integer> order = new CopyOnWriteArrayList<>();
    int tasks = 200;
    CountDownLatch done = new CountDownLatch(tasks);
    try (LiveScheduler scheduler = LiveScheduler.create("tk-test-scheduler")) {
      assertThat(scheduler.inSchedulerThread()).isFalse();
      for (int i = 0; i < tasks; i++) {
        int n = i;
        scheduler.execute(
            () -> {
              maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
              threadNames.add(Thread.currentThread().getName());
              if (!scheduler.inSchedulerThread()) {
                notInThread.incrementAndGet();
              }
              order.add(n);
              concurrent.decrementAndGet();
              done.countDown();
            });
      }
      assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(threadNames).hasSize(tasks).containsOnly("tk-test-scheduler");
    assertThat(notInThread.get()).isZero();
    assertThat(maxConcurrent.get()).isEqualTo(1);
    assertThat(order).isSorted();
  }

  @Test
  void exceptionGoesToHandlerAndPeriodicTaskKeepsRunning() throws InterruptedException {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    CountDownLatch threeRuns = new CountDownLatch(3);
    CountDownLatch after = new CountDownLatch(1);
    try (LiveScheduler scheduler = LiveScheduler.create("tk-errors", errors::add)) {
      scheduler.scheduleAtFixedRate(
          () -> {
            threeRuns.countDown();
            throw new IllegalStateException("periodic failure");
          },
          0,
          5,
          TimeUnit.MILLISECONDS);
      assertThat(threeRuns.await(20, TimeUnit.SECONDS)).isTrue();
      scheduler.schedule(after::countDown, 1, TimeUnit.MILLISECONDS);
      assertThat(after.await(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(errors).hasSizeGreaterThanOrEqualTo(3);
    assertThat(errors.get(0)).hasMessage("periodic failure");
  }

  @Test
  void cancelledTaskDoesNotRun() throws InterruptedException {
    AtomicInteger ran = new AtomicInteger();
    CountDownLatch later = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LiveScheduler scheduler = LiveScheduler.create("tk-cancel")) {
      // hold the scheduler's thread so that a stall of this thread cannot let the task run first
      scheduler.execute(
          () -> {
            try {
              release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      Cancellable task = scheduler.schedule(ran::incrementAndGet, 50, TimeUnit.MILLISECONDS);
      assertThat(task.cancel()).isTrue();
      assertThat(task.isCancelled()).isTrue();
      release.countDown();
      scheduler.schedule(later::countDown, 100, TimeUnit.MILLISECONDS);
      assertThat(later.await(20, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran.get()).isZero();
  }

  @Test
  void rejectsTasksAfterClose() {
    LiveScheduler scheduler = LiveScheduler.create("tk-closed");
    scheduler.close();
    assertThat(scheduler.isClosed()).isTrue();
    assertThatThrownBy(() -> scheduler.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void rejectsBlankThreadName() {
    assertThatThrownBy(() -> LiveScheduler.create(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threadName");
  }
}
