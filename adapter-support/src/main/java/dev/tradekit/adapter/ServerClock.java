package dev.tradekit.adapter;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The venue's clock as seen from here: local time plus an offset measured from round trips to the
 * venue's server-time endpoint (Binance {@code GET /fapi/v1/time}, Bybit {@code GET
 * /v5/market/time}).
 *
 * <p>For a request sent at local time {@code t0} and answered at {@code t1} with {@code
 * serverTime}, the offset is {@code serverTime - (t0 + t1) / 2}. The clock keeps the last {@code
 * capacity} samples and uses the one with the lowest round-trip time (the least uncertain). {@link
 * #reset()} forgets all samples, for when the venue rejects a timestamp (Binance {@code -1021},
 * Bybit retCode {@code 10002}). Thread-safe.
 *
 * <pre>{@code
 * ServerClock clock = new ServerClock(System::currentTimeMillis);
 * clock.addSample(sentAt, reply.serverTime(), receivedAt);
 * long timestamp = clock.now(); // what goes into a signed request
 * }</pre>
 */
public final class ServerClock {
  /** How many samples {@link #ServerClock(LongSupplier)} keeps. */
  public static final int DEFAULT_CAPACITY = 8;

  private final LongSupplier localMillis;
  private final long[] offsets;
  private final long[] rtts;
  private int count;
  private int next;
  private volatile long offset;
  private volatile long bestRtt = -1;

  /** A clock that keeps the last {@value #DEFAULT_CAPACITY} samples. */
  public ServerClock(LongSupplier localMillis) {
    this(localMillis, DEFAULT_CAPACITY);
  }

  /**
   * @param localMillis the local time in epoch ms, e.g. {@code System::currentTimeMillis}
   * @param capacity how many recent samples to keep, at least 1
   */
  public ServerClock(LongSupplier localMillis, int capacity) {
    this.localMillis = Objects.requireNonNull(localMillis, "localMillis");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.offsets = new long[capacity];
    this.rtts = new long[capacity];
  }

  /**
   * Records one round trip.
   *
   * @param sentLocal local time when the request was sent
   * @param serverTime the {@code serverTime} in the reply
   * @param receivedLocal local time when the reply arrived, not before {@code sentLocal}
   */
  public synchronized void addSample(long sentLocal, long serverTime, long receivedLocal) {
    if (receivedLocal < sentLocal) {
      throw new IllegalArgumentException(
          "receivedLocal (" + receivedLocal + ") is before sentLocal (" + sentLocal + ")");
    }
    long rtt = receivedLocal - sentLocal;
    offsets[next] = serverTime - (sentLocal + (rtt / 2));
    rtts[next] = rtt;
    next = (next + 1) % offsets.length;
    count = Math.min(count + 1, offsets.length);
    int best = 0;
    for (int i = 1; i < count; i++) {
      if (rtts[i] < rtts[best]) {
        best = i;
      }
    }
    offset = offsets[best];
    bestRtt = rtts[best];
  }

  /** Forgets every sample; the offset stays until the next sample replaces it. */
  public synchronized void reset() {
    count = 0;
    next = 0;
  }

  /** The venue's current time in epoch ms: local time plus {@link #offset()}. */
  public long now() {
    return localMillis.getAsLong() + offset;
  }

  /** Server time minus local time, in ms; 0 before the first sample. */
  public long offset() {
    return offset;
  }

  /** The round-trip time of the sample in use, or -1 before the first sample. */
  public long bestRoundTripMillis() {
    return bestRtt;
  }

  /** Whether at least one sample is held. */
  public synchronized boolean isSynced() {
    return count > 0;
  }
}
