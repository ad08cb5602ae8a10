package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.KlineQuery;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's kline stream against FakeBinance in virtual time: a socket dropped in the middle of
 * a bar, with two bars closing while no frame gets through, loses and repeats no closed bar.
 */
class KlineStreamIT {
  static final long T0 = 1_704_067_200_000L;
  static final long MINUTE = 60_000L;
  FakeBinance fake;
  Exchange ex;
  final List<Kline> closed = new CopyOnWriteArrayList<>();
  final List<Kline> updates = new CopyOnWriteArrayList<>();
  long now = T0;

  @BeforeEach
  void start() {
    fake =
        FakeBinance.builder()
            .scheduler(new VirtualScheduler(T0))
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("1000")))
            .start();
    ex = fake.adapter("key-1").build();
  }

  @AfterEach
  void stop() {
    ex.close();
    fake.close();
  }

  /** Steps virtual time by a second until {@code done}, waiting up to 30 s of real time. */
  private void runUntil(long virtualLimit, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    long t = now;
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(
              () ->
                  "condition within 30 s at "
                      + (now - T0)
                      + ": closed "
                      + closed.stream().map(k -> (k.openTime() - T0) / MINUTE).toList()
                      + ", updates "
                      + updates.size()
                      + ", sockets "
                      + fake.marketSockets().stream().map(w -> w.streams).toList())
          .isLessThan(deadline);
      if (t < virtualLimit) {
        t = Math.min(virtualLimit, t + 1000);
        fake.runUntil(t);
        now = t;
      } else {
        Thread.onSpinWait();
        Thread.sleep(5);
      }
    }
  }

  /** Waits up to 30 s for a market socket not in {@code before} that carries the kline stream. */
  private void awaitSubscribed(List<WsSocket> before) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (fake.marketSockets().stream()
        .noneMatch(w -> !before.contains(w) && w.streams.contains("btcusdt@kline_1m"))) {
      assertThat(System.nanoTime()).as("kline stream subscribed within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private boolean closedUpTo(long openTime) {
    return !closed.isEmpty() && closed.get(closed.size() - 1).openTime() >= openTime;
  }

  @Test
  void aDroppedSocketInTheMiddleOfABarNeitherLosesNorRepeatsAClosedBar() throws Exception {
    Subscription s =
        ex.streams()
            .klines(
                "BTCUSDT", KlineInterval.M1, (k, isClosed) -> (isClosed ? closed : updates).add(k));
    awaitSubscribed(List.of());
    runUntil(T0 + 30_000, () -> !updates.isEmpty());
    runUntil(T0 + 3 * MINUTE + 30_000, () -> closedUpTo(T0 + 2 * MINUTE));
    fake.runUntil(T0 + 3 * MINUTE + 30_000);
    now = T0 + 3 * MINUTE + 30_000;

    // mid-bar 3: the socket drops and nothing gets through while bars 3 and 4 close
    fake.faults().freezeWebSockets(true);
    List<WsSocket> dropped = List.copyOf(fake.marketSockets());
    fake.faults().dropWebSockets();
    fake.runUntil(T0 + 5 * MINUTE + 30_000);
    now = T0 + 5 * MINUTE + 30_000;
    awaitSubscribed(dropped);
    fake.faults().freezeWebSockets(false);

    runUntil(T0 + 9 * MINUTE, () -> closedUpTo(T0 + 7 * MINUTE));
    s.close();

    List<Long> opens = closed.stream().map(Kline::openTime).toList();
    assertThat(opens.get(0)).isEqualTo(T0);
    for (int i = 1; i < opens.size(); i++) {
      assertThat(opens.get(i)).as("bar %d", i).isEqualTo(opens.get(i - 1) + MINUTE);
    }
    // bars 1.. are whole on both sides: the stream's bars equal the venue's REST klines
    List<Kline> rest =
        ex.marketData()
            .klines(
                KlineQuery.builder()
                    .symbol("BTCUSDT")
                    .interval(KlineInterval.M1)
                    .startTime(T0 + MINUTE)
                    .endTime(T0 + 7 * MINUTE)
                    .limit(7)
                    .build())
            .join();
    assertThat(rest).hasSize(7);
    for (int i = 0; i < 7; i++) {
      Kline a = closed.get(i + 1);
      Kline b = rest.get(i);
      assertThat(a.openTime()).isEqualTo(b.openTime());
      assertThat(a.open()).as("open of bar %d", i + 1).isEqualByComparingTo(b.open());
      assertThat(a.high()).as("high of bar %d", i + 1).isEqualByComparingTo(b.high());
      assertThat(a.low()).as("low of bar %d", i + 1).isEqualByComparingTo(b.low());
      assertThat(a.close()).as("close of bar %d", i + 1).isEqualByComparingTo(b.close());
    }
  }
}
