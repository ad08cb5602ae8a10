package dev.tradekit.api;

/**
 * Builds exchanges of one venue; registered in {@code
 * META-INF/services/dev.tradekit.api.ExchangeProvider} and found by {@link Exchanges}.
 *
 * <pre>{@code
 * public final class MyVenueProvider implements ExchangeProvider {
 *   public String id() { return "my-venue"; }
 *   public Exchange create(ExchangeConfig config) { return new MyVenueExchange(config); }
 * }
 * }</pre>
 *
 * <p>Implementations must have a public no-argument constructor and hold no global mutable state.
 */
public interface ExchangeProvider {

  /** The venue id users pass to {@link Exchanges#builder(String)}: lower case, e.g. {@code sim}. */
  String id();

  /** Creates an exchange for the given configuration; validates what is venue-specific. */
  Exchange create(ExchangeConfig config);
}
