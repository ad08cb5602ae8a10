package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Closed bars queued as numbers between the venue's thread and the engine's scheduler. */
class BarQueueTest {

  @Test
  void asksForADrainOnlyWhenEmptyAndGivesBarsBackInOrderAcrossGrowth() {
    BarQueue q = new BarQueue();
    assertThat(q.offer(0, 59_999, 1, 2, 0.5, 1.5, 10)).isTrue();
    for (int i = 1; i < 40; i++) {
      assertThat(q.offer(i * 60_000L, i * 60_000L + 59_999, i, i + 1, i - 0.5, i + 0.5, 10 + i))
          .isFalse();
    }
    Bar bar = new Bar();
    for (int i = 0; i < 40; i++) {
      assertThat(q.poll(bar)).isTrue();
      assertThat(bar.openTime()).isEqualTo(i * 60_000L);
      assertThat(bar.closeTime()).isEqualTo(i * 60_000L + 59_999);
      assertThat(bar.close()).isEqualTo(i == 0 ? 1.5 : i + 0.5);
      assertThat(bar.volume()).isEqualTo(10 + i);
    }
    assertThat(q.poll(bar)).isFalse();
    assertThat(q.offer(1, 2, 3, 4, 5, 6, 7)).isTrue();
  }

  @Test
  void clearDropsWhatIsQueued() {
    BarQueue q = new BarQueue();
    q.offer(0, 59_999, 1, 2, 0.5, 1.5, 10);
    q.offer(60_000, 119_999, 1, 2, 0.5, 1.5, 10);
    q.clear();
    assertThat(q.poll(new Bar())).isFalse();
    assertThat(q.offer(0, 59_999, 1, 2, 0.5, 1.5, 10)).isTrue();
  }
}
