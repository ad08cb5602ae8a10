package dev.tradekit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the market-maker benchmark body once so a broken benchmark fails the build. */
class MarketMakerReplayBenchmarkTest {

  @Test
  void backtestsTheMarketMakerOverTheWholeRecording() {
    String dir = System.getProperty("tradekit.refdata");
    assumeTrue(
        dir != null && Files.isRegularFile(Path.of(dir, ReplayBenchmark.RECORDING)),
        "reference data absent: set -Dtradekit.refdata to ../shared/data");
    MarketMakerReplayBenchmark benchmark = new MarketMakerReplayBenchmark();
    benchmark.load();
    ReplayBenchmark.Events counter = new ReplayBenchmark.Events();
    long placed = benchmark.fixedSpreadOverRecording(counter);
    assertThat(counter.events).isEqualTo(93_954);
    assertThat(placed).isGreaterThan(10);
  }
}
