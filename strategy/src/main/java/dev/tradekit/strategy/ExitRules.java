package dev.tradekit.strategy;

import org.jspecify.annotations.Nullable;

/**
 * Stop-loss, take-profit and trailing stop as engine rules, checked on each closed bar against its
 * low and high. A rule that rests on the venue as a conditional order ({@link VenueStops}) is
 * skipped here while it does ({@link #onVenue}); its trailing peak is still tracked, so it can take
 * over when the venue refuses the order.
 *
 * <p>For a long entered at {@code e}: the stop-loss fires when a bar's low reaches {@code e·(1 −
 * stopLoss)}, the take-profit when its high reaches {@code e·(1 + takeProfit)}, the trailing stop
 * when its low reaches {@code peak·(1 − trailing)} where {@code peak} is the highest high of the
 * bars before it since the entry (a bar's own high is counted after its check, since within a bar
 * the order of high and low is unknown). Shorts mirror this. When a bar meets several, the
 * stop-loss wins, then the trailing stop, then the take-profit. A fraction of 0 turns a rule off.
 */
final class ExitRules {
  /** Why a position was closed by a rule. */
  enum Reason {
    STOP_LOSS,
    TRAILING_STOP,
    TAKE_PROFIT
  }

  private final double stopLoss;
  private final double takeProfit;
  private final double trailing;
  private final boolean[] venue = new boolean[Reason.values().length];
  private int direction;
  private double entry = Double.NaN;
  private double extreme = Double.NaN;

  ExitRules(double stopLoss, double takeProfit, double trailing) {
    this.stopLoss = stopLoss;
    this.takeProfit = takeProfit;
    this.trailing = trailing;
  }

  boolean enabled() {
    return stopLoss > 0 || takeProfit > 0 || trailing > 0;
  }

  /** The fraction of {@code rule} (0 when off). */
  double fraction(Reason rule) {
    return switch (rule) {
      case STOP_LOSS -> stopLoss;
      case TRAILING_STOP -> trailing;
      case TAKE_PROFIT -> takeProfit;
    };
  }

  /** Whether {@code rule} rests on the venue (skipped here) or is checked here. */
  void onVenue(Reason rule, boolean resting) {
    venue[rule.ordinal()] = resting;
  }

  private boolean checked(Reason rule, double fraction) {
    return fraction > 0 && !venue[rule.ordinal()];
  }

  /** The venue's position changed: rules follow the new position (reset when it is new). */
  void onPosition(int newDirection, double entryPrice) {
    if (newDirection != direction || Double.isNaN(entry)) {
      extreme = entryPrice;
    }
    direction = newDirection;
    entry = newDirection == 0 ? Double.NaN : entryPrice;
    if (newDirection == 0) {
      extreme = Double.NaN;
    }
  }

  /** The rule a closed bar triggers for the current position, or null. */
  @Nullable Reason check(double high, double low) {
    if (direction == 0 || Double.isNaN(entry)) {
      return null;
    }
    Reason hit = null;
    if (direction > 0) {
      if (checked(Reason.STOP_LOSS, stopLoss) && low <= entry * (1 - stopLoss)) {
        hit = Reason.STOP_LOSS;
      } else if (checked(Reason.TRAILING_STOP, trailing) && low <= extreme * (1 - trailing)) {
        hit = Reason.TRAILING_STOP;
      } else if (checked(Reason.TAKE_PROFIT, takeProfit) && high >= entry * (1 + takeProfit)) {
        hit = Reason.TAKE_PROFIT;
      }
      extreme = Math.max(extreme, high);
    } else {
      if (checked(Reason.STOP_LOSS, stopLoss) && high >= entry * (1 + stopLoss)) {
        hit = Reason.STOP_LOSS;
      } else if (checked(Reason.TRAILING_STOP, trailing) && high >= extreme * (1 + trailing)) {
        hit = Reason.TRAILING_STOP;
      } else if (checked(Reason.TAKE_PROFIT, takeProfit) && low <= entry * (1 - takeProfit)) {
        hit = Reason.TAKE_PROFIT;
      }
      extreme = Math.min(extreme, low);
    }
    return hit;
  }
}
