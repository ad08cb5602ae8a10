package dev.tradekit.archfixture.scanner;

import dev.tradekit.archfixture.api.internal.wire.FrameCursor;

/** Fixture: an engine wrongly using api's wire package, which only adapters and backtest share. */
public final class WireBorrower {
  public int read() {
    return FrameCursor.next(1);
  }
}
