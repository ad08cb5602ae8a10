package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds the real recorded XRPUSDT v5 book (1 snapshot + 49 deltas) and compares it, after every
 * message, with an independent rebuild in plain sorted maps of exact decimals.
 */
class BybitBookReplayTest {
  private static final TickScale TICK = TickScale.of(new BigDecimal("0.0001"));
  private final BybitJson json = new BybitJson();
  private List<String> lines = List.of();

  @BeforeEach
  void readRecording() throws IOException {
    String root = System.getProperty("tradekit.refdata");
    Path file =
        root == null ? Path.of("") : Path.of(root, "bybit-linear", "xrpusdt_ob500_20241201.data");
    Assumptions.assumeTrue(
        root != null && Files.isRegularFile(file),
        "reference data not found: set -Dtradekit.refdata to the shared data folder");
    lines = Files.readAllLines(file);
  }

  @Test
  void bookEqualsAnIndependentSortedMapRebuildAfterEveryDelta() {
    BybitBook book = new BybitBook("XRPUSDT", TICK);
    NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
    NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    int deltas = 0;
    long lastU = 0;
    for (String line : lines) {
      BybitWire.BookFrame frame = json.parse(BybitWire.BookFrame.class, line);
      BybitBook.Result result = book.apply(frame);
      if (frame.isSnapshot()) {
        assertThat(result).isEqualTo(BybitBook.Result.SNAPSHOT);
        bids.clear();
        asks.clear();
      } else {
        assertThat(result).isEqualTo(BybitBook.Result.APPLIED);
        assertThat(frame.data.u).isEqualTo(lastU + 1);
        deltas++;
      }
      rebuild(bids, frame.data.b);
      rebuild(asks, frame.data.a);
      lastU = frame.data.u;
      assertSame(book.view(), Side.BUY, bids);
      assertSame(book.view(), Side.SELL, asks);
      assertThat(book.lastUpdateId()).isEqualTo(frame.data.u);
      assertThat(book.view().isCrossed()).isFalse();
    }
    assertThat(deltas).isEqualTo(49);
    assertThat(lastU).isEqualTo(20254918L);
    assertThat(bids).hasSizeGreaterThan(400);
  }

  @Test
  void aMissingDeltaIsAGapThatClearsTheBookUntilTheNextSnapshot() {
    BybitBook book = new BybitBook("XRPUSDT", TICK);
    book.apply(json.parse(BybitWire.BookFrame.class, lines.get(0)));
    book.apply(json.parse(BybitWire.BookFrame.class, lines.get(1)));
    assertThat(book.apply(json.parse(BybitWire.BookFrame.class, lines.get(3))))
        .isEqualTo(BybitBook.Result.GAP);
    assertThat(book.isSynced()).isFalse();
    assertThat(book.view().isEmpty(Side.BUY)).isTrue();
    assertThat(book.apply(json.parse(BybitWire.BookFrame.class, lines.get(4))))
        .isEqualTo(BybitBook.Result.AWAITING_SNAPSHOT);
    assertThat(book.apply(json.parse(BybitWire.BookFrame.class, lines.get(0))))
        .isEqualTo(BybitBook.Result.SNAPSHOT);
    assertThat(book.isSynced()).isTrue();
  }

  private static void rebuild(Map<BigDecimal, BigDecimal> side, List<List<String>> levels) {
    for (List<String> level : levels) {
      BigDecimal px = new BigDecimal(level.get(0));
      BigDecimal qty = new BigDecimal(level.get(1));
      if (qty.signum() == 0) {
        side.remove(px);
      } else {
        side.put(px, qty);
      }
    }
  }

  private static void assertSame(
      OrderBookView view, Side side, NavigableMap<BigDecimal, BigDecimal> expected) {
    assertThat(view.depth(side)).isEqualTo(expected.size());
    int i = 0;
    for (Map.Entry<BigDecimal, BigDecimal> e : expected.entrySet()) {
      assertThat(TICK.toPrice(view.priceTicks(side, i))).isEqualByComparingTo(e.getKey());
      assertThat(view.quantity(side, i)).isEqualTo(e.getValue().doubleValue());
      i++;
    }
    Objects.requireNonNull(view);
  }
}
