package dev.tradekit.api;

/**
 * Which deployment of a venue to talk to; an explicit base URL overrides it.
 *
 * <pre>{@code
 * Exchanges.builder("binance-usdm").environment(Environment.TESTNET)
 * }</pre>
 */
public enum Environment {
  /** The production venue: real money. */
  MAINNET,
  /** The venue's test deployment: paper money, same API. */
  TESTNET
}
