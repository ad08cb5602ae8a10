package dev.tradekit.api.internal.wire;

/**
 * A wire frame that cannot be read: broken or truncated JSON, a missing, repeated or ill-typed
 * field, or a number that is not a plain decimal. The message says what and at which column; a
 * reader of a live stream drops the frame and resynchronises whatever state the frame would have
 * changed (an order book fetches a new snapshot).
 *
 * <pre>{@code
 * try {
 *   parser.parse(text, 0, -1, frame);
 * } catch (MalformedFrameException e) {
 *   book.resync(e.getMessage());
 * }
 * }</pre>
 */
public final class MalformedFrameException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}. */
  public MalformedFrameException(String message) {
    super(message);
  }

  /** An error described by {@code message}, caused by {@code cause} (e.g. a number format). */
  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
