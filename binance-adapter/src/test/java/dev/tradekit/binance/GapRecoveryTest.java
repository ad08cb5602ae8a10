package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What gap recovery fetches for the conditional (algo) orders the user stream last saw open. */
class GapRecoveryTest {
  static final long T0 = 1_704_067_200_000L;

  static Order algo(String id, OrderStatus status, long updateTime) {
    return Order.builder()
        .symbol("BTCUSDT")
        .orderId(id)
        .side(Side.SELL)
        .type(OrderType.STOP_MARKET)
        .quantity(new BigDecimal("0.01"))
        .status(status)
        .triggerPrice(new BigDecimal("29000"))
        .triggeredOrderId(status == OrderStatus.TRIGGERED ? "77" : null)
        .updateTime(updateTime)
        .build();
  }

  @Test
  void anAlgoOrderThatVanishedDuringTheGapIsQueriedAndDeliveredInItsFinalState() {
    FakeStreamRest rest = new FakeStreamRest();
    rest.openAlgoOrders = List.of(algo("algo-8", OrderStatus.NEW, T0 + 1_000));
    rest.algoOrders.put("algo-7", algo("algo-7", OrderStatus.TRIGGERED, T0 + 5_000));

    List<GapRecovery.Event> events =
        GapRecovery.recover(rest, Set.of(), Map.of("algo-7", "BTCUSDT", "algo-8", "BTCUSDT"), T0)
            .join();

    assertThat(events)
        .extracting(e -> e.order().orderId() + " " + e.order().status())
        .containsExactly("algo-8 NEW", "algo-7 TRIGGERED");
    assertThat(events.get(1).order().triggeredOrderId()).isEqualTo("77");
    assertThat(rest.callLog)
        .contains("algoOrder BTCUSDT algo-7")
        .doesNotContain("algoOrder BTCUSDT algo-8");
  }

  @Test
  void withNoAlgoOrderOpenBeforeTheGapNothingIsQueried() {
    FakeStreamRest rest = new FakeStreamRest();

    assertThat(GapRecovery.recover(rest, Set.of(), Map.of(), T0).join()).isEmpty();
    assertThat(rest.callLog).contains("openAlgoOrders").noneMatch(c -> c.startsWith("algoOrder "));
  }
}
