package dev.tradekit.binance;

/** {@code GET /fapi/v1/positionSide/dual}: true in hedge mode, false in one-way mode. */
final class PositionModeDto {
  boolean dualSidePosition;
}
