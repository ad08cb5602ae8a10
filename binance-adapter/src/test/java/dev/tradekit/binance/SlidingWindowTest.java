package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
  private static final long WINDOW_MS = 1_000;
  private static final long BUCKET_MS = 100;

  @Test
  void theCountIsExactlyWhatWasRecordedInLiveBucketsAtEveryStepOfARandomWalk() {
    SlidingWindow w = new SlidingWindow(WINDOW_MS, (int) (WINDOW_MS / BUCKET_MS));
    Random random = new Random(42);
    List<long[]> recorded = new LinkedList<>(); // {time, amount}, oldest first
    long now = 1_700_000_000_000L;
    for (int step = 0; step < 20_000; step++) {
      // mostly inside one bucket, sometimes across several, sometimes past the whole window
      int r = random.nextInt(100);
      now += r < 80 ? random.nextInt(5) : r < 98 ? random.nextInt(300) : 1_500;
      if (random.nextBoolean()) {
        long amount = 1 + random.nextInt(9);
        w.add(amount, now);
        recorded.add(new long[] {now, amount});
      }
      assertThat(w.used(now)).as("step %d at %d", step, now).isEqualTo(live(recorded, now));
    }
  }

  @Test
  void anAmountLeavesTheWindowAtTheEndOfItsBucketPlusTheWindowAndNotBefore() {
    SlidingWindow w = new SlidingWindow(WINDOW_MS, (int) (WINDOW_MS / BUCKET_MS));
    long t0 = 1_700_000_000_050L; // halfway into a bucket that starts at ...000
    w.add(7, t0);
    assertThat(w.used(t0)).isEqualTo(7);
    assertThat(w.used(t0 - 50 + BUCKET_MS + WINDOW_MS - 1)).isEqualTo(7);
    assertThat(w.used(t0 - 50 + BUCKET_MS + WINDOW_MS)).isZero();
    w.add(3, t0 + 5_000);
    assertThat(w.used(t0 + 5_000)).isEqualTo(3);
  }

  /**
   * What a window that evicts on every call counts: amounts whose bucket has not expired. Time only
   * moves on, so expired amounts (the oldest, at the head) are dropped for good.
   */
  private static long live(List<long[]> recorded, long now) {
    while (!recorded.isEmpty() && expiry(recorded.get(0)[0]) <= now) {
      recorded.remove(0);
    }
    long sum = 0;
    for (long[] e : recorded) {
      sum += e[1];
    }
    return sum;
  }

  private static long expiry(long time) {
    return time - Math.floorMod(time, BUCKET_MS) + BUCKET_MS + WINDOW_MS;
  }
}
