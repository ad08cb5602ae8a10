package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.adapter.Backoff;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Deduplication of delivered user events, and the backoff used for reconnects. */
class DeliveredLogTest {

  private static Order order(String id, long time, String executed, OrderStatus status) {
    return Order.builder()
        .symbol("BTCUSDT")
        .orderId(id)
        .side(Side.BUY)
        .type(OrderType.LIMIT)
        .price(BigDecimal.TEN)
        .quantity(new BigDecimal("3"))
        .executedQuantity(new BigDecimal(executed))
        .status(status)
        .updateTime(time)
        .build();
  }

  private static Fill fill(String tradeId) {
    return Fill.builder()
        .symbol("BTCUSDT")
        .tradeId(tradeId)
        .orderId("1")
        .side(Side.BUY)
        .price(BigDecimal.TEN)
        .quantity(BigDecimal.ONE)
        .commissionAsset("USDT")
        .build();
  }

  @Test
  void deliversEachOrderStateOnceAndNeverGoesBack() {
    DeliveredLog log = new DeliveredLog(100);
    assertThat(log.markOrder(order("1", 10, "0", OrderStatus.NEW))).isTrue();
    assertThat(log.markOrder(order("1", 10, "0", OrderStatus.NEW))).isFalse();
    assertThat(log.markOrder(order("1", 10, "1", OrderStatus.PARTIALLY_FILLED))).isTrue();
    assertThat(log.markOrder(order("1", 20, "3", OrderStatus.FILLED))).isTrue();
    assertThat(log.markOrder(order("1", 15, "2", OrderStatus.PARTIALLY_FILLED)))
        .as("an older state after a newer one")
        .isFalse();
    assertThat(log.markOrder(order("2", 15, "0", OrderStatus.NEW))).isTrue();
  }

  @Test
  void deliversEachFillOnce() {
    DeliveredLog log = new DeliveredLog(100);
    assertThat(log.markFill(fill("7"))).isTrue();
    assertThat(log.markFill(fill("7"))).isFalse();
    assertThat(log.markFill(fill("8"))).isTrue();
  }

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    DeliveredLog log = new DeliveredLog(3);
    for (int i = 0; i < 4; i++) {
      assertThat(log.markFill(fill(Integer.toString(i)))).isTrue();
    }
    assertThat(log.markFill(fill("3"))).isFalse();
    assertThat(log.markFill(fill("0"))).as("evicted").isTrue();
  }

  @Test
  void backoffDoublesWithJitterUpToTheMaximumAndResets() {
    Backoff b = new Backoff(500, 30_000, new Random(7));
    long[] steps = {500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (long step : steps) {
      assertThat(b.nextDelayMillis()).isBetween(step / 2, step);
    }
    b.reset();
    assertThat(b.nextDelayMillis()).isBetween(250L, 500L);
  }
}
