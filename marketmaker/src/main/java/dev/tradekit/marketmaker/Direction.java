package dev.tradekit.marketmaker;

/**
 * Which way a grid or DCA bot trades: it builds a long position, a short one, or (grid only) trades
 * both ways around the price.
 *
 * <pre>{@code
 * Strategies.grid().direction(Direction.NEUTRAL)...
 * }</pre>
 */
public enum Direction {
  /** Buys below the price, sells only what it holds. */
  LONG,
  /** Sells above the price, buys back only what it is short. */
  SHORT,
  /** Buys below and sells above the price, whatever the position. */
  NEUTRAL
}
