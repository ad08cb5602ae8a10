package dev.tradekit.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.backtest.ReportFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GridSearchTest {

  @Test
  void enumeratesEveryCombinationFirstParameterSlowest() {
    Map<String, double[]> ranges = new LinkedHashMap<>();
    ranges.put("a", new double[] {1, 2});
    ranges.put("b", new double[] {10, 20, 30});
    List<Map<String, Double>> c =
        new GridSearch(ranges, p -> ReportFixture.backtest(), "sma", "sharpe").combinations();
    assertThat(c).hasSize(6);
    assertThat(c.get(0)).containsEntry("a", 1.0).containsEntry("b", 10.0);
    assertThat(c.get(5)).containsEntry("a", 2.0).containsEntry("b", 30.0);
  }

  @Test
  void ranksRunsByTheMetricInParallelAndReportsProgress() {
    Map<String, double[]> ranges = new LinkedHashMap<>();
    ranges.put("seed", new double[] {1, 2, 3});
    AtomicInteger calls = new AtomicInteger();
    List<GridSearch.Row> rows =
        new GridSearch(
                ranges,
                p -> ReportFixture.backtest(p.getOrDefault("seed", 0.0).longValue()),
                "sma",
                "totalReturn")
            .run(
                2,
                (done, total) -> {
                  calls.incrementAndGet();
                  assertThat(total).isEqualTo(3);
                });
    assertThat(calls).hasValue(3);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).score()).isGreaterThanOrEqualTo(rows.get(1).score());
    assertThat(rows.get(1).score()).isGreaterThanOrEqualTo(rows.get(2).score());
    double direct =
        ReportFixture.backtest(rows.get(0).params().getOrDefault("seed", 0.0).longValue())
            .run()
            .account("sma")
            .metrics()
            .totalReturn();
    assertThat(rows.get(0).score()).isEqualTo(direct);
  }
}
