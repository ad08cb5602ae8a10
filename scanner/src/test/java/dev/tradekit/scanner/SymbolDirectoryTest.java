package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.book.OrderBook;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.PriceLevel;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.Ticker24h;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolDirectoryTest {

  static Instrument instrument(String base, boolean trading, String tick) {
    return Instrument.builder()
        .symbol(base + "USDT")
        .baseAsset(base)
        .quoteAsset("USDT")
        .trading(trading)
        .tickSize(new BigDecimal(tick))
        .stepSize(new BigDecimal("0.001"))
        .build();
  }

  static Ticker24h ticker(String symbol, long quoteVolume) {
    BigDecimal one = BigDecimal.ONE;
    return new Ticker24h(
        symbol, one, one, one, one, one, BigDecimal.valueOf(quoteVolume), BigDecimal.ZERO, 0, 1, 1);
  }

  @Test
  void ranksByQuoteVolumeAndSkipsStablecoinsHaltedAndUnknownSymbols() {
    SymbolDirectory d = new SymbolDirectory();
    d.load(
        List.of(
            instrument("BTC", true, "0.1"),
            instrument("ETH", true, "0.01"),
            instrument("USDC", true, "0.0001"),
            instrument("OLD", false, "0.1"),
            instrument("SOL", true, "0.01"),
            instrument("XRP", true, "0.0001")));
    List<Ticker24h> tickers =
        List.of(
            ticker("ETHUSDT", 500),
            ticker("USDCUSDT", 9_000),
            ticker("OLDUSDT", 8_000),
            ticker("BTCUSDT", 900),
            ticker("NEWUSDT", 7_000),
            ticker("SOLUSDT", 500),
            ticker("XRPUSDT", 10));
    assertThat(d.rank(tickers, ScannerBuilder.DEFAULT_STABLECOINS, 3))
        .containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
    assertThat(d.rank(tickers, java.util.Set.of(), 2)).containsExactly("USDCUSDT", "BTCUSDT");
  }

  @Test
  void convertsSnapshotsToTicksWithTheInstrumentsScaleOrTheFinestPrice() {
    SymbolDirectory d = new SymbolDirectory();
    d.load(List.of(instrument("BTC", true, "0.1")));
    OrderBookSnapshot s =
        new OrderBookSnapshot(
            "BTCUSDT",
            7,
            9,
            List.of(level("100.2", "1"), level("100.1", "2.5")),
            List.of(level("100.3", "4")));
    TickScale scale = d.scale("BTCUSDT", s);
    OrderBook b = SymbolDirectory.toBook(s, scale);
    assertThat(b.bestBidTicks()).isEqualTo(1002);
    assertThat(b.quantityAt(Side.BUY, 1001)).isEqualTo(2.5);
    assertThat(b.bestAskTicks()).isEqualTo(1003);
    assertThat(b.lastUpdateId()).isEqualTo(7);
    OrderBookSnapshot other =
        new OrderBookSnapshot("ABCUSDT", 1, 0, List.of(level("0.0125", "1")), List.of());
    assertThat(d.scale("ABCUSDT", other).tickSize()).isEqualByComparingTo("0.0001");
    assertThat(d.scale("ABCUSDT")).isNull();
  }

  private static PriceLevel level(String p, String q) {
    return new PriceLevel(new BigDecimal(p), new BigDecimal(q));
  }
}
