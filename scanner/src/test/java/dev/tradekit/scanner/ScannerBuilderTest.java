package dev.tradekit.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScannerBuilderTest {

  @Test
  void requiresExchangeAndScheduler() {
    assertThatThrownBy(() -> Scanner.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("exchange");
  }

  @Test
  void rejectsBadSettingsNamingTheArgument() {
    ScannerBuilder b = Scanner.builder();
    assertThatThrownBy(() -> b.topSymbols(0)).hasMessageContaining("topSymbols must be at least 1");
    assertThatThrownBy(() -> b.multiplier(1.0)).hasMessageContaining("multiplier");
    assertThatThrownBy(() -> b.maxSizeLoss(1.0))
        .hasMessageContaining("maxSizeLoss must be in [0, 1)");
    assertThatThrownBy(() -> b.depthLimit(2000))
        .hasMessageContaining("depthLimit must be in [5, 1000]");
    assertThatThrownBy(() -> b.hotPollInterval(Duration.ofMillis(499)))
        .hasMessageContaining("at least 500 ms");
    assertThatThrownBy(() -> b.weightPerMinute(39)).hasMessageContaining("weightPerMinute");
    assertThatThrownBy(() -> b.minUsd(-1)).hasMessageContaining("minUsd");
    assertThatThrownBy(() -> b.vipKeys(Set.of(" "))).hasMessageContaining("vipKeys");
    assertThatThrownBy(() -> b.observerInterval(Duration.ZERO))
        .hasMessageContaining("observerInterval must be positive");
    assertThatThrownBy(() -> b.promotionAge(Duration.ofSeconds(-1)))
        .hasMessageContaining("promotionAge must not be negative");
  }

  @Test
  void observerWorkersFollowTheLoad() {
    ScannerConfig c =
        new ScannerConfig(
            1,
            Set.of(),
            20,
            5,
            1200,
            3.5,
            10,
            0,
            java.util.Map.of(),
            0.7,
            Duration.ZERO,
            Duration.ofSeconds(1),
            10,
            Duration.ofMillis(500),
            8,
            Duration.ofMinutes(5),
            0.05,
            0.05,
            WeightAlgorithm.recommended(),
            new ScannerConfig.FeedSettings(
                Set.of(), Set.of(), Duration.ZERO, 10, 10, Duration.ofMillis(100)),
            HotPoolStore.NONE,
            3,
            Duration.ofMillis(500));
    assertThat(c.observerWorkers(0)).isEqualTo(1);
    assertThat(c.observerWorkers(10)).isEqualTo(1);
    assertThat(c.observerWorkers(11)).isEqualTo(2);
    assertThat(c.observerWorkers(20)).isEqualTo(2);
    assertThat(c.observerWorkers(21)).isEqualTo(3);
    assertThat(c.observerWorkers(500)).isEqualTo(3);
    assertThat(ScannerConfig.depthWeight(20)).isEqualTo(2);
    assertThat(ScannerConfig.depthWeight(50)).isEqualTo(2);
    assertThat(ScannerConfig.depthWeight(100)).isEqualTo(5);
    assertThat(ScannerConfig.depthWeight(500)).isEqualTo(10);
    assertThat(ScannerConfig.depthWeight(1000)).isEqualTo(20);
  }
}
