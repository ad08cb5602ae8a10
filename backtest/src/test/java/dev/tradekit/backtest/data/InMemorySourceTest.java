package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.model.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemorySourceTest {

  private static List<MarketEvent> events() {
    List<MarketEvent> out = new ArrayList<>();
    out.add(
        new MarketEvent()
            .reset(MarketEvent.Type.DEPTH_UPDATE, "BTCUSDT", 1_000, 0)
            .updateIds(10, 12, 9)
            .addLevel(Side.BUY, 600_000, 1.5)
            .addLevel(Side.SELL, 600_010, 0));
    out.add(
        new MarketEvent()
            .reset(MarketEvent.Type.TRADE, "BTCUSDT", 1_001, 0)
            .trade(77, 600_005, 0.25, true));
    return out;
  }

  @Test
  void nextEventLendsTheHeldEventsInOrderWithoutTouchingTheScratchEvent() {
    List<MarketEvent> held = events();
    MarketDataSource source = MarketDataSources.inMemory(held);
    MarketEvent scratch = new MarketEvent();
    assertThat(source.nextEvent(scratch)).isSameAs(held.get(0));
    assertThat(source.nextEvent(scratch)).isSameAs(held.get(1));
    assertThat(source.nextEvent(scratch)).isNull();
    assertThat(scratch.type()).isEqualTo(MarketEvent.Type.TRADE); // the constructor's, untouched
    assertThat(scratch.tradeId()).isZero();
  }

  @Test
  void nextCopiesEachEventAndAListWithoutIndexesIsServedTheSame() {
    MarketDataSource source = MarketDataSources.inMemory(new LinkedList<>(events()));
    MarketEvent into = new MarketEvent();
    assertThat(source.next(into)).isTrue();
    assertThat(into.lastUpdateId()).isEqualTo(12);
    assertThat(into.levelPriceTicks(Side.BUY, 0)).isEqualTo(600_000);
    assertThat(into.levelCount(Side.SELL)).isEqualTo(1);
    assertThat(source.next(into)).isTrue();
    assertThat(into.tradePriceTicks()).isEqualTo(600_005);
    assertThat(source.next(into)).isFalse();
  }

  @Test
  void aNullEventIsRefusedAtOnce() {
    assertThatThrownBy(() -> MarketDataSources.inMemory(Arrays.asList(new MarketEvent(), null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void theDefaultNextEventFillsTheScratchEventOfAReadingSource() {
    MarketDataSource reading =
        new MarketDataSource() {
          private boolean done;

          @Override
          public boolean next(MarketEvent into) {
            if (done) {
              return false;
            }
            done = true;
            into.reset(MarketEvent.Type.TRADE, "ETHUSDT", 5, 0).trade(1, 30_000, 2, false);
            return true;
          }

          @Override
          public void close() {}
        };
    MarketEvent scratch = new MarketEvent();
    assertThat(reading.nextEvent(scratch)).isSameAs(scratch);
    assertThat(scratch.symbol()).isEqualTo("ETHUSDT");
    assertThat(reading.nextEvent(scratch)).isNull();
  }
}
