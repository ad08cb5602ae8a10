package dev.tradekit.archfixture.copier;

import dev.tradekit.archfixture.marketmaker.FixtureMaker;

/** Fixture: an engine that wrongly uses another engine's class. */
public final class EngineBorrowingCopier {
  public double copy() {
    return new FixtureMaker().quote();
  }
}
