package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.book.TickScale;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.data.SyntheticMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  record Outcome(List<Fill> fills, BigDecimal equity, long events) {}

  private static Outcome run(long marketSeed) {
    SyntheticMarket.Config cfg =
        SyntheticMarket.Config.builder()
            .seed(marketSeed)
            .startTimeMillis(SimKit.T0)
            .duration(Duration.ofMinutes(5))
            .build();
    VirtualScheduler clock = new VirtualScheduler(SimKit.T0);
    SimVenue venue =
        SimVenue.builder()
            .scheduler(clock)
            .instrument(SimKit.instrument())
            .queueModel(QueueModel.PROPORTIONAL)
            .orderLatency(LatencyModel.uniform(Duration.ofMillis(1), Duration.ofMillis(20)))
            .marketDataLatency(LatencyModel.fixed(Duration.ofMillis(5)))
            .seed(42)
            .build();
    Exchange ex = venue.openAccount("bot", AccountSetup.usdt(new BigDecimal("100000")));
    QuotingBot bot =
        new QuotingBot(
            ex, clock, SimKit.SYMBOL, TickScale.of(new BigDecimal("0.1")), new BigDecimal("0.050"));
    long events;
    try (SyntheticMarket market = new SyntheticMarket(cfg)) {
      events = new MarketReplay(market, venue).runToEnd();
    }
    CompletableFuture<AccountSnapshot> snap = ex.account().snapshot();
    clock.advanceBy(Duration.ofSeconds(1));
    Balance usdt = snap.join().balance("USDT").orElseThrow();
    return new Outcome(List.copyOf(bot.fills), usdt.marginBalance(), events);
  }

  @Test
  void twoReplaysOfTheSameSeedGiveIdenticalFillsAndEquity() {
    Outcome a = run(7);
    Outcome b = run(7);
    System.out.printf(
        "synthetic replay: %d events, %d fills (%d maker), equity %s%n",
        a.events(), a.fills().size(), a.fills().stream().filter(Fill::maker).count(), a.equity());
    assertThat(a.events()).isGreaterThan(10_000);
    assertThat(a.fills()).hasSizeGreaterThan(10);
    assertThat(a.fills()).anyMatch(Fill::maker);
    assertThat(b.fills()).isEqualTo(a.fills());
    assertThat(b.equity()).isEqualTo(a.equity());
    assertThat(a.equity()).isNotEqualByComparingTo("100000");

    Outcome other = run(8);
    assertThat(other.fills()).isNotEqualTo(a.fills());
  }
}
