package dev.tradekit.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.DeadManSwitch;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeadManSwitchKeeperTest {
  private static final Duration COUNTDOWN = Duration.ofSeconds(60);

  /** A venue switch that records every call; {@code failArms} makes arms fail. */
  static final class RecordingSwitch implements DeadManSwitch {
    final List<String> calls = new ArrayList<>();
    final VirtualScheduler clock;
    boolean failArms;

    RecordingSwitch(VirtualScheduler clock) {
      this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> arm(String symbol, Duration countdown) {
      calls.add(
          "arm " + symbol + " " + countdown.toSeconds() + "s at " + clock.currentTimeMillis());
      return failArms
          ? CompletableFuture.failedFuture(new TransportException("test", 0, "connection reset"))
          : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> disarm(String symbol) {
      calls.add("disarm " + symbol + " at " + clock.currentTimeMillis());
      return CompletableFuture.completedFuture(null);
    }
  }

  @Test
  void armsAtOnceAndReArmsEveryThirdOfTheCountdownUntilDisarmed() {
    VirtualScheduler clock = new VirtualScheduler(0);
    RecordingSwitch venue = new RecordingSwitch(clock);
    DeadManSwitchKeeper keeper =
        DeadManSwitchKeeper.of(venue, "BTCUSDT", COUNTDOWN, clock, e -> {});

    keeper.arm().join();
    clock.advanceBy(Duration.ofSeconds(45));
    keeper.disarm().join();
    clock.advanceBy(Duration.ofMinutes(5));

    assertThat(venue.calls)
        .containsExactly(
            "arm BTCUSDT 60s at 0",
            "arm BTCUSDT 60s at 20000",
            "arm BTCUSDT 60s at 40000",
            "disarm BTCUSDT at 45000");
  }

  @Test
  void aFailedReArmIsReportedAndAStopWithoutDisarmLeavesTheCountdownRunning() {
    VirtualScheduler clock = new VirtualScheduler(0);
    RecordingSwitch venue = new RecordingSwitch(clock);
    List<Throwable> failures = new ArrayList<>();
    DeadManSwitchKeeper keeper =
        DeadManSwitchKeeper.of(venue, "BTCUSDT", COUNTDOWN, clock, failures::add);

    keeper.arm().join();
    venue.failArms = true;
    clock.advanceBy(Duration.ofSeconds(20));
    keeper.stopRearming();
    clock.advanceBy(Duration.ofMinutes(5));

    assertThat(failures).singleElement().isInstanceOf(TransportException.class);
    assertThat(venue.calls).containsExactly("arm BTCUSDT 60s at 0", "arm BTCUSDT 60s at 20000");
  }

  @Test
  void aCountdownTooShortToReArmInTimeIsRefused() {
    VirtualScheduler clock = new VirtualScheduler(0);
    RecordingSwitch venue = new RecordingSwitch(clock);
    assertThatThrownBy(
            () -> DeadManSwitchKeeper.of(venue, "BTCUSDT", Duration.ofSeconds(2), clock, e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(">= 3 s");
    assertThat(venue.calls).isEmpty();
  }
}
