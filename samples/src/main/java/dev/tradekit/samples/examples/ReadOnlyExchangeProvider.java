package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.ExchangeConfig;
import dev.tradekit.api.ExchangeProvider;
import dev.tradekit.api.Exchanges;
import java.util.Map;
import java.util.Objects;

/**
 * A custom exchange provider, id {@value #ID}: it decorates another venue so that market data,
 * balances, positions and order queries pass through while every call that would change an order,
 * the leverage or the position mode fails with an {@link
 * dev.tradekit.api.error.OrderRejectedException}. Handy for dashboards and monitors that must never
 * trade, even with trading keys. Registered in {@code
 * META-INF/services/dev.tradekit.api.ExchangeProvider}, so {@link Exchanges#builder(String)} finds
 * it like any built-in venue.
 *
 * <pre>{@code
 * Exchange watcher = Exchanges.builder("read-only")
 *     .option("venue", "binance-usdm")          // the venue to wrap (default sim)
 *     .credentials(Credentials.of(key, secret)) // passed on, like every other setting
 *     .build();
 * }</pre>
 *
 * <p>The credentials, environment, base URLs, scheduler and the other options are passed on to the
 * wrapped venue; extensions are not (a provider can only look them up by type).
 */
public final class ReadOnlyExchangeProvider implements ExchangeProvider {
  /** The provider id. */
  public static final String ID = "read-only";

  /** The option naming the wrapped venue's provider id. */
  public static final String VENUE_OPTION = "venue";

  /** For {@link java.util.ServiceLoader}. */
  public ReadOnlyExchangeProvider() {}

  @Override
  public String id() {
    return ID;
  }

  /**
   * Builds the wrapped venue's exchange from the same settings and decorates it.
   *
   * @throws IllegalArgumentException if the option {@code venue} names this provider or an unknown
   *     one
   */
  @Override
  public Exchange create(ExchangeConfig config) {
    Objects.requireNonNull(config, "config");
    String inner = config.option(VENUE_OPTION).orElse("sim");
    if (inner.equals(ID)) {
      throw new IllegalArgumentException("option venue must name another provider than " + ID);
    }
    Exchanges.Builder b = Exchanges.builder(inner).environment(config.environment());
    config.credentials().ifPresent(b::credentials);
    config.restBaseUrl().ifPresent(u -> b.restBaseUrl(u.toString()));
    config.wsBaseUrl().ifPresent(u -> b.wsBaseUrl(u.toString()));
    config.scheduler().ifPresent(b::scheduler);
    for (Map.Entry<String, String> o : config.options().entrySet()) {
      if (!o.getKey().equals(VENUE_OPTION)) {
        b.option(o.getKey(), o.getValue());
      }
    }
    return new ReadOnlyExchange(b.build());
  }
}
