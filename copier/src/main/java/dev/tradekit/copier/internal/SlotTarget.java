package dev.tradekit.copier.internal;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A follower's exact target position in one slot: what it should hold if every copy were filled
 * exactly, before rounding to its lot.
 *
 * <pre>{@code
 * SlotTarget t = new SlotTarget(new PositionKey("BTCUSDT", PositionSide.BOTH), new BigDecimal("0.3185"));
 * }</pre>
 *
 * @param slot the symbol and leader position side
 * @param amount the signed, unrounded target (long > 0)
 */
public record SlotTarget(PositionKey slot, BigDecimal amount) {

  /** Checks the fields. */
  public SlotTarget {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(amount, "amount");
  }
}
