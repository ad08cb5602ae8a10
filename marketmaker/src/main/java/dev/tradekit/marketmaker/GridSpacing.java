package dev.tradekit.marketmaker;

/**
 * How the lines of a grid are spread over its range: equal price differences or equal ratios.
 *
 * <pre>{@code
 * Strategies.grid().range(lower, upper).count(11).spacing(GridSpacing.GEOMETRIC)...
 * }</pre>
 */
public enum GridSpacing {
  /** {@code line_i = lower + i·(upper − lower)/(count − 1)}. */
  ARITHMETIC,
  /** {@code line_i = lower·(upper/lower)^(i/(count − 1))}. */
  GEOMETRIC
}
