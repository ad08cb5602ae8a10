package dev.tradekit.copier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.copier.CopyAction;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private static Classifier.Change oneWay(String before, String delta) {
    return Classifier.classify(PositionSide.BOTH, new BigDecimal(before), new BigDecimal(delta));
  }

  @Test
  void classifiesOneWayTransitions() {
    assertThat(oneWay("0", "2").action()).isEqualTo(CopyAction.OPEN);
    assertThat(oneWay("0", "-2").action()).isEqualTo(CopyAction.OPEN);
    assertThat(oneWay("2", "1").action()).isEqualTo(CopyAction.INCREASE);
    assertThat(oneWay("-2", "-1").action()).isEqualTo(CopyAction.INCREASE);
    assertThat(oneWay("2", "-0.5").action()).isEqualTo(CopyAction.REDUCE);
    assertThat(oneWay("-2", "0.5").action()).isEqualTo(CopyAction.REDUCE);
    assertThat(oneWay("2", "-2").action()).isEqualTo(CopyAction.CLOSE);
    assertThat(oneWay("-2", "2").action()).isEqualTo(CopyAction.CLOSE);
  }

  @Test
  void flipReportsThePartBeyondZeroAsOpened() {
    Classifier.Change c = oneWay("2", "-3");
    assertThat(c.action()).isEqualTo(CopyAction.FLIP);
    assertThat(c.after()).isEqualByComparingTo("-1");
    assertThat(c.openedQuantity()).isEqualByComparingTo("1");
    assertThat(oneWay("-0.3", "0.5").after()).isEqualByComparingTo("0.2");
  }

  @Test
  void openedQuantityOfAnIncreaseIsTheGrowth() {
    assertThat(oneWay("2", "1.5").openedQuantity()).isEqualByComparingTo("1.5");
    assertThat(oneWay("2", "-1").openedQuantity()).isZero();
  }

  @Test
  void hedgeLegsOpenAndReduceByTheirSide() {
    assertThat(
            Classifier.classify(PositionSide.LONG, BigDecimal.ZERO, new BigDecimal("1")).action())
        .isEqualTo(CopyAction.OPEN);
    assertThat(
            Classifier.classify(PositionSide.LONG, new BigDecimal("1"), new BigDecimal("-0.4"))
                .action())
        .isEqualTo(CopyAction.REDUCE);
    assertThat(
            Classifier.classify(PositionSide.SHORT, BigDecimal.ZERO, new BigDecimal("-1")).action())
        .isEqualTo(CopyAction.OPEN);
    assertThat(
            Classifier.classify(PositionSide.SHORT, new BigDecimal("-1"), new BigDecimal("-1"))
                .action())
        .isEqualTo(CopyAction.INCREASE);
    assertThat(
            Classifier.classify(PositionSide.SHORT, new BigDecimal("-1"), new BigDecimal("1"))
                .action())
        .isEqualTo(CopyAction.CLOSE);
  }

  @Test
  void hedgeLegThatWouldCrossZeroIsClampedToAClose() {
    Classifier.Change c =
        Classifier.classify(PositionSide.LONG, new BigDecimal("1"), new BigDecimal("-3"));
    assertThat(c.action()).isEqualTo(CopyAction.CLOSE);
    assertThat(c.after()).isZero();
    Classifier.Change s =
        Classifier.classify(PositionSide.SHORT, new BigDecimal("-1"), new BigDecimal("2"));
    assertThat(s.action()).isEqualTo(CopyAction.CLOSE);
    assertThat(s.after()).isZero();
  }

  @Test
  void rejectsAZeroDelta() {
    assertThatThrownBy(() -> oneWay("1", "0")).hasMessage("delta must not be zero");
  }
}
