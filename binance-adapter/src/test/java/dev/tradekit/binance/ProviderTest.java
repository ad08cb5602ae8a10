package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Environment;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.ExchangeProvider;
import dev.tradekit.api.Exchanges;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ProviderTest {
  /** A provider that hands back the configuration it was given, to inspect the mapping. */
  public static final class Capture implements ExchangeProvider {
    static final class Captured extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient ExchangeConfig config;

      Captured(ExchangeConfig config) {
        super("captured");
        this.config = config;
      }
    }

    @Override
    public String id() {
      return "capture";
    }

    @Override
    public Exchange create(ExchangeConfig config) {
      throw new Captured(config);
    }
  }

  private static ExchangeConfig capture(Exchanges.Builder b) {
    try {
      b.build();
    } catch (Capture.Captured c) {
      return c.config;
    }
    throw new AssertionError("not captured");
  }

  @Test
  void isFoundByItsIdThroughServiceLoader() {
    assertThat(Exchanges.providerIds()).contains("binance-usdm");
    assertThat(new BinanceUsdmProvider().id()).isEqualTo(BinanceUsdmProvider.ID);
  }

  @Test
  void picksTheEnvironmentsBaseUrlsUnlessOverridden() {
    BinanceExchange.Setup main =
        BinanceExchange.Setup.from(
            capture(Exchanges.builder("capture").environment(Environment.MAINNET)));
    assertThat(main.restBaseUrl()).isEqualTo(URI.create("https://fapi.binance.com"));
    assertThat(main.wsBaseUrl()).isEqualTo(URI.create("wss://fstream.binance.com"));
    BinanceExchange.Setup test = BinanceExchange.Setup.from(capture(Exchanges.builder("capture")));
    assertThat(test.restBaseUrl()).isEqualTo(URI.create("https://demo-fapi.binance.com"));
    assertThat(test.wsBaseUrl()).isEqualTo(URI.create("wss://fstream.binancefuture.com"));
    assertThat(test.credentials()).isNull();
    OkHttpClient shared = new OkHttpClient();
    BinanceExchange.Setup custom =
        BinanceExchange.Setup.from(
            capture(
                Exchanges.builder("capture")
                    .restBaseUrl("http://127.0.0.1:8080")
                    .wsBaseUrl("ws://localhost:8081")
                    .credentials(Credentials.of("k", "s"))
                    .extension(OkHttpClient.class, shared)
                    .extension(
                        BinanceConfig.class,
                        BinanceConfig.builder().recvWindow(Duration.ofSeconds(2)).build())
                    .option("legacyWsPaths", "true")));
    assertThat(custom.restBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(custom.wsBaseUrl()).isEqualTo(URI.create("ws://localhost:8081"));
    assertThat(custom.http()).isSameAs(shared);
    assertThat(custom.credentials()).isNotNull();
    assertThat(custom.config().recvWindow()).isEqualTo(Duration.ofSeconds(2));
    assertThat(custom.config().legacyWsPaths()).isTrue();
  }

  @Test
  void optionsOverrideTheExtensionAndUnknownOnesAreRejected() {
    ExchangeConfig withOption = capture(Exchanges.builder("capture").option("recvWindow", "7000"));
    assertThat(BinanceConfig.from(withOption).recvWindow()).isEqualTo(Duration.ofMillis(7000));
    ExchangeConfig unknown = capture(Exchanges.builder("capture").option("recvWindwo", "7000"));
    assertThatThrownBy(() -> BinanceConfig.from(unknown))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWindwo")
        .hasMessageContaining("recvWindow");
    ExchangeConfig bad = capture(Exchanges.builder("capture").option("httpLogging", "yes"));
    assertThatThrownBy(() -> BinanceConfig.from(bad)).hasMessageContaining("true or false");
  }

  @Test
  void refusesAConfigurationForAnotherVenue() {
    ExchangeConfig other = capture(Exchanges.builder("capture"));
    assertThatThrownBy(() -> new BinanceUsdmProvider().create(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capture");
  }
}
