package dev.tradekit.archfixture.execution;

/** Fixture: an execution class that engines may use. */
public final class RiskCheck {
  public boolean allows(double quantity) {
    return quantity > 0;
  }
}
