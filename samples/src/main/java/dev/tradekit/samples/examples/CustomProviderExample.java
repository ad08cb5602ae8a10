package dev.tradekit.samples.examples;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A custom exchange provider found through {@link java.util.ServiceLoader}: {@link
 * ReadOnlyExchangeProvider} is listed in this module's {@code
 * META-INF/services/dev.tradekit.api.ExchangeProvider}, so {@code Exchanges.builder("read-only")}
 * builds it. Here it wraps the zero-setup {@code sim} venue: market data answers, an order is
 * refused.
 *
 * <pre>{@code
 * CustomProviderExample.Result r = CustomProviderExample.run();
 * System.out.println(r.providers()); // [binance-usdm, bybit-linear, read-only, sim]
 * }</pre>
 */
public final class CustomProviderExample {
  private CustomProviderExample() {}

  /**
   * What the example saw.
   *
   * @param providers the provider ids on the class path
   * @param venue the id the built exchange reports
   * @param tickSize BTCUSDT's tick size, read through the decorator
   * @param refusal the message of the refused order
   */
  public record Result(List<String> providers, String venue, BigDecimal tickSize, String refusal) {}

  /** Builds a read-only sim exchange, reads an instrument and tries to place an order. */
  public static Result run() {
    try (Exchange ex =
        Exchanges.builder(ReadOnlyExchangeProvider.ID)
            .option(ReadOnlyExchangeProvider.VENUE_OPTION, "sim")
            .option("symbol", "BTCUSDT") // passed on to the sim provider
            .build()) {
      Instrument btc = ex.marketData().instrument("BTCUSDT").join();
      String refusal;
      try {
        ex.trading()
            .place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.001")))
            .join();
        refusal = "";
      } catch (CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        refusal = String.valueOf(cause.getMessage());
      }
      return new Result(Exchanges.providerIds(), ex.venue(), btc.tickSize(), refusal);
    }
  }

  /** Prints what happened. */
  public static void main(String[] args) {
    Result r = run();
    System.out.printf(
        "providers %s; %s tick %s; order: %s%n",
        r.providers(), r.venue(), r.tickSize(), r.refusal());
  }
}
