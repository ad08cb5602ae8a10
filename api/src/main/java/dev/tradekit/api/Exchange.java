package dev.tradekit.api;

import java.util.Optional;

/**
 * One account on one venue, seen through small typed facets. Engines use nothing else of a venue,
 * so the same engine runs on the simulator and on a real exchange.
 *
 * <pre>{@code
 * try (Exchange ex = Exchanges.builder("sim").build()) {
 *   Order o = ex.trading().place(OrderRequest.limit("BTCUSDT", Side.BUY, qty, price)).join();
 * }
 * }</pre>
 *
 * <p>What a venue cannot do is absent: {@link #amendment()}, {@link #deadManSwitch()} and {@link
 * #marginModes()} are empty where the venue has no such operation, and {@link #capabilities()}
 * describes its limits.
 */
public interface Exchange extends AutoCloseable {

  /** The id of the provider that built this exchange, e.g. {@code binance-usdm} or {@code sim}. */
  String venue();

  /** Instruments, books, tickers, klines and server time. */
  MarketData marketData();

  /** Placing, cancelling and querying orders, user trades, leverage and position mode. */
  Trading trading();

  /** Balances, positions and income of the account. */
  Account account();

  /** Live market data and the account's user events. */
  Streams streams();

  /** What the venue supports and its limits. */
  Capabilities capabilities();

  /** Amending a resting order in place (keeps its id), where the venue supports it. */
  Optional<OrderAmendment> amendment();

  /** A venue-side timer that cancels all orders unless re-armed, where the venue supports it. */
  Optional<DeadManSwitch> deadManSwitch();

  /**
   * Setting a symbol's margin type (cross or isolated), where the venue supports it; empty by
   * default.
   */
  default Optional<MarginModes> marginModes() {
    return Optional.empty();
  }

  /** Closes streams and releases connections; pending futures complete exceptionally. */
  @Override
  void close();
}
