package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradekit.api.model.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the Bybit delta benchmark: the median delta applies again and again on the snapshot (out of
 * its recorded order, so the book may cross: the benchmark measures cost, not a replay).
 */
class BybitBookDeltaBenchmarkTest {
  @Test
  void theMedianDeltaAppliesRepeatedlyOnTheRecordedSnapshot() {
    String dir = System.getProperty("tradekit.refdata");
    assumeTrue(
        dir != null
            && Files.isRegularFile(Path.of(dir, "bybit-linear", "xrpusdt_ob500_20241201.data")),
        "reference data absent: set -Dtradekit.refdata to ../shared/data");
    BybitBookDeltaBenchmark b = new BybitBookDeltaBenchmark();
    b.load();
    assertThat(b.levels).isEqualTo(29);
    long first = b.deltaDecodeAndApply();
    long second = b.deltaDecodeAndApply();
    assertThat(second).isEqualTo(first + 1);
    assertThat(b.book().depth(Side.BUY)).isPositive();
  }
}
