package dev.tradekit.binance;

import java.io.IOException;

/**
 * Raised while signing a request whose send deadline has passed: the request is not sent. An {@link
 * IOException} because it is thrown inside the HTTP client's interceptor chain, before any
 * connection is used; {@link RestCaller} turns it into a {@link
 * dev.tradekit.api.error.SendDeadlineExceededException}.
 */
final class DeadlinePassedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long lateMillis;

  DeadlinePassedException(long lateMillis) {
    super("the send deadline passed " + lateMillis + " ms before the request could be signed");
    this.lateMillis = lateMillis;
  }

  /** How far past the deadline the request was when it would have been signed, ms (≥ 0). */
  long lateMillis() {
    return lateMillis;
  }
}
