package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The synthetic stream is deterministic and realistic, and both books agree on it. */
class SyntheticOrderBookBenchmarkTest {

  @Test
  void bothBooksEndWithTheSameDepthOnAShortStream() {
    SyntheticOrderBookBenchmark benchmark = new SyntheticOrderBookBenchmark();
    benchmark.generate(300_000);
    long ours = benchmark.tradekit();
    assertThat(benchmark.xchange()).isEqualTo(ours);
    assertThat(benchmark.tradekit()).as("the book is cleared per invocation").isEqualTo(ours);
  }

  @Test
  void streamIsSeededAndClusteredNearTheTouchWithDeletions() {
    SyntheticDepthStream a = SyntheticDepthStream.generate(200_000, 42);
    SyntheticDepthStream b = SyntheticDepthStream.generate(200_000, 42);
    assertThat(a.price).isEqualTo(b.price);
    assertThat(a.qty).isEqualTo(b.qty);
    int deletions = 0;
    int nearCenter = 0;
    long center = SyntheticDepthStream.CENTER_TICKS;
    for (int i = 0; i < a.length(); i++) {
      deletions += a.qty[i] == 0 ? 1 : 0;
      nearCenter += Math.abs(a.ticks(i) - center) < 600 ? 1 : 0;
    }
    assertThat(deletions).isBetween(a.length() / 10, a.length() / 3);
    assertThat(nearCenter).isGreaterThan(a.length() * 8 / 10);
  }
}
