package dev.tradekit.binance;

import dev.tradekit.adapter.WsConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Tunables of the WebSocket side. {@link #defaults()} holds the production values; tests build the
 * record directly with short periods and a seeded {@link Random}.
 *
 * @param reconnectMin first reconnect delay (doubles per failed attempt, with jitter)
 * @param reconnectMax the largest reconnect delay
 * @param maxConnectionAge proactive reconnect before Binance's 24 h limit
 * @param marketSilence a market connection that receives nothing this long is treated as dead
 *     ({@link Duration#ZERO} disables)
 * @param userSilence the same for the user data stream; disabled by default because an idle account
 *     receives no events for hours (OkHttp pings still detect a dead socket)
 * @param pingInterval OkHttp sends a ping this often and fails the socket when no pong comes back
 * @param listenKeyKeepAlive how often the listenKey is extended (Binance keeps it 60 min)
 * @param resyncMin the first delay before a book snapshot after a gap (doubles while gaps repeat)
 * @param resyncMax the largest delay between book snapshots of one symbol
 * @param recoveryOverlap how far before the last event time the gap recovery starts looking
 * @param snapshotLimit depth of the REST snapshot a local book starts from
 * @param maxStreamsPerConnection Binance allows 1024
 * @param maxMessagesPerSecond messages sent per connection per second (Binance allows 10 incoming,
 *     pongs included, so we stay below)
 * @param dedupeCapacity how many orders and fills are remembered to avoid double delivery
 * @param random the jitter source
 */
record StreamSettings(
    Duration reconnectMin,
    Duration reconnectMax,
    Duration maxConnectionAge,
    Duration marketSilence,
    Duration userSilence,
    Duration pingInterval,
    Duration listenKeyKeepAlive,
    Duration resyncMin,
    Duration resyncMax,
    Duration recoveryOverlap,
    int snapshotLimit,
    int maxStreamsPerConnection,
    int maxMessagesPerSecond,
    int dedupeCapacity,
    Random random) {

  StreamSettings {
    positive(reconnectMin, "reconnectMin");
    positive(reconnectMax, "reconnectMax");
    positive(maxConnectionAge, "maxConnectionAge");
    notNegative(marketSilence, "marketSilence");
    notNegative(userSilence, "userSilence");
    notNegative(pingInterval, "pingInterval");
    positive(listenKeyKeepAlive, "listenKeyKeepAlive");
    positive(resyncMin, "resyncMin");
    positive(resyncMax, "resyncMax");
    notNegative(recoveryOverlap, "recoveryOverlap");
    if (snapshotLimit <= 0 || snapshotLimit > 1000) {
      throw new IllegalArgumentException("snapshotLimit must be 1..1000: " + snapshotLimit);
    }
    if (maxStreamsPerConnection <= 0 || maxStreamsPerConnection > 1024) {
      throw new IllegalArgumentException(
          "maxStreamsPerConnection must be 1..1024: " + maxStreamsPerConnection);
    }
    if (maxMessagesPerSecond <= 0 || maxMessagesPerSecond > 10) {
      throw new IllegalArgumentException(
          "maxMessagesPerSecond must be 1..10 (Binance's limit): " + maxMessagesPerSecond);
    }
    if (dedupeCapacity <= 0) {
      throw new IllegalArgumentException("dedupeCapacity must be positive: " + dedupeCapacity);
    }
    Objects.requireNonNull(random, "random");
  }

  /**
   * Production values: reconnect 0.5 s doubling to 30 s; reconnect after 23 h 50 min; market
   * silence 60 s; user silence off; ping every 30 s; listenKey keep-alive every 30 min; resync 1 s
   * doubling to 30 s; recovery overlap 5 s; snapshots of 1000 levels; 1024 streams and 5 messages
   * per second per connection; 10 000 remembered orders and fills.
   */
  static StreamSettings defaults() {
    return new StreamSettings(
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofHours(23).plusMinutes(50),
        Duration.ofSeconds(60),
        Duration.ZERO,
        Duration.ofSeconds(30),
        Duration.ofMinutes(30),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        1000,
        1024,
        5,
        10_000,
        new Random());
  }

  /** What the shared {@link WsConnection} needs of these settings. */
  WsConnection.Settings connection() {
    return new WsConnection.Settings(
        reconnectMin, reconnectMax, maxConnectionAge, maxMessagesPerSecond, random);
  }

  /**
   * These settings with another listenKey keep-alive period.
   *
   * @throws IllegalArgumentException unless {@code period} is 30 to 50 minutes: Binance keeps a key
   *     60 minutes, so a longer period risks expiry and a shorter one only spends weight
   */
  StreamSettings withListenKeyKeepAlive(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.compareTo(Duration.ofMinutes(30)) < 0
        || period.compareTo(Duration.ofMinutes(50)) > 0) {
      throw new IllegalArgumentException(
          "listenKey keep-alive must be 30 to 50 minutes (the key lives 60): " + period);
    }
    return new StreamSettings(
        reconnectMin,
        reconnectMax,
        maxConnectionAge,
        marketSilence,
        userSilence,
        pingInterval,
        period,
        resyncMin,
        resyncMax,
        recoveryOverlap,
        snapshotLimit,
        maxStreamsPerConnection,
        maxMessagesPerSecond,
        dedupeCapacity,
        random);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  private static void notNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
