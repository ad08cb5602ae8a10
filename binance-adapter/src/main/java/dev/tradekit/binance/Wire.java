package dev.tradekit.binance;

/**
 * The tag of one attempt of an authenticated REST call: how it is authenticated, and whether it
 * reached the network (after which a placement without a reply has an unknown outcome).
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
  private volatile boolean sent;

  Wire(Auth auth) {
    this.auth = auth;
  }

  Auth auth() {
    return auth;
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
