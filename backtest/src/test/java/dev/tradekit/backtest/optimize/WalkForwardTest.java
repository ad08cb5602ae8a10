package dev.tradekit.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.backtest.ReportFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void rollsWindowsByTheStepAndDropsThoseThatOverrunTheEnd() {
    Instant s = Instant.EPOCH;
    List<WalkForward.Window> w =
        WalkForward.windows(
            s,
            s.plus(Duration.ofDays(10)),
            Duration.ofDays(4),
            DAY.multipliedBy(2),
            DAY.multipliedBy(2));
    assertThat(w)
        .containsExactly(
            new WalkForward.Window(
                s,
                s.plus(Duration.ofDays(4)),
                s.plus(Duration.ofDays(4)),
                s.plus(Duration.ofDays(6))),
            new WalkForward.Window(
                s.plus(Duration.ofDays(2)),
                s.plus(Duration.ofDays(6)),
                s.plus(Duration.ofDays(6)),
                s.plus(Duration.ofDays(8))),
            new WalkForward.Window(
                s.plus(Duration.ofDays(4)),
                s.plus(Duration.ofDays(8)),
                s.plus(Duration.ofDays(8)),
                s.plus(Duration.ofDays(10))));
    assertThatThrownBy(() -> WalkForward.windows(s, s.plus(DAY), DAY, DAY, DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no window");
    assertThatThrownBy(() -> WalkForward.windows(s, s.plus(DAY), Duration.ZERO, DAY, DAY))
        .hasMessageContaining("inSample must be positive");
  }

  @Test
  void fitsInSampleAndScoresTheBestParametersOutOfSample() {
    Map<String, double[]> ranges = Map.of("fast", new double[] {3, 5, 10});
    WalkForward.Factory factory =
        (p, from, to) -> ReportFixture.sma(p.getOrDefault("fast", 0.0).intValue(), 20, from, to);
    List<WalkForward.Window> windows =
        WalkForward.windows(
            ReportFixture.T0, ReportFixture.T0.plus(DAY.multipliedBy(3)), DAY, DAY, DAY);
    assertThat(windows).hasSize(2);
    List<WalkForward.Row> rows =
        new WalkForward(ranges, factory, "sma", "totalReturn").run(windows, 2);
    assertThat(rows).hasSize(2);
    for (WalkForward.Row r : rows) {
      WalkForward.Window w = r.window();
      GridSearch.Row best =
          new GridSearch(
                  ranges, p -> factory.build(p, w.inStart(), w.inEnd()), "sma", "totalReturn")
              .run(1, (d, t) -> {})
              .get(0);
      assertThat(r.params()).isEqualTo(best.params());
      assertThat(r.inSampleScore()).isEqualTo(best.score());
      double out =
          factory
              .build(r.params(), w.outStart(), w.outEnd())
              .run()
              .account("sma")
              .metrics()
              .totalReturn();
      assertThat(r.outOfSampleScore()).isEqualTo(out).isEqualTo(r.outOfSample().totalReturn());
    }
  }
}
