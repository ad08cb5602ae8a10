package dev.tradekit.copier.internal;

import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopyAction;
import dev.tradekit.copier.CopyRecord;
import dev.tradekit.copier.CopyStatus;
import java.math.BigDecimal;

/** Builds pending copy records and instruments for tests. */
final class TestRecords {
  private TestRecords() {}

  static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  /** BTCUSDT-like filters: tick 0.1, step 0.001, min qty 0.001, min notional 100. */
  static Instrument btc() {
    return Instrument.builder()
        .symbol("BTCUSDT")
        .baseAsset("BTC")
        .quoteAsset("USDT")
        .tickSize(bd("0.1"))
        .minPrice(bd("0.1"))
        .stepSize(bd("0.001"))
        .minQty(bd("0.001"))
        .minNotional(bd("100"))
        .build();
  }

  static CopyRecord pending(
      String follower,
      long seq,
      int leg,
      String orderId,
      CopyAction action,
      Side side,
      PositionSide slot,
      String price,
      String qty,
      String before,
      String after) {
    String trade = "t" + seq;
    return new CopyRecord(
        ClientOrderIds.forCopy("BTCUSDT", trade, follower, leg),
        follower,
        seq,
        leg,
        trade,
        orderId,
        "BTCUSDT",
        action,
        side,
        slot,
        null,
        CopyStatus.PENDING,
        null,
        null,
        false,
        BigDecimal.ZERO,
        null,
        null,
        null,
        bd(price),
        bd(qty),
        bd(before),
        bd(after),
        1_000 + seq,
        2_000 + seq,
        null);
  }

  /** A one-way pending copy of fill {@code seq} of leader order "o1". */
  static CopyRecord oneWay(
      long seq,
      CopyAction action,
      Side side,
      String price,
      String qty,
      String before,
      String after) {
    return pending(
        "alice", seq, 0, "o1", action, side, PositionSide.BOTH, price, qty, before, after);
  }

  /** The target a fully filled {@code intended} copy aims at, from a flat slot. */
  static SlotTarget target(CopyRecord intended) {
    BigDecimal q = java.util.Objects.requireNonNull(intended.quantity());
    return new SlotTarget(
        new PositionKey(intended.symbol(), intended.leaderPositionSide()),
        intended.side() == Side.BUY ? q : q.negate());
  }
}
