package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tradekit optimize}: a ranked table of a grid search, and its error paths. */
class OptimizeCommandTest {
  @Test
  void gridSearchPrintsEveryRunRankedBestFirst() {
    CliRun r =
        CliRun.run(
                "optimize",
                "--minutes",
                "3",
                "--param",
                "spread=0.0001:0.0003:0.0001",
                "--param",
                "amount=0.002,0.004",
                "--metric",
                "totalReturn",
                "--threads",
                "2")
            .succeeds();
    assertThat(r.out()).contains("6 runs on 2 threads, ranked by totalReturn");
    List<String> rows = new ArrayList<>();
    boolean table = false;
    for (String line : r.out().split("\n")) {
      if (line.startsWith("rank")) {
        table = true;
        assertThat(line).contains("spread").contains("amount").contains("totalReturn");
      } else if (table) {
        rows.add(line.strip());
      }
    }
    assertThat(rows).hasSize(6);
    double previous = Double.POSITIVE_INFINITY;
    List<String> combos = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] cols = rows.get(i).split("\\s+");
      assertThat(cols[0]).isEqualTo(Integer.toString(i + 1));
      combos.add(cols[1] + "/" + cols[2]);
      double score = Double.parseDouble(cols[3]);
      assertThat(score).isLessThanOrEqualTo(previous);
      previous = score;
    }
    assertThat(combos)
        .containsExactlyInAnyOrder(
            "0.0001/0.002",
            "0.0001/0.004",
            "0.0002/0.002",
            "0.0002/0.004",
            "0.0003/0.002",
            "0.0003/0.004");
    assertThat(r.err()).contains("] 100% runs");
  }

  @Test
  void drawdownIsRankedLowestFirstAndTopCutsTheTable() {
    CliRun r =
        CliRun.run(
                "optimize",
                "--minutes",
                "2",
                "--param",
                "spread=0.0001,0.0004",
                "--metric",
                "maxDrawdown",
                "--top",
                "1")
            .succeeds();
    assertThat(r.out()).contains("(1 more runs; --top shows more)");
  }

  @Test
  void missingParamIsReported() {
    CliRun.run("optimize").failsWith(2, "Missing required option: '--param");
  }

  @Test
  void zeroStepIsRefused() {
    CliRun.run("optimize", "--param", "spread=0.0001:0.0005:0")
        .failsWith(2, "bad --param spread=0.0001:0.0005:0: the step must be > 0");
  }

  @Test
  void rangeEndingBelowItsStartIsRefused() {
    CliRun.run("optimize", "--param", "spread=0.0005:0.0001:0.0001")
        .failsWith(2, "the end is below the start");
  }

  @Test
  void rangeWithTwoPartsSaysWhatARangeIs() {
    CliRun.run("optimize", "--param", "spread=0.0001:0.0005")
        .failsWith(2, "a range is start:end:step (e.g. --param spread=0.0001:0.0005:0.0001");
  }

  @Test
  void nonNumberInARangeIsNamed() {
    CliRun.run("optimize", "--param", "levels=1,two").failsWith(2, "'two' is not a number");
  }

  @Test
  void valueOutOfRangeInAGridIsNamed() {
    CliRun.run("optimize", "--param", "spread=0:0.0002:0.0001")
        .failsWith(2, "--param spread=0: must be a fraction of the mid in (0, 1)");
  }

  @Test
  void tooManyRunsAskForLargerSteps() {
    CliRun.run(
            "optimize",
            "--param",
            "spread=0.00001:0.002:0.00001",
            "--param",
            "amount=0.001:0.1:0.001")
        .failsWith(2, "more than 10000 runs: use larger steps");
  }

  @Test
  void unknownMetricListsTheKnownOnes() {
    CliRun.run("optimize", "--param", "spread=0.0001", "--metric", "profit")
        .failsWith(2, "unknown metric 'profit': use one of totalReturn, annualisedReturn");
  }

  @Test
  void unknownStrategyIsRefusedBeforeAnyRun() {
    CliRun.run("optimize", "--param", "spread=0.0001", "--strategy", "magic")
        .failsWith(2, "--strategy magic: must be one of");
  }
}
