package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceFrameDecoderTest {
  private static final Map<String, TickScale> TWO =
      Map.of(
          "BTCUSDT", TickScale.of(new BigDecimal("0.1")),
          "ETHUSDT", TickScale.of(new BigDecimal("0.01")));
  private static final String DIFF =
      "{\"stream\":\"ethusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000100,"
          + "\"T\":1700000000099,\"s\":\"ETHUSDT\",\"U\":11,\"u\":15,\"pu\":10,"
          + "\"b\":[[\"2001.10\",\"2.5\"]],\"a\":[[\"2001.50\",\"0\"],[\"2001.60\",\"1\"]]}}";
  private static final String REPLY =
      "{\"lastUpdateId\":42,\"E\":1700000000000,\"T\":1700000000000,"
          + "\"bids\":[[\"57000.1\",\"1.5\"]],\"asks\":[[\"57000.2\",\"2\"]]}";

  @Test
  void decodesACombinedStreamDepthFrameIntoTicks() {
    BinanceFrameDecoder decoder = new BinanceFrameDecoder(TWO);
    MarketEvent e = new MarketEvent();
    assertThat(decoder.decode(DIFF, e)).isTrue();
    assertThat(e.type()).isEqualTo(MarketEvent.Type.DEPTH_UPDATE);
    assertThat(e.symbol()).isEqualTo("ETHUSDT");
    assertThat(e.firstUpdateId()).isEqualTo(11);
    assertThat(e.lastUpdateId()).isEqualTo(15);
    assertThat(e.prevUpdateId()).isEqualTo(10);
    assertThat(e.levelPriceTicks(Side.BUY, 0)).isEqualTo(200110);
    assertThat(e.levelQuantity(Side.BUY, 0)).isEqualTo(2.5);
    assertThat(e.levelCount(Side.SELL)).isEqualTo(2);
    assertThat(e.levelQuantity(Side.SELL, 0)).isZero();
  }

  @Test
  void aRestReplyIsTheNamedSymbolsSnapshot() {
    BinanceFrameDecoder decoder = new BinanceFrameDecoder(TWO);
    MarketEvent e = new MarketEvent();
    assertThat(decoder.decodeSnapshot("btcusdt", REPLY, e)).isTrue();
    assertThat(e.type()).isEqualTo(MarketEvent.Type.DEPTH_SNAPSHOT);
    assertThat(e.symbol()).isEqualTo("BTCUSDT");
    assertThat(e.lastUpdateId()).isEqualTo(42);
    assertThat(e.levelPriceTicks(Side.SELL, 0)).isEqualTo(570002);
  }

  @Test
  void withOneSymbolAPlainDecodeTakesARestReplyAsItsSnapshot() {
    BinanceFrameDecoder decoder =
        new BinanceFrameDecoder(Map.of("BTCUSDT", TickScale.of(new BigDecimal("0.1"))));
    MarketEvent e = new MarketEvent();
    assertThat(decoder.decode(REPLY, e)).isTrue();
    assertThat(e.symbol()).isEqualTo("BTCUSDT");
    assertThatThrownBy(() -> decoder.decode(DIFF, e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETHUSDT");
  }

  @Test
  void ambiguousOrMalformedInputIsRefusedWithWhatToDo() {
    BinanceFrameDecoder decoder = new BinanceFrameDecoder(TWO);
    MarketEvent e = new MarketEvent();
    assertThatThrownBy(() -> decoder.decode(REPLY, e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decodeSnapshot(symbol, json, into)");
    assertThatThrownBy(() -> decoder.decodeSnapshot("SOLUSDT", REPLY, e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no tick scale for SOLUSDT")
        .hasMessageContaining("BTCUSDT, ETHUSDT");
    assertThatThrownBy(() -> new BinanceFrameDecoder(Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
