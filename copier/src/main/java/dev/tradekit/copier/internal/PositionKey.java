package dev.tradekit.copier.internal;

import dev.tradekit.api.model.PositionSide;
import java.util.Objects;

/**
 * A position slot: one symbol and one position side.
 *
 * <pre>{@code
 * BigDecimal amount = positions.getOrDefault(new PositionKey("BTCUSDT", PositionSide.BOTH), ZERO);
 * }</pre>
 */
public record PositionKey(String symbol, PositionSide side) {

  /** Checks both fields. */
  public PositionKey {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
  }
}
