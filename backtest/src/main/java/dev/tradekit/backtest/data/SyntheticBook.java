package dev.tradekit.backtest.data;

import dev.tradekit.api.model.Side;

/**
 * The synthetic market's book: per side a ladder of {@code depth} contiguous price levels from the
 * best price outwards, each with a positive quantity in lots, plus the last published copy so that
 * a change can be emitted as a diff.
 */
final class SyntheticBook {

  private final int depth;
  private final long[] bidLots;
  private final long[] askLots;
  private long bidBest;
  private long askBest;

  private final long[] pubBidLots;
  private final long[] pubAskLots;
  private long pubBidBest;
  private long pubAskBest;

  SyntheticBook(int depth) {
    this.depth = depth;
    this.bidLots = new long[depth];
    this.askLots = new long[depth];
    this.pubBidLots = new long[depth];
    this.pubAskLots = new long[depth];
  }

  int depth() {
    return depth;
  }

  long best(Side side) {
    return side == Side.BUY ? bidBest : askBest;
  }

  /** Quantity in lots of level {@code index} (0 = best) of one side. */
  long lots(Side side, int index) {
    return side == Side.BUY ? bidLots[index] : askLots[index];
  }

  void setLots(Side side, int index, long lots) {
    if (lots <= 0) {
      throw new IllegalArgumentException("lots must be positive: " + lots);
    }
    (side == Side.BUY ? bidLots : askLots)[index] = lots;
  }

  /** Price in ticks of level {@code index} of one side. */
  long price(Side side, int index) {
    return side == Side.BUY ? bidBest - index : askBest + index;
  }

  /** Sets the best price of both sides; the levels must then be filled by the caller. */
  void place(long bid, long ask) {
    bidBest = bid;
    askBest = ask;
  }

  /**
   * Moves one side's best price to {@code newBest}, keeping the quantities of prices that stay in
   * the ladder; new prices get {@code fresh} lots (the caller overwrites them as it likes).
   */
  void moveBest(Side side, long newBest) {
    long[] lots = side == Side.BUY ? bidLots : askLots;
    long oldBest = best(side);
    // outward distance of the new best from the old best (positive = the side retreats)
    long shift = side == Side.BUY ? oldBest - newBest : newBest - oldBest;
    if (shift > 0) {
      int s = (int) Math.min(shift, depth);
      System.arraycopy(lots, s, lots, 0, depth - s);
      for (int i = depth - s; i < depth; i++) {
        lots[i] = 0;
      }
    } else if (shift < 0) {
      int s = (int) Math.min(-shift, depth);
      System.arraycopy(lots, 0, lots, s, depth - s);
      for (int i = 0; i < s; i++) {
        lots[i] = 0;
      }
    }
    if (side == Side.BUY) {
      bidBest = newBest;
    } else {
      askBest = newBest;
    }
  }

  /** Fills every empty level (0 lots) with a quantity from {@code fresh}. */
  void refill(Side side, LevelSizer fresh) {
    long[] lots = side == Side.BUY ? bidLots : askLots;
    for (int i = 0; i < depth; i++) {
      if (lots[i] == 0) {
        lots[i] = fresh.lots(i);
      }
    }
  }

  /** Writes the current ladder as a snapshot's levels and marks it published. */
  void writeSnapshot(MarketEvent e, LotScale lot) {
    for (int i = 0; i < depth; i++) {
      e.addLevel(Side.BUY, bidBest - i, lot.quantity(bidLots[i]));
    }
    for (int i = 0; i < depth; i++) {
      e.addLevel(Side.SELL, askBest + i, lot.quantity(askLots[i]));
    }
    publish();
  }

  /**
   * Writes the changes since the last publication as diff levels (0 = removed) and marks the
   * current ladder published; returns the number of levels written.
   */
  int writeDiff(MarketEvent e, LotScale lot) {
    int n = diffSide(e, Side.BUY, pubBidBest, pubBidLots, bidBest, bidLots, -1, lot);
    n += diffSide(e, Side.SELL, pubAskBest, pubAskLots, askBest, askLots, 1, lot);
    publish();
    return n;
  }

  private int diffSide(
      MarketEvent e,
      Side side,
      long oldBest,
      long[] oldLots,
      long newBest,
      long[] newLots,
      int dir,
      LotScale lot) {
    int n = 0;
    for (int i = 0; i < depth; i++) {
      long p = oldBest + (long) dir * i;
      long now = lotsAt(newBest, newLots, dir, p);
      if (now != oldLots[i]) {
        e.addLevel(side, p, lot.quantity(now));
        n++;
      }
    }
    for (int i = 0; i < depth; i++) {
      long p = newBest + (long) dir * i;
      if (lotsAt(oldBest, oldLots, dir, p) == 0) {
        e.addLevel(side, p, lot.quantity(newLots[i]));
        n++;
      }
    }
    return n;
  }

  private long lotsAt(long best, long[] lots, int dir, long price) {
    long index = (price - best) * dir;
    return index >= 0 && index < depth ? lots[(int) index] : 0;
  }

  private void publish() {
    System.arraycopy(bidLots, 0, pubBidLots, 0, depth);
    System.arraycopy(askLots, 0, pubAskLots, 0, depth);
    pubBidBest = bidBest;
    pubAskBest = askBest;
  }

  /** Converts whole lots to a quantity without binary-fraction artefacts. */
  record LotScale(double multiplier, double divisor) {
    double quantity(long lots) {
      return lots * multiplier / divisor;
    }
  }

  /** Supplies the quantity of a fresh level at a given distance from the best price. */
  @FunctionalInterface
  interface LevelSizer {
    long lots(int index);
  }
}
