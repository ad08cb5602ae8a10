package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link BarColumns#dropBefore} keeps exactly the rows at or after the start, in order. */
class BarColumnsTest {
  private static BarColumns block(long... closes) {
    BarColumns b = new BarColumns(8).clear("BTCUSDT");
    for (long c : closes) {
      b.add(c - 9, c, c, c, c, c, 1, 0);
    }
    return b;
  }

  private static long[] closes(BarColumns b) {
    long[] out = new long[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.closeTime(i);
    }
    return out;
  }

  @Test
  void dropsRowsBeforeTheStartWhereverTheyAreInTheBlock() {
    BarColumns b = block(50, 30, 90, 20, 70);
    b.dropBefore(40);
    assertThat(closes(b)).containsExactly(50, 90, 70);
    assertThat(b.closeTicks(1)).isEqualTo(90);

    b.dropBefore(60); // the earliest kept close is now 50: a second drop still finds it
    assertThat(closes(b)).containsExactly(90, 70);
  }

  @Test
  void keepsEveryRowWhenNoneIsBeforeTheStart() {
    BarColumns b = block(50, 60, 70);
    b.dropBefore(50);
    assertThat(closes(b)).containsExactly(50, 60, 70);
  }

  @Test
  void aClearedOrCopiedBlockKnowsItsEarliestClose() {
    BarColumns b = block(10, 20);
    b.clear("BTCUSDT");
    b.add(91, 100, 1, 1, 1, 1, 1, 0);
    b.dropBefore(50); // the cleared rows' closes are forgotten
    assertThat(closes(b)).containsExactly(100);

    BarColumns copy = new BarColumns(8);
    copy.copyFrom(block(40, 80));
    copy.dropBefore(50);
    assertThat(closes(copy)).containsExactly(80);
  }
}
