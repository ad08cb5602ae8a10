package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the copier latency benchmark body a few times with two followers over loopback, on the fake
 * venue and on the canned one, so a broken benchmark fails the build.
 */
class CopierLatencyBenchmarkIT {

  @ParameterizedTest
  @CsvSource({"sqlite, fake", "memory, fake", "sqlite, canned"})
  void everyLeaderFillIsCopiedToEveryFollowerAndTimed(String journal, String venue)
      throws Exception {
    CopierLatencyBenchmark benchmark = new CopierLatencyBenchmark();
    benchmark.followers = 2;
    benchmark.journal = journal;
    benchmark.followerVenue = venue;
    benchmark.start();
    try {
      for (int i = 0; i < 4; i++) {
        assertThat(benchmark.leaderFillToEveryFollowerAck()).isZero();
      }
      assertThat(benchmark.ackSamples()).isEqualTo(8);
      assertThat(benchmark.ackP50Micros()).isPositive();
      assertThat(benchmark.fillsFullyAcked()).isEqualTo(4);
      assertThat(benchmark.summary())
          .startsWith(
              "copier followers=2 journal=" + journal + " venue=" + venue + " stream->sent p50=")
          .contains("(n=8)")
          .contains("stream->all-acked p50=")
          .contains("(n=4)")
          .endsWith("not copied 0");
    } finally {
      benchmark.stop();
    }
  }
}
