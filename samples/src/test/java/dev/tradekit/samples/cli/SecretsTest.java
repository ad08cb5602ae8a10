package dev.tradekit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final Path NO_FILE = Path.of("target", "no-such.env");

  @Test
  void bybitKeysComeFromTheBybitVariables() {
    Map<String, String> env =
        Map.of(
            "BINANCE_API_KEY",
            "bn-key",
            "BINANCE_API_SECRET",
            "bn-secret",
            "BYBIT_API_KEY",
            "by-key",
            "BYBIT_API_SECRET",
            "by-secret");
    Credentials bybit = Secrets.credentials(env, NO_FILE, "bybit-linear");
    Credentials binance = Secrets.credentials(env, NO_FILE, "binance-usdm");
    assertThat(bybit.apiKey()).isEqualTo("by-key");
    assertThat(binance.apiKey()).isEqualTo("bn-key");
  }

  @Test
  void aMissingBybitKeyNamesTheVariableToSet() {
    assertThatThrownBy(
            () ->
                Secrets.credentials(
                    Map.of("BINANCE_API_KEY", "k"), NO_FILE, "main", "leader", "bybit-linear"))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("MAIN_BYBIT_API_KEY is not set (keys of leader 'main')");
  }
}
