package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.T0;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A fill's order update and the fill reach every listener in order, at their own times. */
class FillEventOrderTest {

  /** Records each event as "ms after T0 what", and queues a task at that time from each one. */
  private static List<String> placeMarketBuy(SimKit kit) {
    kit.snapshot("99.0", "5", "|", "100.0", "5");
    return placeMarketBuy(kit, "2");
  }

  private static List<String> placeMarketBuy(SimKit kit, String quantity) {
    Exchange ex = kit.account("a", "10000");
    List<String> seen = new ArrayList<>();
    UserEventListener recorder =
        new UserEventListener() {
          @Override
          public void onOrderUpdate(Order order) {
            String what = "update " + order.status();
            seen.add(kit.now() - T0 + " " + what);
            kit.clock.schedule(
                () -> seen.add(kit.now() - T0 + " after " + what), 0, TimeUnit.MILLISECONDS);
          }

          @Override
          public void onFill(Fill fill) {
            String what = "fill " + fill.quantity().stripTrailingZeros().toPlainString();
            seen.add(kit.now() - T0 + " " + what);
            kit.clock.schedule(
                () -> seen.add(kit.now() - T0 + " after " + what), 0, TimeUnit.MILLISECONDS);
          }
        };
    ex.streams().userEvents(recorder);
    // a second listener: each event reaches both before the next
    ex.streams().userEvents(new UserEventListener() {});
    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d(quantity))));
    kit.clock.advanceBy(Duration.ofSeconds(1));
    return seen;
  }

  @Test
  void atOneLatencyTheUpdateThenTheFillArriveTogetherBeforeWhatListenersQueueAtThatTime() {
    SimKit kit = new SimKit(b -> b.marketDataLatency(LatencyModel.fixed(Duration.ofMillis(7))));

    assertThat(placeMarketBuy(kit))
        .containsExactly(
            "7 update NEW",
            "7 update FILLED",
            "7 fill 2",
            "7 after update NEW",
            "7 after update FILLED",
            "7 after fill 2");
  }

  @Test
  void aMarketOrderWalkingTwoLevelsReportsItsAcceptanceAndEachFillInOrder() {
    SimKit kit = new SimKit(b -> b.marketDataLatency(LatencyModel.fixed(Duration.ofMillis(7))));
    kit.snapshot("99.0", "5", "|", "100.0", "1", "100.1", "5");

    // the acceptance's task takes the first fill; the second fill has its own task right after
    assertThat(placeMarketBuy(kit, "2"))
        .containsExactly(
            "7 update NEW",
            "7 update PARTIALLY_FILLED",
            "7 fill 1",
            "7 update FILLED",
            "7 fill 1",
            "7 after update NEW",
            "7 after update PARTIALLY_FILLED",
            "7 after fill 1",
            "7 after update FILLED",
            "7 after fill 1");
  }

  @Test
  void withoutLatencyTheEventsKeepTheirOrderAtTheOrdersTime() {
    SimKit kit = new SimKit();

    assertThat(placeMarketBuy(kit))
        .containsExactly(
            "0 update NEW",
            "0 update FILLED",
            "0 fill 2",
            "0 after update NEW",
            "0 after update FILLED",
            "0 after fill 2");
  }

  @Test
  void underDrawnLatenciesEachEventArrivesInOrderAtItsOwnTimeSplitOrTogether() {
    boolean split = false;
    boolean together = false;
    for (long seed = 0; seed < 40; seed++) {
      long s = seed;
      SimKit kit =
          new SimKit(
              b ->
                  b.seed(s)
                      .marketDataLatency(
                          LatencyModel.sampled(List.of(Duration.ZERO, Duration.ofMillis(9)))));
      List<String> seen = placeMarketBuy(kit);

      assertThat(seen).hasSize(6);
      List<String> events = new ArrayList<>();
      long last = -1;
      for (String line : seen) {
        long at = Long.parseLong(line.substring(0, line.indexOf(' ')));
        assertThat(at).isGreaterThanOrEqualTo(last);
        last = at;
        String what = line.substring(line.indexOf(' ') + 1);
        if (what.startsWith("after ")) {
          // queued at the event's own time, it runs after the event
          assertThat(events).contains(at + " " + what.substring(6));
        } else {
          events.add(line);
        }
      }
      assertThat(events)
          .extracting(e -> e.substring(e.indexOf(' ') + 1))
          .containsExactly("update NEW", "update FILLED", "fill 2");
      long updateAt = Long.parseLong(events.get(1).substring(0, events.get(1).indexOf(' ')));
      long fillAt = Long.parseLong(events.get(2).substring(0, events.get(2).indexOf(' ')));
      split |= updateAt != fillAt;
      together |= updateAt == fillAt;
    }
    assertThat(split).as("some seed draws the fill later than its update").isTrue();
    assertThat(together).as("some seed draws both at one time").isTrue();
  }
}
