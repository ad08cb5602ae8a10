package dev.tradekit.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.backtest.ReportFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitivityTest {

  @Test
  void variesOneParameterAtATimeWithTheOthersAtTheOptimum() {
    Map<String, Double> optimum = new LinkedHashMap<>();
    optimum.put("x", 2.0);
    optimum.put("y", 3.0);
    Map<String, double[]> values = new LinkedHashMap<>();
    values.put("x", new double[] {3, 1, 2});
    values.put("y", Sensitivity.around(3, 2, 1));
    Map<String, List<Sensitivity.Point>> s =
        Sensitivity.scan(
            optimum,
            values,
            p ->
                10
                    - Math.pow(p.getOrDefault("x", 0.0) - 2, 2)
                    - Math.abs(p.getOrDefault("y", 0.0) - 3));
    assertThat(s.get("x"))
        .containsExactly(
            new Sensitivity.Point("x", 1, 9),
            new Sensitivity.Point("x", 2, 10),
            new Sensitivity.Point("x", 3, 9));
    assertThat(s.get("y"))
        .containsExactly(
            new Sensitivity.Point("y", 1, 8),
            new Sensitivity.Point("y", 3, 10),
            new Sensitivity.Point("y", 5, 8));
  }

  @Test
  void backtestScanMatchesDirectRuns() {
    Instant from = ReportFixture.T0;
    Instant to = from.plus(Duration.ofDays(1));
    Map<String, Double> optimum = new LinkedHashMap<>();
    optimum.put("fast", 5.0);
    optimum.put("slow", 20.0);
    Map<String, List<Sensitivity.Point>> s =
        Sensitivity.scan(
            optimum,
            Map.of("fast", new double[] {3, 5}),
            p ->
                ReportFixture.sma(
                    p.getOrDefault("fast", 0.0).intValue(),
                    p.getOrDefault("slow", 0.0).intValue(),
                    from,
                    to),
            "sma",
            "totalReturn",
            2);
    assertThat(s.get("fast")).extracting(Sensitivity.Point::value).containsExactly(3.0, 5.0);
    for (Sensitivity.Point pt : s.getOrDefault("fast", List.of())) {
      double direct =
          ReportFixture.sma((int) pt.value(), 20, from, to)
              .run()
              .account("sma")
              .metrics()
              .totalReturn();
      assertThat(pt.score()).isEqualTo(direct);
    }
  }

  @Test
  void rejectsValuesOfUnknownParameters() {
    assertThatThrownBy(
            () -> Sensitivity.scan(Map.of("x", 1.0), Map.of("z", new double[] {1}), p -> 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter z");
    assertThatThrownBy(() -> Sensitivity.around(1, 0, 2)).hasMessageContaining("step");
  }
}
