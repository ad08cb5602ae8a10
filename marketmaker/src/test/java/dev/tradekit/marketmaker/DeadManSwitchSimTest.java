package dev.tradekit.marketmaker;

import static dev.tradekit.marketmaker.SimMarket.bd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.execution.RiskLimits;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The bot runs on its own clock, advanced in step with the venue's; stopping that clock is a bot
 * that died without stopping. The venue-side dead-man switch must then cancel its orders.
 */
class DeadManSwitchSimTest {
  private final SimMarket m = new SimMarket();
  private final VirtualScheduler botClock = new VirtualScheduler(SimMarket.T0);

  private void together(long millis) {
    for (long t = 0; t < millis; t += 10) {
      m.advance(10);
      botClock.advanceTo(m.clock.currentTimeMillis());
    }
  }

  @Test
  void venueCancelsTheOrdersOfABotThatDiedWithoutStopping() {
    m.book("60000.0", "60000.2");
    MarketMaker mm =
        m.bot(Strategies.fixedSpread(), QuoteParameters.of(bd("0.001"), bd("0.002")))
            .scheduler(botClock)
            .riskLimits(RiskLimits.builder().maxBookAge(Duration.ofMinutes(5)).build())
            .sync(
                SyncSettings.builder()
                    .deadManSwitch(Duration.ofSeconds(3))
                    .refreshInterval(Duration.ofSeconds(1))
                    .build())
            .build();
    CompletableFuture<Void> start = mm.start();
    together(1_000);
    assertThat(start).isCompletedWithValue(null);
    together(10_000); // alive for three countdowns: re-armed every second
    assertThat(m.venueOrders()).hasSize(2);
    // the bot's clock stops here: no re-arm, no cancel from the bot
    m.advance(1_500);
    assertThat(m.venueOrders()).hasSize(2);
    m.advance(2_000);
    assertThat(m.venueOrders()).isEmpty();
    assertThat(mm.status().active()).isTrue(); // the dead bot never noticed
  }
}
