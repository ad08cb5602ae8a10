package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergedSourceTest {

  private static MarketEvent trade(String symbol, long time, long id) {
    return new MarketEvent()
        .reset(MarketEvent.Type.TRADE, symbol, time, time * 1_000_000L)
        .trade(id, 100, 1, false);
  }

  @Test
  void ordersByEventTimeThenSourceIndex() {
    MarketDataSource a = TestEvents.of(trade("A", 1, 1), trade("A", 5, 2), trade("A", 5, 3));
    MarketDataSource b = TestEvents.of(trade("B", 0, 1), trade("B", 5, 2), trade("B", 9, 3));
    MarketDataSource c = TestEvents.of();
    MarketDataSource d = TestEvents.of(trade("D", 3, 1));

    List<MarketEvent> merged = TestEvents.drain(MarketDataSources.merge(a, b, c, d));

    assertThat(merged.stream().map(e -> e.symbol() + e.eventTime() + "#" + e.tradeId()).toList())
        .containsExactly("B0#1", "A1#1", "D3#1", "A5#2", "A5#3", "B5#2", "B9#3");
  }

  @Test
  void mergesTwoSyntheticMarketsIntoOneNonDecreasingStream() {
    SyntheticMarket.Config btc = SyntheticMarket.Config.builder().seed(1).maxEvents(3_000).build();
    SyntheticMarket.Config eth =
        SyntheticMarket.Config.builder()
            .symbol("ETHUSDT")
            .tickSize("0.01")
            .initialMid("3000")
            .seed(2)
            .maxEvents(2_000)
            .build();
    List<MarketEvent> merged =
        TestEvents.drain(
            MarketDataSources.merge(
                MarketDataSources.synthetic(btc), MarketDataSources.synthetic(eth)));
    assertThat(merged).hasSize(5_000);
    for (int i = 1; i < merged.size(); i++) {
      assertThat(merged.get(i).eventTime()).isGreaterThanOrEqualTo(merged.get(i - 1).eventTime());
    }
    assertThat(merged.stream().filter(e -> e.symbol().equals("ETHUSDT")).count()).isEqualTo(2_000);
  }

  @Test
  void needsAtLeastOneSource() {
    assertThatThrownBy(MarketDataSources::merge)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
