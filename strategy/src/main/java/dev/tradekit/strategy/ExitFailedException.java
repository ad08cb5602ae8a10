package dev.tradekit.strategy;

import dev.tradekit.api.error.ExchangeException;
import org.jspecify.annotations.Nullable;

/**
 * An exit of a {@link StrategyEngine} did not close the position: its order was rejected, expired,
 * was cancelled, or stayed unfilled or unanswered past {@code exitTimeout}, or a fired venue stop's
 * market order did not close it. The listener receives it in a {@code TradingEvent.ExchangeError}.
 *
 * <pre>{@code
 * .listener(e -> {
 *   if (e instanceof TradingEvent.ExchangeError x && x.error() instanceof ExitFailedException f
 *       && f.gaveUp()) {
 *     alert("position left open after " + f.attempt() + " exit orders");
 *   }
 * })
 * }</pre>
 *
 * <p>An exit uses at most {@code exitAttempts} orders, one in flight at a time: after a failed one
 * the next is sent at once; after the last the engine gives up ({@link #gaveUp()}) and takes no new
 * wish until the position is read flat.
 */
public final class ExitFailedException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  private final int attempt;
  private final int attempts;

  ExitFailedException(
      String venue, String message, int attempt, int attempts, @Nullable Throwable cause) {
    super(
        venue,
        NO_CODE,
        message
            + " (exit attempt "
            + attempt
            + " of "
            + attempts
            + (attempt >= attempts ? ", giving up: the position stays open)" : ", sending again)"),
        cause);
    this.attempt = attempt;
    this.attempts = attempts;
  }

  /** Which exit attempt failed, from 1. */
  public int attempt() {
    return attempt;
  }

  /** The most attempts one exit may use ({@code exitAttempts}). */
  public int attempts() {
    return attempts;
  }

  /** True when this was the last attempt: the engine sends no further exit for this position. */
  public boolean gaveUp() {
    return attempt >= attempts;
  }
}
