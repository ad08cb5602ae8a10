package dev.tradekit.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {
  @Test
  void requestTimeoutMustBePositiveAndAtMostFiveMinutes() {
    assertThat(ConfigChecks.requestTimeout(Duration.ofSeconds(10)))
        .isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> ConfigChecks.requestTimeout(Duration.ZERO))
        .hasMessage("requestTimeout must be at least PT0.001S, was PT0S");
    assertThatThrownBy(() -> ConfigChecks.requestTimeout(Duration.ofMinutes(6)))
        .hasMessage("requestTimeout must be at most 5 min, was PT6M");
  }

  @Test
  void optionsParseOrSayWhatIsWrong() {
    assertThat(ConfigChecks.wholeNumber("recvWindow", " 7000 ")).isEqualTo(7000);
    assertThatThrownBy(() -> ConfigChecks.wholeNumber("recvWindow", "7s"))
        .hasMessage("option recvWindow must be a whole number, was '7s'");
    assertThat(ConfigChecks.trueOrFalse("httpLogging", "TRUE")).isTrue();
    assertThatThrownBy(() -> ConfigChecks.trueOrFalse("httpLogging", "yes"))
        .hasMessage("option httpLogging must be true or false, was 'yes'");
  }

  @Test
  void unknownOptionListsTheKnownKeysSorted() {
    assertThat(ConfigChecks.unknownOption("bybit-linear", "depht", Set.of("b", "a"), "BybitConfig"))
        .hasMessage(
            "unknown bybit-linear option 'depht'; known options: a, b (other settings go in a"
                + " BybitConfig extension)");
  }
}
