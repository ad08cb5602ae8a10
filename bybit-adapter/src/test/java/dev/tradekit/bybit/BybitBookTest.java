package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BybitBookTest {
  private final BybitJson json = new BybitJson();
  private final TickScale tick = TickScale.of(new BigDecimal("0.10"));
  private final BybitBook book = new BybitBook("BTCUSDT", tick);

  private BybitWire.BookFrame frame(String type, long u, long seq, String bids, String asks) {
    return json.parse(
        BybitWire.BookFrame.class,
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\""
            + type
            + "\",\"ts\":1,\"cts\":2,\"data\":{\"s\":\"BTCUSDT\",\"b\":"
            + bids
            + ",\"a\":"
            + asks
            + ",\"u\":"
            + u
            + ",\"seq\":"
            + seq
            + "}}");
  }

  @Test
  void deltasBeforeTheFirstSnapshotAreDropped() {
    assertThat(book.apply(frame("delta", 5, 50, "[[\"100.0\",\"1\"]]", "[]")))
        .isEqualTo(BybitBook.Result.AWAITING_SNAPSHOT);
    assertThat(book.view().isEmpty(Side.BUY)).isTrue();
  }

  @Test
  void zeroDeletesUnknownPriceInsertsAndKnownPriceReplaces() {
    book.apply(
        frame("snapshot", 10, 100, "[[\"100.0\",\"1\"],[\"99.9\",\"2\"]]", "[[\"100.1\",\"3\"]]"));
    book.apply(
        frame(
            "delta",
            11,
            101,
            "[[\"100.0\",\"0\"],[\"99.9\",\"5\"],[\"99.5\",\"0\"]]",
            "[[\"100.2\",\"4\"]]"));
    assertThat(book.view().depth(Side.BUY)).isEqualTo(1);
    assertThat(book.view().bestBidTicks()).isEqualTo(tick.toTicks(new BigDecimal("99.9")));
    assertThat(book.view().bestBidQuantity()).isEqualTo(5.0);
    assertThat(book.view().depth(Side.SELL)).isEqualTo(2);
    assertThat(book.view().timestamp()).isEqualTo(2);
  }

  @Test
  void aNewSnapshotResetsTheBookEvenWithALowerUpdateId() {
    book.apply(frame("snapshot", 10, 100, "[[\"100.0\",\"1\"]]", "[[\"100.1\",\"3\"]]"));
    assertThat(book.apply(frame("snapshot", 1, 200, "[[\"90.0\",\"1\"]]", "[[\"90.1\",\"3\"]]")))
        .isEqualTo(BybitBook.Result.SNAPSHOT);
    assertThat(book.view().depth(Side.BUY)).isEqualTo(1);
    assertThat(book.view().bestBidTicks()).isEqualTo(tick.toTicks(new BigDecimal("90.0")));
    assertThat(book.apply(frame("delta", 2, 201, "[]", "[]"))).isEqualTo(BybitBook.Result.APPLIED);
  }

  @Test
  void aSequenceThatGoesBackIsAGap() {
    book.apply(frame("snapshot", 10, 100, "[[\"100.0\",\"1\"]]", "[]"));
    assertThat(book.apply(frame("delta", 11, 99, "[]", "[]"))).isEqualTo(BybitBook.Result.GAP);
    assertThat(book.isSynced()).isFalse();
  }

  @Test
  void aRepeatedUpdateIdIsAGap() {
    book.apply(frame("snapshot", 10, 100, "[[\"100.0\",\"1\"]]", "[]"));
    assertThat(book.apply(frame("delta", 10, 100, "[]", "[]"))).isEqualTo(BybitBook.Result.GAP);
  }
}
