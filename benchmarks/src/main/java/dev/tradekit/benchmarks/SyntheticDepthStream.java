package dev.tradekit.benchmarks;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic stream of L2 level updates in primitive arrays, shaped like a liquid
 * perpetual's diff-depth feed: a mean-reverting mid that moves on 1 % of updates (deleting the
 * level it crosses), 90 % of updates within a few ticks of the touch (exponential, mean 6 ticks),
 * 10 % anywhere within 2,000 ticks; a third of updates to a live level delete it, 2 % of updates to
 * an absent level are deletions of nothing, the rest set one of 1,023 quantities. Each side settles
 * at about 1,500–1,700 levels. Prices are offsets from {@link #MIN_TICKS} (tick 0.1, around
 * 60,000.0).
 *
 * <pre>{@code
 * SyntheticDepthStream s = SyntheticDepthStream.generate(10_000_000, 42);
 * book.setLevel(s.bid[i] ? Side.BUY : Side.SELL, s.ticks(i), SyntheticDepthStream.QTY[s.qty[i]]);
 * }</pre>
 */
final class SyntheticDepthStream {
  static final int WALK = 20_000;
  static final int DEPTH = 2_000;
  static final long CENTER_TICKS = 600_000;
  static final long MIN_TICKS = CENTER_TICKS - WALK - DEPTH - 1;
  static final int PRICES = 2 * (WALK + DEPTH) + 3;
  static final int QUANTITIES = 1_024;

  /** Quantity {@code i} is {@code i * 0.001}; index 0 deletes the level. */
  static final double[] QTY = new double[QUANTITIES];

  static {
    for (int i = 0; i < QUANTITIES; i++) {
      QTY[i] = BigDecimal.valueOf(i, 3).doubleValue();
    }
  }

  final int[] price;
  final short[] qty;
  final boolean[] bid;

  private SyntheticDepthStream(int n) {
    price = new int[n];
    qty = new short[n];
    bid = new boolean[n];
  }

  int length() {
    return price.length;
  }

  long ticks(int i) {
    return MIN_TICKS + price[i];
  }

  /** The {@link BigDecimal} of every quantity index, for a book that takes decimals. */
  static BigDecimal[] quantityDecimals() {
    BigDecimal[] out = new BigDecimal[QUANTITIES];
    for (int i = 0; i < QUANTITIES; i++) {
      out[i] = BigDecimal.valueOf(i, 3);
    }
    return out;
  }

  /** The {@link BigDecimal} of every price offset. */
  static BigDecimal[] priceDecimals() {
    BigDecimal[] out = new BigDecimal[PRICES];
    for (int i = 0; i < PRICES; i++) {
      out[i] = BigDecimal.valueOf(MIN_TICKS + i, 1);
    }
    return out;
  }

  static SyntheticDepthStream generate(int n, long seed) {
    SyntheticDepthStream s = new SyntheticDepthStream(n);
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] live = new boolean[PRICES];
    int center = (int) (CENTER_TICKS - MIN_TICKS);
    int mid = center; // bids below mid, asks at or above it
    int i = 0;
    while (i < n) {
      if (r.nextInt(100) == 0) {
        boolean up = r.nextDouble() < 0.5 - (mid - center) / (4.0 * WALK);
        int crossed = up ? mid : mid - 1;
        if (live[crossed]) {
          s.set(i++, !up, crossed, 0);
          live[crossed] = false;
        }
        mid += up ? 1 : -1;
        continue;
      }
      boolean isBid = r.nextBoolean();
      int distance =
          r.nextInt(10) == 0
              ? r.nextInt(DEPTH)
              : (int) Math.min(DEPTH - 1, -Math.log(1 - r.nextDouble()) * 6);
      int p = isBid ? mid - 1 - distance : mid + distance;
      int q;
      if (live[p]) {
        q = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(QUANTITIES - 1);
      } else {
        q = r.nextInt(50) == 0 ? 0 : 1 + r.nextInt(QUANTITIES - 1);
      }
      s.set(i++, isBid, p, q);
      live[p] = q > 0;
    }
    return s;
  }

  private void set(int i, boolean isBid, int p, int q) {
    bid[i] = isBid;
    price[i] = p;
    qty[i] = (short) q;
  }
}
