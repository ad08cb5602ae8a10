package dev.tradekit.api;

/**
 * The state of a stream's connection, as told to user-event listeners.
 *
 * <pre>{@code
 * public void onConnectionState(ConnectionState s) { if (s == ConnectionState.RECONNECTED) catchUp(); }
 * }</pre>
 */
public enum ConnectionState {
  /** The stream is live. */
  CONNECTED,
  /** The stream is down; the exchange is reconnecting. Events may be delayed. */
  DISCONNECTED,
  /**
   * The stream is live again after a gap; events missed during the gap have been delivered (the
   * adapter recovers them over REST) before this state is reported.
   */
  RECONNECTED
}
