package dev.tradekit.binance;

import org.jspecify.annotations.Nullable;

/**
 * How {@link RestCaller} treats one REST call: its cost against the limits, how it is
 * authenticated, and what is safe to do when it fails.
 *
 * @param endpoint the endpoint, for logs and messages
 * @param weight IP request weight
 * @param orders how many orders it counts against the order limits
 * @param auth null for public calls
 * @param retryTransport whether a transport failure may be retried (reads only)
 * @param guarded whether the call goes through the circuit breaker (order writes)
 * @param placement whether a failure after sending leaves an order's existence unknown
 * @param clientOrderId the client order id the call carries, if any, for error messages
 */
record CallSpec(
    EndpointWeights endpoint,
    int weight,
    int orders,
    Wire.@Nullable Auth auth,
    boolean retryTransport,
    boolean guarded,
    boolean placement,
    @Nullable String clientOrderId) {

  /** A public market-data read. */
  static CallSpec publicRead(EndpointWeights endpoint, int weight) {
    return new CallSpec(endpoint, weight, 0, null, true, false, false, null);
  }

  /** A signed read of account data. */
  static CallSpec signedRead(EndpointWeights endpoint, int weight) {
    return new CallSpec(endpoint, weight, 0, Wire.Auth.SIGNED, true, false, false, null);
  }

  /** A signed change of settings or orders that is not a placement (cancel, leverage, mode). */
  static CallSpec signedWrite(EndpointWeights endpoint, int weight, boolean guarded) {
    return new CallSpec(endpoint, weight, 0, Wire.Auth.SIGNED, false, guarded, false, null);
  }

  /** An order placement or amendment: never retried blindly, always guarded. */
  static CallSpec placement(
      EndpointWeights endpoint, int weight, int orders, @Nullable String clientOrderId) {
    return new CallSpec(
        endpoint, weight, orders, Wire.Auth.SIGNED, false, true, true, clientOrderId);
  }

  /** A listenKey call: API key header only. Keep-alives are safe to retry. */
  static CallSpec apiKey(EndpointWeights endpoint, boolean retryTransport) {
    return new CallSpec(
        endpoint, endpoint.weight(true), 0, Wire.Auth.API_KEY, retryTransport, false, false, null);
  }

  /** The endpoint as {@code METHOD /path}, for messages. */
  String describe() {
    return endpoint.method() + " " + endpoint.path();
  }
}
