package dev.tradekit.archfixture.copier;

import dev.tradekit.archfixture.binance.WireClient;

/** Fixture: an engine that wrongly imports an adapter class. */
public final class LeakyCopier {
  public String copy() {
    return new WireClient().send();
  }
}
