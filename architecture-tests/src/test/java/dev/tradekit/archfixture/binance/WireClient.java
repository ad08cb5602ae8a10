package dev.tradekit.archfixture.binance;

/** Fixture: stands in for an adapter class. */
public final class WireClient {
  public String send() {
    return "sent";
  }
}
