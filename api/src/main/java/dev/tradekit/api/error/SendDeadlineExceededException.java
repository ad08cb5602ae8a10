package dev.tradekit.api.error;

import org.jspecify.annotations.Nullable;

/**
 * An order given a send deadline ({@link dev.tradekit.api.Trading#placeBefore}) was <b>not
 * placed</b>: either the deadline had passed before the request left, so it was refused locally and
 * never sent, or the venue received it after the deadline and refused it by its own time check
 * (Binance {@code -1021}, Bybit retCode {@code 10002}). Unlike {@link UnknownOrderStatusException}
 * there is nothing to look up: the order does not exist.
 *
 * <pre>{@code
 * trading.placeBefore(request, deadline).exceptionally(e -> {
 *   if (e.getCause() instanceof SendDeadlineExceededException late) {
 *     log.info("not placed (reached the venue: {})", late.reachedVenue());
 *   }
 *   return null;
 * });
 * }</pre>
 */
public class SendDeadlineExceededException extends ExchangeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String clientOrderId;
  private final boolean reachedVenue;

  /**
   * @param reachedVenue false when the request was refused locally without being sent
   */
  public SendDeadlineExceededException(
      String venue,
      int code,
      String message,
      @Nullable String clientOrderId,
      boolean reachedVenue,
      @Nullable Throwable cause) {
    super(venue, code, message, cause);
    this.clientOrderId = clientOrderId;
    this.reachedVenue = reachedVenue;
  }

  /** The client order id of the order that was not placed, when the request carried one. */
  public @Nullable String clientOrderId() {
    return clientOrderId;
  }

  /**
   * Whether the request reached the venue (and the venue refused it as late) rather than being
   * refused locally before it was sent. Either way the order was not placed.
   */
  public boolean reachedVenue() {
    return reachedVenue;
  }
}
