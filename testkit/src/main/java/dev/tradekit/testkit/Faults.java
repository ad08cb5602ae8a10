package dev.tradekit.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Misbehaviour of a {@link FakeBinance} on demand, scripted per test or drawn at random from a
 * seed: added latency, HTTP 5xx, 503 "Unknown error" with the order placed or not, dropped or
 * frozen WebSockets, delayed user events, invalidated listenKeys and clock skew.
 *
 * <pre>{@code
 * fake.faults().unknownErrorOnNextOrders(1, true);   // next order placed, reply is a 503
 * fake.faults().clockSkew(Duration.ofSeconds(3));    // server clock 3 s ahead
 * fake.faults().dropWebSockets();                    // every socket disconnects now
 * }</pre>
 *
 * <p>Thread-safe. Random faults apply to REST requests and use only the given seed.
 */
public final class Faults {
  /** The 503 body text Binance sends when the execution status is unknown. */
  public static final String UNKNOWN_ERROR =
      "Unknown error, please check your request or try again later.";

  private Duration latency = Duration.ZERO;
  private int serverErrors;
  private int serverErrorStatus = 503;
  private int unknownPlaced;
  private int unknownNotPlaced;
  private int rejected;
  private boolean frozen;
  private Duration userEventDelay = Duration.ZERO;
  private Duration skew = Duration.ZERO;
  private @org.jspecify.annotations.Nullable SplittableRandom random;
  private double pServerError;
  private double pUnknownPlaced;
  private double pUnknownNotPlaced;
  private final Runnable dropSockets;
  private final Runnable invalidateKeys;

  Faults(Runnable dropSockets, Runnable invalidateKeys) {
    this.dropSockets = dropSockets;
    this.invalidateKeys = invalidateKeys;
  }

  /** Delays every REST reply by {@code value} (zero turns it off). */
  public synchronized Faults latency(Duration value) {
    this.latency = nonNegative(value, "latency");
    return this;
  }

  /**
   * The next {@code count} REST requests fail with HTTP {@code status} (500 to 599) and body {@code
   * {"code":-1000,"msg":"Service Unavailable."}}, without reaching the venue.
   */
  public synchronized Faults serverErrors(int count, int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("status must be a 5xx code, was " + status);
    }
    this.serverErrors = nonNegative(count, "count");
    this.serverErrorStatus = status;
    return this;
  }

  /**
   * The next {@code count} order placements answer HTTP 503 {@value #UNKNOWN_ERROR}; with {@code
   * placed} the order did reach the venue (it exists), otherwise it did not.
   */
  public synchronized Faults unknownErrorOnNextOrders(int count, boolean placed) {
    if (placed) {
      this.unknownPlaced = nonNegative(count, "count");
    } else {
      this.unknownNotPlaced = nonNegative(count, "count");
    }
    return this;
  }

  /**
   * The next {@code count} order placements ({@code POST /fapi/v1/order}) are refused without
   * reaching the venue: HTTP 400 {@code -4131}, a market order beyond the PERCENT_PRICE filter.
   */
  public synchronized Faults rejectNextOrders(int count) {
    this.rejected = nonNegative(count, "count");
    return this;
  }

  /** Disconnects every open WebSocket now, without a close frame. */
  public Faults dropWebSockets() {
    dropSockets.run();
    return this;
  }

  /** While frozen, sockets stay open but no frame is sent on them (a silent connection). */
  public synchronized Faults freezeWebSockets(boolean value) {
    this.frozen = value;
    return this;
  }

  /** Holds user-stream events back by {@code value} of wall time before sending them. */
  public synchronized Faults delayUserEvents(Duration value) {
    this.userEventDelay = nonNegative(value, "delay");
    return this;
  }

  /** Forgets every listenKey: keep-alives answer -1125 and user streams close. */
  public Faults invalidateListenKeys() {
    invalidateKeys.run();
    return this;
  }

  /** Offsets the server's clock (server time, timestamp checks, event times) by {@code value}. */
  public synchronized Faults clockSkew(Duration value) {
    this.skew = Objects.requireNonNull(value, "clockSkew");
    return this;
  }

  /**
   * Makes every REST request fail at random: a 5xx with probability {@code serverError}, and an
   * order placement a 503 unknown error (placed or not) with the other probabilities.
   */
  public synchronized Faults randomize(
      long seed, double serverError, double unknownPlaced, double unknownNotPlaced) {
    probability(serverError, "serverError");
    probability(unknownPlaced, "unknownPlaced");
    probability(unknownNotPlaced, "unknownNotPlaced");
    this.random = new SplittableRandom(seed);
    this.pServerError = serverError;
    this.pUnknownPlaced = unknownPlaced;
    this.pUnknownNotPlaced = unknownNotPlaced;
    return this;
  }

  /** Turns every fault off (sockets already dropped stay dropped). */
  public synchronized Faults clear() {
    latency = Duration.ZERO;
    serverErrors = 0;
    unknownPlaced = 0;
    unknownNotPlaced = 0;
    rejected = 0;
    frozen = false;
    userEventDelay = Duration.ZERO;
    skew = Duration.ZERO;
    random = null;
    return this;
  }

  // ---------------------------------------------------------------- used by the server

  synchronized long latencyMillis() {
    return latency.toMillis();
  }

  synchronized long skewMillis() {
    return skew.toMillis();
  }

  synchronized boolean frozen() {
    return frozen;
  }

  synchronized long userEventDelayMillis() {
    return userEventDelay.toMillis();
  }

  /** The status of a 5xx this request gets, or 0. */
  synchronized int takeServerError() {
    if (serverErrors > 0) {
      serverErrors--;
      return serverErrorStatus;
    }
    if (random != null && random.nextDouble() < pServerError) {
      return 503;
    }
    return 0;
  }

  /** For an order placement: true when it is to be rejected ({@link #rejectNextOrders}). */
  synchronized boolean takeRejection() {
    if (rejected > 0) {
      rejected--;
      return true;
    }
    return false;
  }

  /** For an order placement: 1 = placed then 503, -1 = 503 without placing, 0 = normal. */
  synchronized int takeUnknownError() {
    if (unknownPlaced > 0) {
      unknownPlaced--;
      return 1;
    }
    if (unknownNotPlaced > 0) {
      unknownNotPlaced--;
      return -1;
    }
    if (random != null) {
      double d = random.nextDouble();
      if (d < pUnknownPlaced) {
        return 1;
      }
      if (d < pUnknownPlaced + pUnknownNotPlaced) {
        return -1;
      }
    }
    return 0;
  }

  private static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + d);
    }
    return d;
  }

  private static int nonNegative(int v, String name) {
    if (v < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + v);
    }
    return v;
  }

  private static void probability(double p, String name) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + p);
    }
  }
}
