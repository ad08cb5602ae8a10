package dev.tradekit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.runtime.VirtualScheduler;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ExchangesTest {

  @Test
  void discoversProvidersThroughServiceLoader() {
    assertThat(Exchanges.providerIds()).contains("recording");
    try (Exchange exchange = Exchanges.builder("Recording").build()) {
      assertThat(exchange.venue()).isEqualTo("recording");
    }
  }

  @Test
  void unknownIdListsTheProvidersFound() {
    assertThatThrownBy(() -> Exchanges.builder("kraken").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No exchange provider with id \"kraken\"")
        .hasMessageContaining("Providers found: recording");
  }

  @Test
  void passesEveryBuilderSettingToTheProvider() {
    Credentials creds = Credentials.of("key123", "secret456");
    VirtualScheduler scheduler = new VirtualScheduler(0);
    Exchanges.builder("recording")
        .credentials(creds)
        .environment(Environment.MAINNET)
        .restBaseUrl("http://127.0.0.1:8080")
        .wsBaseUrl("ws://localhost:9090")
        .scheduler(scheduler)
        .option("recvWindow", "5000")
        .extension(StringBuilder.class, new StringBuilder("shared"))
        .build();
    ExchangeConfig config = RecordingProvider.lastConfig;
    assertThat(config.credentials()).contains(creds);
    assertThat(config.environment()).isEqualTo(Environment.MAINNET);
    assertThat(config.restBaseUrl()).contains(URI.create("http://127.0.0.1:8080"));
    assertThat(config.wsBaseUrl()).contains(URI.create("ws://localhost:9090"));
    assertThat(config.scheduler()).containsSame(scheduler);
    assertThat(config.option("recvWindow")).contains("5000");
    assertThat(config.extension(StringBuilder.class))
        .hasValueSatisfying(sb -> assertThat(sb.toString()).isEqualTo("shared"));
    assertThat(config.extension(Integer.class)).isEmpty();
    assertThat(config.toString()).doesNotContain("secret456").doesNotContain("key123");
  }

  @Test
  void defaultsToTestnetWithoutCredentials() {
    Exchanges.builder("recording").build();
    assertThat(RecordingProvider.lastConfig.environment()).isEqualTo(Environment.TESTNET);
    assertThat(RecordingProvider.lastConfig.credentials()).isEmpty();
  }

  @Test
  void refusesPlainHttpOutsideLoopback() {
    assertThatThrownBy(() -> Exchanges.builder("recording").restBaseUrl("http://fapi.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("restBaseUrl uses http://")
        .hasMessageContaining("only for loopback");
    assertThatThrownBy(() -> Exchanges.builder("recording").wsBaseUrl("ws://10.0.0.1:80"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wsBaseUrl uses ws://");
    assertThatThrownBy(() -> Exchanges.builder("recording").restBaseUrl("ftp://x.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https://");
    Exchanges.builder("recording").restBaseUrl("https://fapi.binance.com");
    Exchanges.builder("recording").restBaseUrl("http://[::1]:8080");
  }

  @Test
  void rejectsBlankArguments() {
    assertThatThrownBy(() -> Exchanges.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("venue is blank");
    assertThatThrownBy(() -> Exchanges.builder("recording").option(" ", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option key is blank");
  }
}
