package dev.tradekit.binance;

import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ClockSkewException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.SendDeadlineExceededException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.runtime.Scheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs every REST call of one exchange through the same steps: wait for the rate limiter (on the
 * scheduler, never blocking a caller), pass the circuit breaker for order writes, send, feed the
 * reply's usage headers back to the limiter, and map errors through {@link BinanceErrorCodes}.
 *
 * <p>Retries only where safe: a read (or any request that never reached the network) is retried up
 * to {@value #MAX_TRANSPORT_RETRIES} times with exponential backoff on a transport failure; a
 * signed call rejected with {@code -1021} is retried once after the server clock is re-synced; a
 * placement whose reply is lost after sending fails with {@link UnknownOrderStatusException} for
 * the caller to resolve. HTTP 429 and 418 hold back every later request of the shared limiter until
 * the back-off or ban ends; requests refused meanwhile fail at once with {@link RateLimitException}
 * and are not sent. A call with a send deadline is signed with the receive window left until it;
 * past the deadline it is not sent, and a {@code -1021} for it means the venue refused it as late:
 * both fail with {@link SendDeadlineExceededException} (not placed).
 */
final class RestCaller implements AutoCloseable {
  static final int MAX_TRANSPORT_RETRIES = 3;
  static final long BACKOFF_BASE_MS = 100;

  /** The back-off after a 429 that carried no Retry-After. */
  static final long DEFAULT_429_BACKOFF_MS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(RestCaller.class);
  private static final String VENUE = BinanceErrorCodes.VENUE;

  private final BinanceLimits limits;
  private final Scheduler scheduler;
  private final BinanceJson json;
  private final CircuitBreaker breaker;
  private final boolean hasCredentials;
  private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
  private final Set<Call<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile Supplier<CompletableFuture<Void>> resync =
      () -> CompletableFuture.completedFuture(null);
  private volatile CompletableFuture<?> signedGate = CompletableFuture.completedFuture(null);
  private volatile boolean closed;

  RestCaller(
      BinanceLimits limits,
      Scheduler scheduler,
      BinanceJson json,
      CircuitBreaker breaker,
      boolean hasCredentials) {
    this.hasCredentials = hasCredentials;
    this.limits = Objects.requireNonNull(limits, "limits");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.json = Objects.requireNonNull(json, "json");
    this.breaker = Objects.requireNonNull(breaker, "breaker");
  }

  /** What to run when a signed call is rejected with -1021, before its one retry. */
  void onClockSkew(Supplier<CompletableFuture<Void>> resync) {
    this.resync = Objects.requireNonNull(resync, "resync");
  }

  /**
   * Holds signed calls back until {@code gate} completes (normally or not): the first server-time
   * sync, so that the first signed request carries a corrected timestamp.
   */
  void signedAfter(CompletableFuture<?> gate) {
    this.signedGate = Objects.requireNonNull(gate, "gate");
  }

  /** Runs a public call; {@code call} builds a fresh call for each attempt. */
  <T> CompletableFuture<T> call(CallSpec spec, Supplier<Call<T>> call) {
    return authenticated(spec, wire -> call.get());
  }

  /** Runs an authenticated call; {@code call} builds a fresh call tagged with the given wire. */
  <T> CompletableFuture<T> authenticated(CallSpec spec, Function<Wire, Call<T>> call) {
    return authenticated(spec, null, call);
  }

  /**
   * Runs a signed call the venue must receive by {@code deadline} (local epoch ms), or, when it is
   * null, within the configured receive window.
   */
  <T> CompletableFuture<T> authenticated(
      CallSpec spec, @Nullable Long deadline, Function<Wire, Call<T>> call) {
    CompletableFuture<T> out = new CompletableFuture<>();
    pending.add(out);
    out.whenComplete((v, e) -> pending.remove(out));
    if (closed) {
      out.completeExceptionally(closedError(spec));
    } else if (spec.auth() != null && !hasCredentials) {
      out.completeExceptionally(
          new AuthenticationException(
              VENUE,
              ExchangeException.NO_CODE,
              spec.describe() + " needs an API key: build the exchange with credentials(...)"));
    } else if (spec.auth() == Wire.Auth.SIGNED && !signedGate.isDone()) {
      Attempt<T> attempt = new Attempt<>(spec, deadline, call, out);
      signedGate.whenComplete((v, e) -> attempt.start());
    } else {
      new Attempt<>(spec, deadline, call, out).start();
    }
    return out;
  }

  /** Fails every pending call and cancels those in flight. */
  @Override
  public void close() {
    closed = true;
    for (Call<?> c : new ArrayList<>(inFlight)) {
      c.cancel();
    }
    for (CompletableFuture<?> f : new ArrayList<>(pending)) {
      f.completeExceptionally(
          new TransportException(VENUE, ExchangeException.NO_CODE, "the exchange was closed"));
    }
  }

  private static TransportException closedError(CallSpec spec) {
    return new TransportException(
        VENUE,
        ExchangeException.NO_CODE,
        "not sent: the exchange is closed (" + spec.describe() + ")");
  }

  /** One logical call and its attempts. */
  private final class Attempt<T> {
    private final CallSpec spec;
    private final @Nullable Long deadline;
    private final Function<Wire, Call<T>> factory;
    private final CompletableFuture<T> out;
    private int transportRetries;
    private boolean clockRetried;

    Attempt(
        CallSpec spec,
        @Nullable Long deadline,
        Function<Wire, Call<T>> factory,
        CompletableFuture<T> out) {
      this.spec = spec;
      this.deadline = deadline;
      this.factory = factory;
      this.out = out;
    }

    void start() {
      if (out.isDone()) {
        return;
      }
      if (closed) {
        out.completeExceptionally(closedError(spec));
        return;
      }
      long wait;
      try {
        wait = limits.limiter().acquire(spec.weight(), spec.orders());
      } catch (IllegalArgumentException e) {
        out.completeExceptionally(
            new ExchangeException(
                VENUE, ExchangeException.NO_CODE, String.valueOf(e.getMessage())));
        return;
      }
      if (wait > 0) {
        BinanceLimits.Usage usage = limits.usage();
        if (usage.isBanned() || usage.isBackingOff()) {
          out.completeExceptionally(blocked(usage));
          return;
        }
        scheduler.schedule(this::start, wait, TimeUnit.MILLISECONDS);
        return;
      }
      send();
    }

    private RateLimitException blocked(BinanceLimits.Usage usage) {
      long now = limits.now();
      long until = Math.max(usage.bannedUntil(), usage.blockedUntil());
      String why =
          usage.isBanned()
              ? "the IP is banned (HTTP 418) until " + Instant.ofEpochMilli(usage.bannedUntil())
              : "backing off after HTTP 429 until " + Instant.ofEpochMilli(usage.blockedUntil());
      return new RateLimitException(
          VENUE,
          ExchangeException.NO_CODE,
          "not sent: " + why + "; no request goes out before then (" + spec.describe() + ")",
          Duration.ofMillis(Math.max(0, until - now)),
          usage.isBanned() ? Instant.ofEpochMilli(usage.bannedUntil()) : null);
    }

    private void send() {
      if (spec.guarded() && !breaker.tryAcquirePermission()) {
        out.completeExceptionally(
            new TransportException(
                VENUE,
                ExchangeException.NO_CODE,
                "not sent: the circuit breaker for order calls is "
                    + breaker.getState()
                    + " after repeated transport failures; retry later ("
                    + spec.describe()
                    + ")"));
        return;
      }
      // Public calls ignore the wire: only tagged requests are authenticated.
      Wire.Auth auth = spec.auth();
      Wire wire = new Wire(auth == null ? Wire.Auth.API_KEY : auth, deadline);
      Call<T> call = factory.apply(wire);
      long started = scheduler.nanoTime();
      inFlight.add(call);
      call.enqueue(
          new Callback<T>() {
            @Override
            public void onResponse(Call<T> c, Response<T> response) {
              inFlight.remove(c);
              onReply(response, started);
            }

            @Override
            public void onFailure(Call<T> c, Throwable t) {
              inFlight.remove(c);
              onError(t, spec.auth() == null || wire.sent(), started);
            }
          });
    }

    private void onReply(Response<T> response, long started) {
      Headers h = response.headers();
      limits
          .limiter()
          .onReplyHeaders(
              h.get("X-MBX-USED-WEIGHT-1M"),
              h.get("X-MBX-ORDER-COUNT-10S"),
              h.get("X-MBX-ORDER-COUNT-1M"));
      if (response.isSuccessful()) {
        record(started, null);
        out.complete(response.body());
        return;
      }
      ErrorBodyDto err = json.errorBody(errorText(response));
      ExchangeException ex =
          BinanceErrorCodes.toException(
              response.code(),
              err.code,
              err.msg,
              spec.clientOrderId(),
              retryAfter(h.get("Retry-After")),
              limits.now());
      handle(ex, started, true);
    }

    private void onError(Throwable t, boolean maybeSent, long started) {
      // A call timeout also cancels the call: only close() means the exchange gave up.
      if (closed) {
        record(started, null);
        out.completeExceptionally(closedError(spec));
        return;
      }
      ExchangeException ex;
      String what = t.getClass().getSimpleName() + ": " + BinanceErrorCodes.redact(messageOf(t));
      if (t instanceof DeadlinePassedException late) {
        record(started, null);
        out.completeExceptionally(
            new SendDeadlineExceededException(
                VENUE,
                ExchangeException.NO_CODE,
                "not sent: "
                    + spec.describe()
                    + " reached its send deadline "
                    + late.lateMillis()
                    + " ms before it could be signed; the order was not placed",
                spec.clientOrderId(),
                false,
                t));
        return;
      }
      if (spec.placement() && maybeSent) {
        ex =
            new UnknownOrderStatusException(
                VENUE,
                ExchangeException.NO_CODE,
                "no usable reply to "
                    + spec.describe()
                    + " after it was sent ("
                    + what
                    + "): the order may exist; query it by client order id before placing again",
                spec.clientOrderId(),
                t);
      } else if (t instanceof IOException) {
        ex =
            new TransportException(
                VENUE,
                ExchangeException.NO_CODE,
                (maybeSent ? "no reply to " : "could not send ")
                    + spec.describe()
                    + " ("
                    + what
                    + ")",
                t);
      } else {
        ex =
            new ExchangeException(
                VENUE,
                ExchangeException.NO_CODE,
                "unreadable reply to " + spec.describe() + " (" + what + ")",
                t);
      }
      handle(ex, started, maybeSent);
    }

    private void handle(ExchangeException ex, long started, boolean maybeSent) {
      boolean venueFailure =
          ex instanceof TransportException || ex instanceof UnknownOrderStatusException;
      record(started, venueFailure ? ex : null);
      if (ex instanceof RateLimitException rl) {
        Instant banned = rl.bannedUntil();
        if (banned != null) {
          limits.limiter().onBanned(banned.toEpochMilli());
        } else {
          limits
              .limiter()
              .onRateLimited(Math.max(rl.retryAfter().toMillis(), DEFAULT_429_BACKOFF_MS));
        }
        LOG.warn("{} {}: holding every request back", spec.describe(), ex.getMessage());
      }
      if (ex instanceof ClockSkewException && deadline != null) {
        // the venue refused it by its time check: it arrived after its deadline (or the clock is
        // off, which the re-sync fixes for later calls); either way it was not placed. Not retried:
        // the caller decides whether it may still send.
        CompletableFuture<Void> unused = resync.get();
        out.completeExceptionally(
            new SendDeadlineExceededException(
                VENUE,
                ex.code(),
                "the venue refused "
                    + spec.describe()
                    + " as arriving after its send deadline ("
                    + ex.getMessage()
                    + "); the order was not placed",
                spec.clientOrderId(),
                true,
                ex));
        return;
      }
      if (ex instanceof ClockSkewException
          && spec.auth() == Wire.Auth.SIGNED
          && !clockRetried
          && !closed) {
        clockRetried = true;
        LOG.warn(
            "{} rejected with -1021: re-syncing server time, then retrying once", spec.describe());
        resync.get().whenComplete((v, e) -> start());
        return;
      }
      if (ex instanceof TransportException
          && (spec.retryTransport() || !maybeSent)
          && transportRetries < MAX_TRANSPORT_RETRIES
          && !closed) {
        transportRetries++;
        long delay = BACKOFF_BASE_MS << (transportRetries - 1);
        LOG.debug(
            "{} failed ({}); retry {} in {} ms",
            spec.describe(),
            ex.getMessage(),
            transportRetries,
            delay);
        scheduler.schedule(this::start, delay, TimeUnit.MILLISECONDS);
        return;
      }
      out.completeExceptionally(ex);
    }

    /** Reports the outcome of a guarded call to the circuit breaker. */
    private void record(long started, @Nullable Throwable failure) {
      if (!spec.guarded()) {
        return;
      }
      long elapsed = Math.max(0, scheduler.nanoTime() - started);
      if (failure == null) {
        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
      } else {
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, failure);
      }
    }
  }

  private static String messageOf(Throwable t) {
    String m = t.getMessage();
    return m == null ? "" : m;
  }

  private static String errorText(Response<?> response) {
    ResponseBody body = response.errorBody();
    if (body == null) {
      return "";
    }
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** {@code Retry-After} in seconds as a duration, or null when absent or not a number. */
  static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every call still waiting, for tests. */
  int pendingCount() {
    return pending.size();
  }
}
