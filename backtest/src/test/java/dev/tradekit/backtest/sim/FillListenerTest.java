package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.T0;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SimVenue#addFillListener}: each fill as the matcher books it, before the user events. */
class FillListenerTest {

  @Test
  void eachFillReachesTheListenerWhenBookedBeforeTheDelayedUserEvent() {
    SimKit kit = new SimKit(b -> b.marketDataLatency(LatencyModel.fixed(Duration.ofMillis(7))));
    kit.snapshot("99.0", "5", "|", "100.0", "1", "100.1", "5");
    Exchange ex = kit.account("a", "10000");
    List<String> seen = new ArrayList<>();
    kit.venue.addFillListener(
        "a", f -> seen.add(kit.now() - T0 + " booked " + f.price().toPlainString()));
    ex.streams()
        .userEvents(
            new UserEventListener() {
              @Override
              public void onFill(Fill f) {
                seen.add(kit.now() - T0 + " event " + f.price().toPlainString());
              }
            });

    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("2"))));
    kit.clock.advanceBy(Duration.ofSeconds(1));

    assertThat(seen)
        .containsExactly("0 booked 100", "0 booked 100.1", "7 event 100", "7 event 100.1");
    assertThat(kit.venue.fills("a"))
        .extracting(Fill::price)
        .map(p -> p.toPlainString())
        .containsExactly("100", "100.1");
  }

  @Test
  void aThrowingListenerStaysSubscribedAndAClosedOneHearsNothing() {
    SimKit kit = new SimKit();
    kit.snapshot("99.0", "5", "|", "100.0", "5");
    Exchange ex = kit.account("a", "10000");
    List<Fill> afterThrow = new ArrayList<>();
    List<Fill> closedOne = new ArrayList<>();
    kit.venue.addFillListener(
        "a",
        f -> {
          throw new IllegalStateException("listener bug");
        });
    kit.venue.addFillListener("a", afterThrow::add);
    Subscription s = kit.venue.addFillListener("a", closedOne::add);

    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("1"))));
    s.close();
    kit.await(ex.trading().place(OrderRequest.market(SYMBOL, Side.SELL, d("1"))));

    assertThat(afterThrow).hasSize(2);
    assertThat(closedOne).hasSize(1);
    assertThat(kit.venue.fills("a")).hasSize(2);
  }

  @Test
  void anUnknownAccountIsRefusedByName() {
    SimKit kit = new SimKit();

    assertThatThrownBy(() -> kit.venue.addFillListener("nobody", f -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nobody");
  }
}
