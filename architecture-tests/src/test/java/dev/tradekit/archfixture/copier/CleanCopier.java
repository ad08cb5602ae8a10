package dev.tradekit.archfixture.copier;

/** Fixture: an engine that uses nothing of an adapter. */
public final class CleanCopier {
  public String copy() {
    return "copied";
  }
}
