package dev.tradekit.backtest.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptofeedTimesTest {

  @Test
  void convertsFractionalUnixSecondsToNanos() {
    assertThat(CryptofeedRecordingReader.secondsToNanos("1626992741.06217", 0, 16))
        .isEqualTo(1_626_992_741_062_170_000L);
    assertThat(CryptofeedRecordingReader.secondsToNanos("1626992741", 0, 10))
        .isEqualTo(1_626_992_741_000_000_000L);
    assertThat(CryptofeedRecordingReader.secondsToNanos("x1.0000000019", 1, 13))
        .isEqualTo(1_000_000_001L);
  }
}
