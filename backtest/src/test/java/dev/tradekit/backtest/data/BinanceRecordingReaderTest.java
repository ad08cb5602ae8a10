package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Side;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceRecordingReaderTest {

  static final Map<String, TickScale> SCALES =
      Map.of(
          "BTCUSDT", TickScale.of(new BigDecimal("0.1")),
          "ETHUSDT", TickScale.of(new BigDecimal("0.01")));

  @TempDir Path dir;

  private Path gz(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (String line : lines) {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    return file;
  }

  @Test
  void parsesEveryFrameShape() throws IOException {
    Path file =
        gz(
            "btcusdt_20240808.gz",
            "1723161255030314667 {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1723161256299,\"T\":1723161256298,\"s\":\"BTCUSDT\",\"U\":5123107832006,"
                + "\"u\":5123107837557,\"pu\":5123107831937,\"b\":[[\"58710.20\",\"0.014\"],"
                + "[\"61510.90\",\"0.000\"]],\"a\":[[\"61800.30\",\"2.5\"]]}}",
            "1723161255088169167 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"e\":\"bookTicker\","
                + "\"u\":5123107839020,\"s\":\"BTCUSDT\",\"b\":\"61800.20\",\"B\":\"2.507\","
                + "\"a\":\"61800.30\",\"A\":\"2.510\",\"T\":1723161256313,\"E\":1723161256314}}",
            "1723161255088176367 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\","
                + "\"E\":1723161256322,\"T\":1723161256321,\"s\":\"BTCUSDT\",\"t\":5266583935,"
                + "\"p\":\"61800.30\",\"q\":\"0.006\",\"X\":\"MARKET\",\"m\":true}}",
            "1723161255088176368 {\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\","
                + "\"E\":1723161256322,\"s\":\"BTCUSDT\",\"p\":\"61800.1\"}}",
            "1723161255319702566 {\"lastUpdateId\":5123107852948,\"E\":1723161256501,"
                + "\"T\":1723161256493,\"bids\":[[\"61800.20\",\"2.909\"],[\"61800.10\",\"0.696\"]],"
                + "\"asks\":[[\"61800.30\",\"1.5\"]]}");

    List<MarketEvent> events = TestEvents.drain(MarketDataSources.binanceRecording(file, SCALES));

    assertThat(events)
        .extracting(MarketEvent::type)
        .containsExactly(
            MarketEvent.Type.DEPTH_UPDATE,
            MarketEvent.Type.BOOK_TICKER,
            MarketEvent.Type.TRADE,
            MarketEvent.Type.DEPTH_SNAPSHOT);
    MarketEvent depth = events.get(0);
    assertThat(depth.symbol()).isEqualTo("BTCUSDT");
    assertThat(depth.receiveTimeNanos()).isEqualTo(1723161255030314667L);
    assertThat(depth.eventTime()).isEqualTo(1723161256299L);
    assertThat(depth.transactionTime()).isEqualTo(1723161256298L);
    assertThat(depth.firstUpdateId()).isEqualTo(5123107832006L);
    assertThat(depth.lastUpdateId()).isEqualTo(5123107837557L);
    assertThat(depth.prevUpdateId()).isEqualTo(5123107831937L);
    assertThat(depth.levelCount(Side.BUY)).isEqualTo(2);
    assertThat(depth.levelPriceTicks(Side.BUY, 1)).isEqualTo(615_109);
    assertThat(depth.levelQuantity(Side.BUY, 1)).isZero();
    assertThat(depth.levelPriceTicks(Side.SELL, 0)).isEqualTo(618_003);
    assertThat(depth.levelQuantity(Side.SELL, 0)).isEqualTo(2.5);

    MarketEvent ticker = events.get(1);
    assertThat(ticker.lastUpdateId()).isEqualTo(5123107839020L);
    assertThat(ticker.bestBidTicks()).isEqualTo(618_002);
    assertThat(ticker.bestBidQuantity()).isEqualTo(2.507);
    assertThat(ticker.bestAskTicks()).isEqualTo(618_003);
    assertThat(ticker.bestAskQuantity()).isEqualTo(2.510);
    assertThat(ticker.eventTime()).isEqualTo(1723161256314L);

    MarketEvent trade = events.get(2);
    assertThat(trade.tradeId()).isEqualTo(5266583935L);
    assertThat(trade.tradePriceTicks()).isEqualTo(618_003);
    assertThat(trade.tradeQuantity()).isEqualTo(0.006);
    assertThat(trade.buyerMaker()).isTrue();
    assertThat(trade.aggressorSide()).isEqualTo(Side.SELL);

    MarketEvent snapshot = events.get(3);
    assertThat(snapshot.symbol()).isEqualTo("BTCUSDT");
    assertThat(snapshot.lastUpdateId()).isEqualTo(5123107852948L);
    assertThat(snapshot.eventTime()).isEqualTo(1723161256501L);
    assertThat(snapshot.levelCount(Side.BUY)).isEqualTo(2);
    assertThat(snapshot.levelQuantity(Side.BUY, 1)).isEqualTo(0.696);
    assertThat(snapshot.levelCount(Side.SELL)).isEqualTo(1);
  }

  @Test
  void unknownSymbolAndBrokenJsonNameTheLine() throws IOException {
    Path doge =
        gz(
            "btcusdt_x.gz",
            "1 {\"stream\":\"dogeusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1,\"s\":\"DOGEUSDT\","
                + "\"t\":1,\"p\":\"0.1\",\"q\":\"1\",\"m\":false}}");
    assertThatThrownBy(() -> TestEvents.drain(MarketDataSources.binanceRecording(doge, SCALES)))
        .hasMessageContaining("btcusdt_x.gz:1")
        .hasMessageContaining("DOGEUSDT");
    Path broken = gz("btcusdt_y.gz", "1 {\"lastUpdateId\":5,\"bids\":[[\"1.0\",");
    assertThatThrownBy(() -> TestEvents.drain(MarketDataSources.binanceRecording(broken, SCALES)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("btcusdt_y.gz:1");
  }

  @Test
  void countsEveryMessageOfTheBtcRecording() {
    Path file = TestEvents.refData("binance-usdm/btcusdt_20240808.gz");
    Map<MarketEvent.Type, Integer> counts = new EnumMap<>(MarketEvent.Type.class);
    long lines = 0;
    try (MarketDataSource source = MarketDataSources.binanceRecording(file, SCALES)) {
      MarketEvent e = new MarketEvent();
      while (source.next(e)) {
        counts.merge(e.type(), 1, Integer::sum);
        assertThat(e.symbol()).isEqualTo("BTCUSDT");
        lines++;
      }
    }
    assertThat(lines).isEqualTo(93_954);
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                MarketEvent.Type.DEPTH_SNAPSHOT, 1,
                MarketEvent.Type.DEPTH_UPDATE, 6_551,
                MarketEvent.Type.BOOK_TICKER, 66_089,
                MarketEvent.Type.TRADE, 21_313));
  }
}
