package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A short run of the heap-flatness harness: both paths replay and the live heap stays put. */
class HeapFlatnessTest {

  @Test
  void liveHeapDoesNotGrowWithTheNumberOfEventsReplayed() {
    long[] checkpoints = {40_000, 120_000, 400_000};
    for (HeapFlatness.Samples s :
        new HeapFlatness.Samples[] {
          HeapFlatness.book(checkpoints), HeapFlatness.sim(checkpoints)
        }) {
      assertThat(s.liveBytes()).hasSize(3).doesNotContain(0L);
      // 360,000 more events; anything kept per event would be megabytes
      assertThat(s.growth()).as(s.json()).isLessThan(2L << 20);
    }
  }
}
