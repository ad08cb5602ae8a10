package dev.tradekit.binance;

import org.jspecify.annotations.Nullable;

/**
 * The tag of one attempt of an authenticated REST call: how it is authenticated, and whether it
 * reached the network (after which a placement without a reply has an unknown outcome), and the
 * send deadline it must reach the venue by, if any.
 */
final class Wire {
  /** How a request is authenticated. */
  enum Auth {
    /** The {@code X-MBX-APIKEY} header only (listenKey calls). */
    API_KEY,
    /** The header plus {@code recvWindow}, {@code timestamp} and {@code signature}. */
    SIGNED
  }

  private final Auth auth;
  private final @Nullable Long deadline;
  private volatile boolean sent;

  Wire(Auth auth) {
    this(auth, null);
  }

  /**
   * @param deadline local epoch ms by which the venue must receive the request (its signed {@code
   *     recvWindow} ends there), or null for the configured window
   */
  Wire(Auth auth, @Nullable Long deadline) {
    this.auth = auth;
    this.deadline = deadline;
  }

  Auth auth() {
    return auth;
  }

  /** The send deadline (local epoch ms), or null. */
  @Nullable Long deadline() {
    return deadline;
  }

  /** Marks that the request was handed to a connection to be written. */
  void markSent() {
    sent = true;
  }

  /** Whether the request may have reached the venue. */
  boolean sent() {
    return sent;
  }
}
