package dev.tradekit.archfixture.copier;

import dev.tradekit.archfixture.execution.RiskCheck;

/** Fixture: an engine that sends its orders through the execution module, which is allowed. */
public final class RiskCheckedCopier {
  public boolean copy() {
    return new RiskCheck().allows(1);
  }
}
