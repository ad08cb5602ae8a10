package dev.tradekit.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exit rules on bar highs and lows, for longs and shorts. */
class ExitRulesTest {

  @Test
  void trailingStopOfALongFollowsTheHighestEarlierHigh() {
    ExitRules r = new ExitRules(0, 0, 0.01);
    r.onPosition(1, 100);
    assertThat(r.check(104, 100.5)).isNull(); // peak was 100 (entry): 100.5 > 99
    assertThat(r.check(103, 103.0)).isNull(); // peak now 104: stop at 102.96
    assertThat(r.check(103, 102.9)).isEqualTo(ExitRules.Reason.TRAILING_STOP);
  }

  @Test
  void aBarsOwnHighDoesNotRaiseItsOwnTrailingStop() {
    ExitRules r = new ExitRules(0, 0, 0.01);
    r.onPosition(1, 100);
    // high 110 then low 99.5 in the same bar: the order inside the bar is unknown
    assertThat(r.check(110, 99.5)).isNull();
    assertThat(r.check(110, 108.8)).isEqualTo(ExitRules.Reason.TRAILING_STOP);
  }

  @Test
  void shortsMirrorStopLossAndTakeProfit() {
    ExitRules r = new ExitRules(0.02, 0.03, 0);
    r.onPosition(-1, 100);
    assertThat(r.check(101.9, 98)).isNull();
    assertThat(r.check(102, 99)).isEqualTo(ExitRules.Reason.STOP_LOSS);
    r.onPosition(-1, 100);
    assertThat(r.check(100, 97)).isEqualTo(ExitRules.Reason.TAKE_PROFIT);
  }

  @Test
  void stopLossWinsWhenABarMeetsBothStopAndTarget() {
    ExitRules r = new ExitRules(0.02, 0.02, 0);
    r.onPosition(1, 100);
    assertThat(r.check(103, 97)).isEqualTo(ExitRules.Reason.STOP_LOSS);
  }

  @Test
  void flatOrDisabledRulesNeverFire() {
    ExitRules off = new ExitRules(0, 0, 0);
    assertThat(off.enabled()).isFalse();
    off.onPosition(1, 100);
    assertThat(off.check(1000, 1)).isNull();
    ExitRules on = new ExitRules(0.01, 0, 0);
    on.onPosition(0, Double.NaN);
    assertThat(on.check(1000, 1)).isNull();
  }
}
