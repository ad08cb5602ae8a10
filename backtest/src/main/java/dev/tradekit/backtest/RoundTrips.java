package dev.tradekit.backtest;

import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Folds an account's fills into {@link RoundTrip}s, per symbol and position side, one fill at a
 * time ({@link #add}) from the figures a {@link FillTally} kept.
 */
final class RoundTrips {
  private final LongToDoubleFunction equityAt;
  private final List<Open> open = new ArrayList<>(); // one slot per symbol and position side
  private final List<RoundTrip> out = new ArrayList<>();

  /**
   * @param equityAt the account equity at a time (for each trip's return on equity)
   */
  RoundTrips(LongToDoubleFunction equityAt) {
    this.equityAt = equityAt;
  }

  private static final class Open {
    final String symbol;
    final PositionSide side;
    double position;
    double direction;
    double maxAbs;
    double entryQty;
    double entryNotional;
    double exitQty;
    double exitNotional;
    double gross;
    double fees;
    long openTime;
    double equityAtOpen;
    boolean finished; // its trip ended with no remainder: the next fill starts a new one

    Open(String symbol, PositionSide side) {
      this.symbol = symbol;
      this.side = side;
    }
  }

  /** The slot of the trip of {@code symbol} and position side {@code side}, or -1. */
  private static int find(List<Open> open, String symbol, PositionSide side) {
    for (int i = 0; i < open.size(); i++) {
      Open o = open.get(i);
      if (o.side == side && o.symbol.equals(symbol)) {
        return i;
      }
    }
    return -1;
  }

  /** The completed round trips of the fills added so far (oldest first). */
  List<RoundTrip> trips() {
    return out;
  }

  /**
   * Folds the next fill (in time order) into its symbol and side's trip, from the fill's figures as
   * doubles (quantity, price, commission, realised PnL), as {@link FillTally} keeps them.
   */
  void add(
      String symbol,
      PositionSide positionSide,
      Side side,
      long time,
      double q,
      double price,
      double fee,
      double realized) {
    int slot = find(open, symbol, positionSide);
    double delta = side == Side.BUY ? q : -q;
    Open o = slot < 0 ? null : open.get(slot);
    if (o == null || o.finished || o.position == 0) {
      o = start(symbol, positionSide, time, equityAt);
      if (slot < 0) {
        slot = open.size();
        open.add(o);
      } else {
        open.set(slot, o);
      }
    }
    if (Math.signum(delta) == Math.signum(o.position) || o.position == 0) {
      o.direction = Math.signum(delta);
      o.entryQty += q;
      o.entryNotional += q * price;
      o.fees += fee;
      o.position += delta;
      o.maxAbs = Math.max(o.maxAbs, Math.abs(o.position));
      return;
    }
    double closing = Math.min(q, Math.abs(o.position));
    o.exitQty += closing;
    o.exitNotional += closing * price;
    o.gross += realized;
    o.fees += fee * closing / q;
    o.position += Math.signum(delta) * closing;
    if (Math.abs(o.position) < 1e-12) {
      out.add(finish(symbol, o, time));
      double rest = q - closing;
      if (rest > 1e-12) {
        Open n = start(symbol, positionSide, time, equityAt);
        n.entryQty = rest;
        n.entryNotional = rest * price;
        n.fees = fee * rest / q;
        n.position = Math.signum(delta) * rest;
        n.direction = Math.signum(delta);
        n.maxAbs = rest;
        open.set(slot, n);
      } else {
        o.finished = true;
      }
    }
  }

  private static Open start(
      String symbol, PositionSide side, long time, LongToDoubleFunction equityAt) {
    Open o = new Open(symbol, side);
    o.openTime = time;
    o.equityAtOpen = equityAt.applyAsDouble(time);
    return o;
  }

  private static RoundTrip finish(String symbol, Open o, long time) {
    double net = o.gross - o.fees;
    return new RoundTrip(
        symbol,
        o.direction > 0,
        o.openTime,
        time,
        o.maxAbs,
        o.entryNotional / o.entryQty,
        o.exitNotional / o.exitQty,
        o.gross,
        o.fees,
        o.equityAtOpen > 0 ? net / o.equityAtOpen : 0);
  }
}
