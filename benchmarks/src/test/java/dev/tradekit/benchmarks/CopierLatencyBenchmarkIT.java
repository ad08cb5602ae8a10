package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the copier latency benchmark body a few times with two followers over loopback, so a broken
 * benchmark fails the build.
 */
class CopierLatencyBenchmarkIT {

  @Test
  void everyLeaderFillIsCopiedToEveryFollowerAndTimed() throws Exception {
    CopierLatencyBenchmark benchmark = new CopierLatencyBenchmark();
    benchmark.followers = 2;
    benchmark.start();
    try {
      for (int i = 0; i < 4; i++) {
        assertThat(benchmark.leaderFillToEveryFollowerAck()).isZero();
      }
      assertThat(benchmark.ackSamples()).isEqualTo(8);
      assertThat(benchmark.ackP50Micros()).isPositive();
      assertThat(benchmark.summary())
          .startsWith("copier followers=2 stream->sent p50=")
          .contains("(n=8)")
          .endsWith("not copied 0");
    } finally {
      benchmark.stop();
    }
  }
}
