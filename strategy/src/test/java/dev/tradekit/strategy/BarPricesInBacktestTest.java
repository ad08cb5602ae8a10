package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.strategy.indicators.BarIndicator;
import dev.tradekit.strategy.indicators.OnClose;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a backtest the simulator hands the engine bars in ticks: indicators and the strategy still see
 * each price as the double of its decimal, in the listed order, close-only indicators the close
 * alone.
 */
class BarPricesInBacktestTest {
  final List<String> log = new ArrayList<>();

  /** Records every price of each bar. */
  final class AllPrices implements BarIndicator {
    @Override
    public void onBar(double open, double high, double low, double close, double volume) {
      log.add("all " + open + " " + high + " " + low + " " + close + " " + volume);
    }

    @Override
    public double value() {
      return 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }
  }

  /** Records the close it is fed. */
  final class Closes extends OnClose {
    @Override
    public double update(double x) {
      log.add("close " + x);
      return x;
    }

    @Override
    public double value() {
      return 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }
  }

  @Test
  void indicatorsAndTheStrategySeeEachBarsPricesAsDecimalsInTheListedOrder() {
    WalkBars bars = new WalkBars(40, 7);
    List<BarIndicator> indicators = List.of(new Closes(), new AllPrices());
    BarStrategy strategy =
        new BarStrategy() {
          @Override
          public List<BarIndicator> indicators() {
            return indicators;
          }

          @Override
          public void onBar(Bar bar, BarContext ctx) {
            log.add("bar " + bar.open() + " " + bar.high() + " " + bar.low() + " " + bar.close());
          }
        };

    EngineBehaviourTest.run(
        bars,
        (ex, s) ->
            BacktestParityTest.bot(
                StrategyEngine.builder()
                    .name("p")
                    .exchange(ex)
                    .scheduler(s)
                    .symbol("BTCUSDT")
                    .strategy(strategy)
                    .sizing(Sizing.quantity(EngineBehaviourTest.SIZE))
                    .build(),
                () -> {}));

    List<String> expected = new ArrayList<>();
    // the run ends with the data: the last bar is not visible to the engine before it does
    for (int i = 0; i < bars.size() - 1; i++) {
      double o = bars.open[i] / 100.0;
      double h = bars.high[i] / 100.0;
      double l = bars.low[i] / 100.0;
      double c = bars.close[i] / 100.0;
      expected.add("close " + c);
      expected.add("all " + o + " " + h + " " + l + " " + c + " 10.0");
      expected.add("bar " + o + " " + h + " " + l + " " + c);
    }
    assertThat(log).containsExactlyElementsOf(expected);
  }
}
