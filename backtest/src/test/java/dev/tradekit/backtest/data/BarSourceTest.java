package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BarSource#ofBlocks}: blocks lent as they are, or copied row by row, in order. */
class BarSourceTest {
  private static final long MINUTE = 60_000;

  /** A block of {@code closes.length} one-minute bars from {@code first} (the bar index). */
  private static BarColumns block(int first, long... closes) {
    BarColumns b = new BarColumns(8).clear("BTCUSDT");
    for (int k = 0; k < closes.length; k++) {
      long open = (first + k) * MINUTE;
      long c = closes[k];
      b.add(open, open + MINUTE - 1, c - 1, c + 1, c - 2, c, 1, 0);
    }
    return b;
  }

  private static List<BarColumns> blocks() {
    return List.of(block(0, 10, 11, 12), new BarColumns(4).clear("BTCUSDT"), block(3, 13, 14));
  }

  private static List<Long> closes(BarColumns b) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      out.add(b.closeTicks(i));
    }
    return out;
  }

  @Test
  void eachBlockIsLentItselfAndEmptyBlocksAreSkipped() {
    List<BarColumns> blocks = blocks();
    BarSource source = BarSource.ofBlocks(blocks);
    BarColumns scratch = new BarColumns();

    assertThat(source.lendBars(scratch)).isSameAs(blocks.get(0));
    assertThat(source.lendBars(scratch)).isSameAs(blocks.get(2));
    assertThat(source.lendBars(scratch)).isNull();
    assertThat(scratch.size()).isZero();
  }

  @Test
  void copiesGiveTheSameRowsInBlocksOfTheReadersSizeAndAsEvents() {
    BarSource source = BarSource.ofBlocks(blocks());
    BarColumns two = new BarColumns(2);
    List<List<Long>> copied = new ArrayList<>();
    while (source.nextBars(two) > 0) {
      copied.add(closes(two));
    }
    assertThat(copied).containsExactly(List.of(10L, 11L), List.of(12L), List.of(13L, 14L));

    BarSource again = BarSource.ofBlocks(blocks());
    MarketEvent e = new MarketEvent();
    List<Long> events = new ArrayList<>();
    while (again.next(e)) {
      assertThat(e.type()).isEqualTo(MarketEvent.Type.BAR);
      assertThat(e.eventTime()).isEqualTo(e.closeTime());
      events.add(e.closeTicks());
    }
    assertThat(events).containsExactly(10L, 11L, 12L, 13L, 14L);
  }

  @Test
  void theRestOfABlockPartlyCopiedIsCopiedThenLendingGoesOn() {
    List<BarColumns> blocks = blocks();
    BarSource source = BarSource.ofBlocks(blocks);
    BarColumns one = new BarColumns(1);
    BarColumns scratch = new BarColumns();

    assertThat(source.nextBars(one)).isEqualTo(1);
    BarColumns rest = source.lendBars(scratch);

    assertThat(rest).isSameAs(scratch);
    assertThat(closes(scratch)).containsExactly(11L, 12L);
    assertThat(source.lendBars(scratch)).isSameAs(blocks.get(2));
    assertThat(closes(blocks.get(0))).as("unchanged").containsExactly(10L, 11L, 12L);
  }
}
