package dev.tradekit.api.model;

/**
 * Which position an order or fill belongs to: {@code BOTH} in one-way mode, {@code LONG} or {@code
 * SHORT} in hedge mode.
 *
 * <pre>{@code
 * PositionSide ps = mode == PositionMode.HEDGE ? PositionSide.LONG : PositionSide.BOTH;
 * }</pre>
 */
public enum PositionSide {
  /** One-way mode: a single net position per symbol. */
  BOTH,
  /** Hedge mode: the long leg (amount >= 0). */
  LONG,
  /** Hedge mode: the short leg (amount <= 0). */
  SHORT
}
