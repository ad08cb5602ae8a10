package dev.tradekit.bybit;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.ExchangeProvider;
import java.util.Objects;

/**
 * The Bybit v5 linear perpetuals provider, id {@value #ID}, found by {@link
 * dev.tradekit.api.Exchanges} through {@code META-INF/services}.
 *
 * <pre>{@code
 * Exchange bybit = Exchanges.builder("bybit-linear")
 *     .credentials(Credentials.of(System.getenv("BYBIT_API_KEY"), System.getenv("BYBIT_SECRET")))
 *     .environment(Environment.TESTNET)
 *     .build();
 * }</pre>
 *
 * <p>Base URLs: mainnet {@code https://api.bybit.com} and {@code wss://stream.bybit.com}; testnet
 * {@code https://api-testnet.bybit.com} and {@code wss://stream-testnet.bybit.com}; the builder's
 * {@code restBaseUrl}/{@code wsBaseUrl} override them (the streams are {@code
 * <ws>/v5/public/linear} and {@code <ws>/v5/private}). An {@code OkHttpClient} extension is used
 * (and shared) when given, else the exchange creates its own. Settings: {@link BybitConfig}.
 */
public final class BybitLinearProvider implements ExchangeProvider {
  /** The provider id. */
  public static final String ID = "bybit-linear";

  /** For {@link java.util.ServiceLoader}. */
  public BybitLinearProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Builds the exchange and starts its clock sync and instrument load in the background.
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
    return new BybitExchange(BybitExchange.Setup.from(config));
  }
}
