package dev.tradekit.strategy;

import org.jspecify.annotations.Nullable;

/**
 * Stop-loss, take-profit and trailing stop as engine rules, checked on each closed bar against its
 * low and high (the SPI has no conditional orders, so no venue order rests for them).
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
      if (stopLoss > 0 && low <= entry * (1 - stopLoss)) {
        hit = Reason.STOP_LOSS;
      } else if (trailing > 0 && low <= extreme * (1 - trailing)) {
        hit = Reason.TRAILING_STOP;
      } else if (takeProfit > 0 && high >= entry * (1 + takeProfit)) {
        hit = Reason.TAKE_PROFIT;
      }
      extreme = Math.max(extreme, high);
    } else {
      if (stopLoss > 0 && high >= entry * (1 + stopLoss)) {
        hit = Reason.STOP_LOSS;
      } else if (trailing > 0 && high >= extreme * (1 + trailing)) {
        hit = Reason.TRAILING_STOP;
      } else if (takeProfit > 0 && low <= entry * (1 - takeProfit)) {
        hit = Reason.TAKE_PROFIT;
      }
      extreme = Math.min(extreme, low);
    }
    return hit;
  }
}
