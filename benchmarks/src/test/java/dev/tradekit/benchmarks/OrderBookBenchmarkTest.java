package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs each order-book benchmark once and checks that both books end in the same shape. */
class OrderBookBenchmarkTest {
  private final OrderBookBenchmark benchmark = new OrderBookBenchmark();

  @BeforeEach
  void requireData() {
    String dir = System.getProperty("tradekit.refdata");
    assumeTrue(
        dir != null && Files.isRegularFile(Path.of(dir, ReplayBenchmark.RECORDING)),
        "reference data absent: set -Dtradekit.refdata to ../shared/data");
    benchmark.load(); // checks the update count against RECORDING_UPDATES
  }

  @Test
  void ourBookAndXChangeEndWithTheSameDepthFromDecodedUpdates() {
    long ours = benchmark.tradekitDecoded();
    assertThat(ours).isEqualTo(benchmark.xchangeDecoded());
    assertThat(ours / 1_000_000).as("bid levels").isGreaterThan(3_000);
    assertThat(benchmark.tradekitDecoded()).as("a second replay from the snapshot").isEqualTo(ours);
  }

  @Test
  void rawJsonPathsEndWhereTheDecodedOnesDo() {
    long decoded = benchmark.tradekitDecoded();
    assertThat(benchmark.tradekitRawJson()).isEqualTo(decoded);
    assertThat(benchmark.xchangeRawJson()).isEqualTo(decoded);
  }
}
