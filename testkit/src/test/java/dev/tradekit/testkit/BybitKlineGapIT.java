package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bybit-linear}'s {@code kline.1.BTCUSDT} through a dropped socket, against {@link
 * FakeBybit} in virtual time: the bars that closed while the socket was down come from {@code GET
 * /v5/market/kline}, and every closed bar reaches the listener exactly once, in order.
 */
class BybitKlineGapIT {
  private static final long MINUTE = 60_000;
  private static final long T0 = 1_767_225_600_000L; // a minute boundary
  private FakeBybit fake;
  private Exchange ex;
  private long now = T0;

  @BeforeEach
  void start() {
    fake =
        FakeBybit.builder()
            .scheduler(new VirtualScheduler(T0))
            .source(
                MarketDataSources.synthetic(
                    SyntheticMarket.Config.builder()
                        .startTimeMillis(T0)
                        .duration(Duration.ofMinutes(30))
                        .seed(11)
                        .build()))
            .account("k", "s-k", AccountSetup.usdt(new BigDecimal("1000")))
            .start();
    ex = fake.adapter("k").build();
  }

  @AfterEach
  void stop() {
    ex.close();
    fake.close();
  }

  @Test
  void aDroppedSocketNeitherSkipsNorRepeatsAClosedBar() throws Exception {
    List<Long> closed = new CopyOnWriteArrayList<>();
    ex.streams()
        .klines(
            "BTCUSDT",
            KlineInterval.M1,
            (k, isClosed) -> {
              if (isClosed) {
                closed.add((k.openTime() - T0) / MINUTE);
              }
            });
    awaitKlineSocket(List.of());
    advanceUntil(T0 + 3 * MINUTE + 30_000, () -> closed.contains(2L));

    // mid-bar 3: the socket goes silent, drops, and bars 3, 4 and 5 close while it is down
    fake.faults().freezeWebSockets(true);
    List<WsSocket> dropped = List.copyOf(fake.publicSockets());
    fake.faults().dropWebSockets();
    now = T0 + 6 * MINUTE + 30_000;
    fake.runUntil(now);
    awaitKlineSocket(dropped);
    fake.faults().freezeWebSockets(false);
    advanceUntil(T0 + 10 * MINUTE + 30_000, () -> closed.contains(9L));

    assertThat(closed).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  /** Steps virtual time a second at a time until {@code done}, for up to 60 s of real time. */
  private void advanceUntil(long limit, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
      if (now < limit) {
        now = Math.min(limit, now + 1000);
        fake.runUntil(now);
      } else {
        Thread.sleep(5);
      }
    }
  }

  private void awaitKlineSocket(List<WsSocket> before) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (fake.publicSockets().stream()
        .noneMatch(w -> !before.contains(w) && w.streams().contains("kline.1.BTCUSDT"))) {
      assertThat(System.nanoTime()).as("kline topic subscribed within 60 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
