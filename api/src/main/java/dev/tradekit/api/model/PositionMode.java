package dev.tradekit.api.model;

/**
 * The account's position mode: one net position per symbol, or separate long and short legs.
 *
 * <pre>{@code
 * PositionSide ps = snapshot.positionMode() == PositionMode.HEDGE ? PositionSide.LONG : PositionSide.BOTH;
 * }</pre>
 */
public enum PositionMode {
  /** One net position per symbol; orders use {@link PositionSide#BOTH}. */
  ONE_WAY,
  /** Long and short legs per symbol; orders use {@link PositionSide#LONG} or {@code SHORT}. */
  HEDGE
}
