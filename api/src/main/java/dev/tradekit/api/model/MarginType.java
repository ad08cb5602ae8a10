package dev.tradekit.api.model;

/**
 * Whether a position shares the account's margin ({@code CROSS}) or has its own ({@code ISOLATED}).
 *
 * <pre>{@code
 * boolean ownMargin = position.marginType() == MarginType.ISOLATED;
 * }</pre>
 */
public enum MarginType {
  CROSS,
  ISOLATED
}
