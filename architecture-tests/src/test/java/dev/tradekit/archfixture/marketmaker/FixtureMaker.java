package dev.tradekit.archfixture.marketmaker;

import dev.tradekit.archfixture.marketmaker.internal.QuoteMath;

/** Fixture: a module using its own internal package, which is allowed. */
public final class FixtureMaker {
  public double quote() {
    return QuoteMath.mid(1, 3);
  }
}
