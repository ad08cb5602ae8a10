package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.book.TickScale;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinanceCsvReaderTest {

  private static final TickScale TICK = TickScale.of(new BigDecimal("0.1"));

  @TempDir Path dir;

  private static final String KLINES_HEADER =
      "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
          + "taker_buy_quote_volume,ignore\n";
  private static final String KLINES =
      "1723161240000,61800.20,61850.00,61790.10,61840.50,123.456,1723161299999,7629876.12,1500,"
          + "60.1,3714321.5,0\n"
          + "1723161300000,61840.50,61900.00,61800.00,61810.00,98.7,1723161359999,6101234.5,1200,"
          + "40.2,2484321.5,0\n";

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return file;
  }

  private Path zip(String name, String entry, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content.getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void readsKlinesWithAndWithoutHeader() throws IOException {
    List<MarketEvent> plain =
        TestEvents.drain(MarketDataSources.klinesCsv(write("k.csv", KLINES), "BTCUSDT", TICK));
    List<MarketEvent> headed =
        TestEvents.drain(
            MarketDataSources.klinesCsv(write("kh.csv", KLINES_HEADER + KLINES), "BTCUSDT", TICK));

    assertThat(plain).hasSize(2);
    assertThat(headed.stream().map(TestEvents::full).toList())
        .isEqualTo(plain.stream().map(TestEvents::full).toList());
    MarketEvent bar = plain.get(0);
    assertThat(bar.type()).isEqualTo(MarketEvent.Type.BAR);
    assertThat(bar.symbol()).isEqualTo("BTCUSDT");
    assertThat(bar.openTicks()).isEqualTo(618_002);
    assertThat(bar.highTicks()).isEqualTo(618_500);
    assertThat(bar.lowTicks()).isEqualTo(617_901);
    assertThat(bar.closeTicks()).isEqualTo(618_405);
    assertThat(bar.volume()).isEqualTo(123.456);
    assertThat(bar.quoteVolume()).isEqualTo(7629876.12);
    assertThat(bar.openTime()).isEqualTo(1723161240000L);
    assertThat(bar.closeTime()).isEqualTo(1723161299999L);
    assertThat(bar.eventTime()).isEqualTo(1723161299999L);
    assertThat(bar.barClosed()).isTrue();
  }

  @Test
  void readsAggTradesFromZip() throws IOException {
    String csv =
        "agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker\n"
            + "2284211111,61800.30,0.006,5266583935,5266583935,1723161256322,false\n"
            + "2284211112,61800.20,1.250,5266583936,5266583940,1723161256344,true\n";
    Path file = zip("BTCUSDT-aggTrades-2024-08-08.zip", "BTCUSDT-aggTrades-2024-08-08.csv", csv);

    List<MarketEvent> trades =
        TestEvents.drain(MarketDataSources.aggTradesCsv(file, "BTCUSDT", TICK));

    assertThat(trades).hasSize(2);
    assertThat(trades.get(0).tradeId()).isEqualTo(2284211111L);
    assertThat(trades.get(0).tradePriceTicks()).isEqualTo(618_003);
    assertThat(trades.get(0).tradeQuantity()).isEqualTo(0.006);
    assertThat(trades.get(0).buyerMaker()).isFalse();
    assertThat(trades.get(1).buyerMaker()).isTrue();
    assertThat(trades.get(1).eventTime()).isEqualTo(1723161256344L);
    assertThat(trades.get(1).receiveTimeNanos()).isEqualTo(1723161256344L * 1_000_000L);
  }

  @Test
  void readsTradesCsvPlainAndZippedWithoutHeader() throws IOException {
    String csv =
        "5266583935,61800.30,0.006,370.8018,1723161256322,False\r\n"
            + "5266583936,61800.30,0.199,12298.2597,1723161256344,True\r\n";
    List<MarketEvent> plain =
        TestEvents.drain(MarketDataSources.tradesCsv(write("t.csv", csv), "BTCUSDT", TICK));
    List<MarketEvent> zipped =
        TestEvents.drain(MarketDataSources.tradesCsv(zip("t.zip", "t.csv", csv), "BTCUSDT", TICK));

    assertThat(plain).hasSize(2);
    assertThat(zipped.stream().map(TestEvents::full).toList())
        .isEqualTo(plain.stream().map(TestEvents::full).toList());
    assertThat(plain.get(1).tradeId()).isEqualTo(5266583936L);
    assertThat(plain.get(1).tradeQuantity()).isEqualTo(0.199);
    assertThat(plain.get(1).buyerMaker()).isTrue();
    assertThat(plain.get(0).eventTime()).isEqualTo(1723161256322L);
  }

  @Test
  void malformedRowNamesFileAndLine() throws IOException {
    Path file = write("bad.csv", KLINES + "1723161360000,oops\n");
    assertThatThrownBy(() -> TestEvents.drain(MarketDataSources.klinesCsv(file, "BTCUSDT", TICK)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bad.csv:3");
  }
}
