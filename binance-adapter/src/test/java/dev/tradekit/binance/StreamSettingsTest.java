package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Validation of the stream settings. */
class StreamSettingsTest {

  @Test
  void keepAliveMustBeThirtyToFiftyMinutes() {
    StreamSettings s = StreamSettings.defaults();
    assertThat(s.listenKeyKeepAlive()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.maxConnectionAge()).isEqualTo(Duration.ofMinutes(23 * 60 + 50));
    assertThat(s.withListenKeyKeepAlive(Duration.ofMinutes(50)).listenKeyKeepAlive())
        .isEqualTo(Duration.ofMinutes(50));
    assertThatThrownBy(() -> s.withListenKeyKeepAlive(Duration.ofMinutes(55)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30 to 50 minutes");
    assertThatThrownBy(() -> s.withListenKeyKeepAlive(Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMoreThanBinanceAllowsPerConnection() {
    assertThatThrownBy(
            () ->
                new StreamSettings(
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofHours(1),
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ofMinutes(30),
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ZERO,
                    1000,
                    1025,
                    5,
                    10,
                    new java.util.Random(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStreamsPerConnection");
  }
}
