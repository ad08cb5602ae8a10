package dev.tradekit.strategy.indicators;

/** Argument checks shared by the indicators. */
final class Periods {
  private Periods() {}

  static int check(int period, String name) {
    if (period < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + period);
    }
    return period;
  }
}
