package dev.tradekit.backtest;

import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An account's fills, tallied as the venue books them ({@code SimVenue.addFillListener}): the exact
 * sums of commission and traded notional, and each fill's figures for its round trip in columns.
 * The result of a run then reads the columns instead of every fill object again, long after those
 * objects left the cache. On the run's scheduler thread only.
 *
 * <pre>{@code
 * FillTally tally = new FillTally();
 * venue.addFillListener("bars", tally);
 * // ... the run ...
 * tally.replay(roundTrips); // the same calls as roundTrips.add(fill) for each fill, in order
 * }</pre>
 */
final class FillTally implements Consumer<Fill> {
  /** Doubles per fill: quantity, price, commission, realised PnL. */
  private static final int FIGURES = 4;

  private BigDecimal fees = BigDecimal.ZERO;
  private BigDecimal traded = BigDecimal.ZERO;
  private int size;
  private String[] symbols = new String[64];
  private PositionSide[] positionSides = new PositionSide[64];
  private Side[] sides = new Side[64];
  private long[] times = new long[64];
  private double[] figures = new double[64 * FIGURES];

  @Override
  public void accept(Fill f) {
    fees = fees.add(f.commission());
    traded = traded.add(f.price().multiply(f.quantity()));
    if (size == times.length) {
      grow();
    }
    int i = size++;
    symbols[i] = f.symbol();
    positionSides[i] = f.positionSide();
    sides[i] = f.side();
    times[i] = f.time();
    int at = i * FIGURES;
    figures[at] = f.quantity().doubleValue();
    figures[at + 1] = f.price().doubleValue();
    figures[at + 2] = f.commission().doubleValue();
    figures[at + 3] = f.realizedPnl().doubleValue();
  }

  /** The sum of the fills' commissions, exact. */
  BigDecimal fees() {
    return fees;
  }

  /** The sum of the fills' price times quantity, exact. */
  BigDecimal traded() {
    return traded;
  }

  /** Fills tallied so far. */
  int size() {
    return size;
  }

  /** Folds the tallied fills, oldest first, into {@code trips}. */
  void replay(RoundTrips trips) {
    double[] v = figures;
    for (int i = 0; i < size; i++) {
      int at = i * FIGURES;
      trips.add(
          symbols[i], positionSides[i], sides[i], times[i], v[at], v[at + 1], v[at + 2], v[at + 3]);
    }
  }

  private void grow() {
    int n = times.length * 2;
    symbols = Arrays.copyOf(symbols, n);
    positionSides = Arrays.copyOf(positionSides, n);
    sides = Arrays.copyOf(sides, n);
    times = Arrays.copyOf(times, n);
    figures = Arrays.copyOf(figures, n * FIGURES);
  }
}
