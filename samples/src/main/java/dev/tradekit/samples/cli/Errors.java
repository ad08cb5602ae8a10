package dev.tradekit.samples.cli;

import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ClockSkewException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownSymbolException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what can go wrong in a command into one line that says what to do. */
final class Errors {
  private Errors() {}

  static UserError explain(Throwable thrown) {
    Throwable t = thrown;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof UserError u) {
      return u;
    }
    String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof UnknownSymbolException) {
      return new UserError(
          "unknown symbol (" + msg + "): check 'symbol' in the config file, e.g. BTCUSDT",
          UserError.CONFIG,
          t);
    }
    if (t instanceof AuthenticationException) {
      return new UserError(
          "the venue refused the API key ("
              + msg
              + "): check BINANCE_API_KEY/BINANCE_API_SECRET, the key's permissions and IP"
              + " allow-list, and --testnet/--mainnet",
          UserError.VENUE,
          t);
    }
    if (t instanceof TransportException) {
      return new UserError(
          "cannot reach the venue (" + msg + "): check the network, a proxy or restBaseUrl",
          UserError.VENUE,
          t);
    }
    if (t instanceof ClockSkewException) {
      return new UserError(
          "the local clock is off (" + msg + "): sync it with NTP and retry", UserError.VENUE, t);
    }
    if (t instanceof RateLimitException) {
      return new UserError(
          "rate limited by the venue (" + msg + "): wait a minute and retry", UserError.VENUE, t);
    }
    if (t instanceof InsufficientMarginException) {
      return new UserError(
          "not enough margin (" + msg + "): lower the order amount or add funds",
          UserError.VENUE,
          t);
    }
    if (t instanceof ExchangeException) {
      return new UserError("the venue refused: " + msg, UserError.VENUE, t);
    }
    if (t instanceof IllegalArgumentException) {
      return new UserError("bad setting: " + msg, UserError.CONFIG, t);
    }
    return new UserError(
        "unexpected " + t.getClass().getSimpleName() + ": " + msg + " (re-run with --verbose)",
        1,
        t);
  }
}
