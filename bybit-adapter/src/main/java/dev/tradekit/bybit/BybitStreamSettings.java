package dev.tradekit.bybit;

import dev.tradekit.adapter.WsConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Tunables of the Bybit WebSockets. {@link #defaults()} holds the production values; tests build
 * the record directly with short periods and a seeded {@link Random}.
 *
 * @param reconnectMin first reconnect delay (doubles per failed attempt, with jitter)
 * @param reconnectMax the largest reconnect delay
 * @param maxConnectionAge proactive reconnect after this long
 * @param ping how often the JSON {@code {"op":"ping"}} is sent (Bybit: every 20 s)
 * @param silence a connection that receives nothing (not even a pong) this long is treated as dead
 * @param maxMessagesPerSecond messages sent per connection per second
 * @param random the jitter source
 */
record BybitStreamSettings(
    Duration reconnectMin,
    Duration reconnectMax,
    Duration maxConnectionAge,
    Duration ping,
    Duration silence,
    int maxMessagesPerSecond,
    Random random) {

  BybitStreamSettings {
    positive(reconnectMin, "reconnectMin");
    positive(reconnectMax, "reconnectMax");
    positive(maxConnectionAge, "maxConnectionAge");
    positive(ping, "ping");
    if (silence.isNegative()) {
      throw new IllegalArgumentException("silence must not be negative: " + silence);
    }
    if (maxMessagesPerSecond <= 0) {
      throw new IllegalArgumentException(
          "maxMessagesPerSecond must be positive: " + maxMessagesPerSecond);
    }
    Objects.requireNonNull(random, "random");
  }

  /**
   * Production values: reconnect 0.5 s doubling to 30 s; reconnect after 12 h; ping every 20 s
   * (Bybit's advice); a connection silent for 60 s (three missed pongs) is dead; 10 messages per
   * second.
   */
  static BybitStreamSettings defaults() {
    return new BybitStreamSettings(
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofHours(12),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        10,
        new Random());
  }

  /** What the shared {@link WsConnection} needs of these settings. */
  WsConnection.Settings connection() {
    return new WsConnection.Settings(
        reconnectMin, reconnectMax, maxConnectionAge, maxMessagesPerSecond, random);
  }

  private static void positive(Duration d, String name) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }
}
