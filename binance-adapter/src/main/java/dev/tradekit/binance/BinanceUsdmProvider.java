package dev.tradekit.binance;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.ExchangeProvider;
import java.util.Objects;

/**
 * The Binance USD-M futures provider, id {@value #ID}, found by {@link dev.tradekit.api.Exchanges}
 * through {@code META-INF/services}.
 *
 * <pre>{@code
 * Exchange binance = Exchanges.builder("binance-usdm")
 *     .credentials(Credentials.of(System.getenv("BINANCE_API_KEY"), System.getenv("BINANCE_SECRET")))
 *     .environment(Environment.MAINNET)
 *     .extension(BinanceConfig.class, BinanceConfig.builder().recvWindow(Duration.ofSeconds(10)).build())
 *     .build();
 * }</pre>
 *
 * <p>Base URLs: mainnet {@code https://fapi.binance.com} and {@code wss://fstream.binance.com};
 * testnet {@code https://demo-fapi.binance.com} and {@code wss://fstream.binancefuture.com}; the
 * builder's {@code restBaseUrl}/{@code wsBaseUrl} override them. An {@code OkHttpClient} extension
 * is used (and shared) when given, else the exchange creates its own. Settings: {@link
 * BinanceConfig}.
 */
public final class BinanceUsdmProvider implements ExchangeProvider {
  /** The provider id. */
  public static final String ID = "binance-usdm";

  /** For {@link java.util.ServiceLoader}. */
  public BinanceUsdmProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Builds the exchange and starts its clock sync and exchangeInfo load in the background.
   *
   * @throws IllegalArgumentException when the configuration is for another venue or has an unknown
   *     option
   */
  @Override
  public Exchange create(ExchangeConfig config) {
    Objects.requireNonNull(config, "config");
    if (!ID.equals(config.venue())) {
      throw new IllegalArgumentException(
          "this provider builds " + ID + " exchanges, not " + config.venue());
    }
    return new BinanceExchange(BinanceExchange.Setup.from(config), DefaultStreams::create);
  }
}
