package dev.tradekit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServerClockTest {
  private final AtomicLong local = new AtomicLong(1_000_000);
  private final ServerClock clock = new ServerClock(local::get, 3);

  @Test
  void offsetIsServerTimeMinusTheMidpointOfTheRoundTrip() {
    clock.addSample(1_000, 1_550, 1_100); // midpoint 1050
    assertThat(clock.offset()).isEqualTo(500);
    assertThat(clock.now()).isEqualTo(1_000_500);
    assertThat(clock.bestRoundTripMillis()).isEqualTo(100);
  }

  @Test
  void keepsTheSampleWithTheLowestRoundTrip() {
    clock.addSample(0, 1_000, 400); // rtt 400, offset 800
    clock.addSample(0, 1_000, 20); // rtt 20, offset 990
    clock.addSample(0, 1_000, 200); // rtt 200, offset 900
    assertThat(clock.offset()).isEqualTo(990);
    assertThat(clock.bestRoundTripMillis()).isEqualTo(20);
  }

  @Test
  void forgetsSamplesOlderThanItsCapacity() {
    clock.addSample(0, 1_000, 10); // best, offset 995
    clock.addSample(0, 2_000, 100);
    clock.addSample(0, 2_000, 100);
    assertThat(clock.offset()).isEqualTo(995);
    clock.addSample(0, 2_000, 60); // pushes out the rtt-10 sample
    assertThat(clock.offset()).isEqualTo(1_970);
  }

  @Test
  void isZeroAndUnsyncedBeforeTheFirstSample() {
    assertThat(clock.isSynced()).isFalse();
    assertThat(clock.offset()).isZero();
    assertThat(clock.now()).isEqualTo(1_000_000);
    assertThat(clock.bestRoundTripMillis()).isEqualTo(-1);
  }

  @Test
  void resetLetsAWorseButFresherSampleWin() {
    clock.addSample(0, 1_000, 2);
    clock.reset();
    assertThat(clock.isSynced()).isFalse();
    clock.addSample(0, -5_000, 300);
    assertThat(clock.isSynced()).isTrue();
    assertThat(clock.offset()).isEqualTo(-5_150);
  }

  @Test
  void followsTheLocalTimeSource() {
    clock.addSample(0, 100, 0);
    local.addAndGet(250);
    assertThat(clock.now()).isEqualTo(1_000_350);
  }

  @Test
  void rejectsAReplyReceivedBeforeItWasSent() {
    assertThatThrownBy(() -> clock.addSample(10, 5, 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receivedLocal");
  }
}
