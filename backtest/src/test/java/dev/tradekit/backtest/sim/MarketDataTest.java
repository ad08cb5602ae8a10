package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.Ticker24h;
import dev.tradekit.api.model.Trade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketDataTest {
  private final SimKit kit = new SimKit();
  private final Exchange ex = kit.account("a", "1000");

  @Test
  void klinesAndTheDailyTickerComeFromTheTradesSeen() {
    List<Trade> trades = new ArrayList<>();
    ex.streams().trades(SYMBOL, trades::add);
    long minute = T0 - T0 % 60_000; // T0 is 20 s into its minute
    kit.trade("100.0", 1, false);
    kit.clock.advanceTo(T0 + 30_000);
    kit.trade("110.0", 1, true);
    kit.clock.advanceTo(T0 + 70_000);
    kit.trade("90.0", 0.5, true);

    assertThat(trades)
        .extracting(Trade::price)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("100"), new BigDecimal("110"), new BigDecimal("90"));
    List<Kline> bars = kit.await(ex.marketData().klines(KlineQuery.of(SYMBOL, KlineInterval.M1)));
    assertThat(bars).hasSize(2);
    Kline first = bars.get(0);
    assertThat(first.openTime()).isEqualTo(minute);
    assertThat(first.open()).isEqualByComparingTo("100");
    assertThat(first.high()).isEqualByComparingTo("110");
    assertThat(first.low()).isEqualByComparingTo("100");
    assertThat(first.close()).isEqualByComparingTo("110");
    assertThat(first.volume()).isEqualByComparingTo("2");
    assertThat(first.trades()).isEqualTo(2);
    assertThat(first.takerBuyBaseVolume()).isEqualByComparingTo("1");
    assertThat(bars.get(1).openTime()).isEqualTo(minute + 60_000);
    assertThat(bars.get(1).close()).isEqualByComparingTo("90");

    Ticker24h day = kit.await(ex.marketData().ticker24h(SYMBOL));
    assertThat(day.openPrice()).isEqualByComparingTo("100");
    assertThat(day.lastPrice()).isEqualByComparingTo("90");
    assertThat(day.highPrice()).isEqualByComparingTo("110");
    assertThat(day.count()).isEqualTo(3);
    assertThat(day.priceChangePercent()).isEqualByComparingTo("-10");
  }

  @Test
  void bookSnapshotsInstrumentsAndUnknownSymbols() {
    kit.snapshot("99.0", "3", "98.5", "1", "|", "99.5", "2");
    OrderBookSnapshot book = kit.await(ex.marketData().orderBook(SYMBOL, 1));
    assertThat(book.bids()).hasSize(1);
    assertThat(book.bestBid().orElseThrow().price()).isEqualByComparingTo("99.0");
    assertThat(book.bestAsk().orElseThrow().quantity()).isEqualByComparingTo("2");
    assertThat(kit.await(ex.marketData().markPrice(SYMBOL))).isEqualByComparingTo("99.25");
    assertThat(kit.venue.markPrice(SYMBOL)).isEqualByComparingTo("99.25");
    assertThat(ex.marketData().instruments().join())
        .extracting(i -> i.symbol())
        .containsExactly(SYMBOL);
    assertThat(ex.marketData().serverTime().join()).isEqualTo(T0);
    assertThat(kit.failure(ex.marketData().instrument("ETHUSDT")))
        .isInstanceOf(UnknownSymbolException.class);
    assertThat(
            kit.failure(
                ex.trading()
                    .place(
                        dev.tradekit.api.model.OrderRequest.market(
                            "ETHUSDT", dev.tradekit.api.model.Side.BUY, BigDecimal.ONE))))
        .isInstanceOf(UnknownSymbolException.class);
  }
}
