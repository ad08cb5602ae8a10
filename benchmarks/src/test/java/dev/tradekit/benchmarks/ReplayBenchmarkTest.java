package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs each benchmark body once so a broken benchmark fails the build, not the nightly run. */
class ReplayBenchmarkTest {
  private final ReplayBenchmark benchmark = new ReplayBenchmark();

  @BeforeEach
  void requireData() {
    String dir = System.getProperty("tradekit.refdata");
    assumeTrue(
        dir != null && Files.isRegularFile(Path.of(dir, ReplayBenchmark.RECORDING)),
        "reference data absent: set -Dtradekit.refdata to ../shared/data");
    benchmark.load();
  }

  @Test
  void parseRecordingReadsEveryMessage() {
    ReplayBenchmark.Events counter = new ReplayBenchmark.Events();
    benchmark.parseRecording(counter);
    assertThat(counter.events).isEqualTo(93_954);
  }

  @Test
  void maintainBookAppliesEveryDecodedEventAndKeepsABook() {
    ReplayBenchmark.Events counter = new ReplayBenchmark.Events();
    long checksum = benchmark.maintainBook(counter);
    assertThat(counter.events).isEqualTo(93_954);
    assertThat(checksum).isPositive();
  }
}
