package dev.tradekit.strategy;

import java.math.BigDecimal;

/**
 * What a {@link BarStrategy} sees of the engine and how it states its wish.
 *
 * <pre>{@code
 * if (ctx.position() == 0 && rsi.value() < 30) ctx.goLong();
 * }</pre>
 *
 * <p>Valid only inside the callback it was passed to, on the engine's thread.
 */
public interface BarContext {

  /**
   * The number of closed bars before this one since the engine started (warm-up bars included): 0
   * for the first.
   */
  long index();

  /** True while history bars are replayed at start: wishes made now are ignored. */
  boolean isWarmingUp();

  /** The direction of the position on the venue: 1 long, −1 short, 0 flat. */
  int position();

  /** The signed position on the venue, in base units. */
  BigDecimal positionQuantity();

  /** The venue's average entry price of the position; NaN when flat. */
  double entryPrice();

  /** The direction wished for now: 1 long, −1 short, 0 flat. */
  int target();

  /** Wants a long position of the configured size (closing a short first). */
  void goLong();

  /** Wants a short position of the configured size (closing a long first). */
  void goShort();

  /** Wants no position. */
  void goFlat();

  /** The engine scheduler's time, epoch millis. */
  long now();
}
