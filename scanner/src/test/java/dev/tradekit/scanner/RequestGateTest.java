package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Budget pacing, lane concurrency and priority, retries and rate-limit pauses in virtual time. */
class RequestGateTest {
  private static final long T0 = 1_700_000_000_000L;
  private final VirtualScheduler clock = new VirtualScheduler(T0);
  private final MetricsRecorder metrics = new MetricsRecorder();
  private final List<String> started = new ArrayList<>();
  private int inFlight;
  private int maxInFlight;

  private RequestGate gate(int weightPerMinute) {
    return new RequestGate(clock, new WeightBudget(weightPerMinute), metrics, 3, 500);
  }

  /** A call that takes {@code millis} and then yields {@code name}, or fails with {@code error}. */
  private Supplier<CompletableFuture<String>> call(
      String name, long millis, RuntimeException... errors) {
    int[] attempt = {0};
    return () -> {
      started.add(name + "@" + (clock.currentTimeMillis() - T0));
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      CompletableFuture<String> f = new CompletableFuture<>();
      int a = attempt[0]++;
      clock.schedule(
          () -> {
            inFlight--;
            if (a < errors.length) {
              f.completeExceptionally(errors[a]);
            } else {
              f.complete(name);
            }
          },
          millis,
          TimeUnit.MILLISECONDS);
      return f;
    };
  }

  @Test
  void aLaneNeverHasMoreThanItsLimitInFlight() {
    RequestGate g = gate(10_000);
    g.limit(RequestGate.Lane.PRIMARY, 5);
    List<CompletableFuture<String>> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(g.submit(RequestGate.Lane.PRIMARY, 2, call("c" + i, 100)));
    }
    clock.advanceBy(Duration.ofMillis(299));
    assertThat(all.stream().filter(CompletableFuture::isDone)).hasSize(10);
    clock.advanceBy(Duration.ofMillis(1));
    assertThat(all).allMatch(CompletableFuture::isDone);
    assertThat(maxInFlight).isEqualTo(5);
    assertThat(metrics.snapshot(clock.currentTimeMillis(), 0, 0, 0, 0, 0).venueCalls())
        .isEqualTo(12);
  }

  @Test
  void callsWaitForTheWeightBudget() {
    RequestGate g = gate(10);
    g.limit(RequestGate.Lane.PRIMARY, 100);
    for (int i = 0; i < 8; i++) {
      g.submit(RequestGate.Lane.PRIMARY, 2, call("c" + i, 10));
    }
    clock.advanceBy(Duration.ofSeconds(59));
    assertThat(started).hasSize(5);
    clock.advanceBy(Duration.ofSeconds(1));
    assertThat(started).hasSize(8).last().isEqualTo("c7@60000");
  }

  @Test
  void higherLanesGoFirstWhenTheBudgetIsShort() {
    RequestGate g = gate(4);
    g.limit(RequestGate.Lane.PRIMARY, 5);
    g.limit(RequestGate.Lane.HOT, 5);
    g.submit(RequestGate.Lane.PRIMARY, 2, call("p0", 10));
    g.submit(RequestGate.Lane.PRIMARY, 2, call("p1", 10));
    g.submit(RequestGate.Lane.PRIMARY, 2, call("p2", 10));
    g.submit(RequestGate.Lane.HOT, 2, call("h0", 10));
    clock.advanceBy(Duration.ofSeconds(61));
    assertThat(started).containsExactly("p0@0", "p1@0", "h0@60000", "p2@60000");
  }

  @Test
  void retriesTransportFailuresWithDoublingBackoff() {
    RequestGate g = gate(1000);
    TransportException down = new TransportException("sim", 0, "connection reset");
    CompletableFuture<String> f =
        g.submit(RequestGate.Lane.PRIMARY, 1, call("c", 10, down, down, down));
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(f).isCompletedWithValue("c");
    assertThat(started).containsExactly("c@0", "c@510", "c@1520", "c@3530");
    assertThat(metrics.failedCallsLastMinute(clock.currentTimeMillis())).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheLastRetryAndAtOnceOnPermanentErrors() {
    RequestGate g = gate(1000);
    TransportException down = new TransportException("sim", 0, "connection reset");
    CompletableFuture<String> f =
        g.submit(RequestGate.Lane.PRIMARY, 1, call("c", 10, down, down, down, down));
    UnknownSymbolException unknown = new UnknownSymbolException("sim", -1121, "no such symbol");
    CompletableFuture<String> u = g.submit(RequestGate.Lane.PRIMARY, 1, call("u", 10, unknown));
    clock.advanceBy(Duration.ofSeconds(30));
    assertThat(f).isCompletedExceptionally();
    assertThat(f.handle((v, e) -> e).join()).isSameAs(down);
    assertThat(u.handle((v, e) -> e).join()).isSameAs(unknown);
    assertThat(started).filteredOn(s -> s.startsWith("u")).hasSize(1);
  }

  @Test
  void aRateLimitPausesEveryLaneForItsRetryAfter() {
    RequestGate g = gate(1000);
    g.limit(RequestGate.Lane.PRIMARY, 1);
    g.limit(RequestGate.Lane.HOT, 1);
    RateLimitException limited =
        new RateLimitException("sim", -1003, "too many requests", Duration.ofSeconds(7), null);
    CompletableFuture<String> a = g.submit(RequestGate.Lane.PRIMARY, 1, call("a", 10, limited));
    clock.advanceBy(Duration.ofMillis(20));
    g.submit(RequestGate.Lane.HOT, 1, call("h", 10));
    assertThat(g.paused(clock.currentTimeMillis())).isTrue();
    clock.advanceBy(Duration.ofSeconds(10));
    assertThat(a).isCompletedWithValue("a");
    assertThat(started).containsExactly("a@0", "h@7010", "a@7010");
    assertThat(metrics.snapshot(clock.currentTimeMillis(), 0, 0, 0, 0, 0).rateLimitHits())
        .isEqualTo(1);
  }

  @Test
  void closingFailsWhatIsQueued() {
    RequestGate g = gate(2);
    g.submit(RequestGate.Lane.PRIMARY, 2, call("a", 10));
    CompletableFuture<String> b = g.submit(RequestGate.Lane.PRIMARY, 2, call("b", 10));
    g.close();
    assertThat(b).isCompletedExceptionally();
    assertThat(g.submit(RequestGate.Lane.PRIMARY, 1, call("c", 10))).isCompletedExceptionally();
  }
}
