package dev.tradekit.archfixture.execution;

import dev.tradekit.archfixture.marketmaker.FixtureMaker;

/** Fixture: an execution class that wrongly depends on an engine. */
public final class EngineAwareRisk {
  public double quote() {
    return new FixtureMaker().quote();
  }
}
