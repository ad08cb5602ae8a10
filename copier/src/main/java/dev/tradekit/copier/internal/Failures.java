package dev.tradekit.copier.internal;

import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.UnknownSymbolException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sorts the errors of a follower's venue calls by what the copier does next.
 *
 * <pre>{@code
 * switch (Failures.kind(error)) { case LANDED -> query(); case TRANSIENT -> retryLater(); ... }
 * }</pre>
 */
public final class Failures {

  /** What an error means for a copy. */
  public enum Kind {
    /** A duplicate client order id (-4116): an earlier attempt landed; query it. */
    LANDED,
    /**
     * The outcome is unknown or the venue could not serve the call (unknown status, transport, rate
     * limit, clock skew, anything unexpected): query by client id, then retry with backoff.
     */
    TRANSIENT,
    /**
     * The venue refused the order (margin, precision, position mode, unknown symbol …); sending
     * again is futile.
     */
    REJECTED,
    /** The venue refused the credentials: the follower cannot trade until someone fixes them. */
    AUTHENTICATION
  }

  private Failures() {}

  /** The error inside completion wrappers. */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The kind of {@code error} (unwrapped first). */
  public static Kind kind(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof DuplicateClientOrderIdException) {
      return Kind.LANDED;
    }
    if (e instanceof AuthenticationException) {
      return Kind.AUTHENTICATION;
    }
    if (e instanceof OrderRejectedException || e instanceof UnknownSymbolException) {
      return Kind.REJECTED;
    }
    return Kind.TRANSIENT;
  }

  /** What the venue asked to wait ({@link RateLimitException#retryAfter()}), else zero. */
  public static Duration retryAfter(Throwable error) {
    return unwrap(error) instanceof RateLimitException r ? r.retryAfter() : Duration.ZERO;
  }

  /** A one-line description for journal reasons and events: type, code and message. */
  public static String describe(Throwable error) {
    Throwable e = unwrap(error);
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof ExchangeException x) {
      return e.getClass().getSimpleName() + " " + x.code() + ": " + message;
    }
    return e.getClass().getSimpleName() + ": " + message;
  }
}
