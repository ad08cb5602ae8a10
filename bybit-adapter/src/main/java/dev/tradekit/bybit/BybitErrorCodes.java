package dev.tradekit.bybit;

import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.ClockSkewException;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one table that turns a Bybit v5 error reply (HTTP status, {@code retCode}, {@code retMsg})
 * into a typed {@link ExchangeException} whose message says what to do.
 *
 * <p>As for Binance, {@link InvalidOrderException} means the request itself is wrong and will fail
 * again unchanged; {@link OrderRejectedException} means a well-formed order was refused because of
 * the market at that moment. HTTP 403 is Bybit's per-IP ban ("access too frequent"): every request
 * must stop for at least {@link #IP_BAN} (Bybit's rate-limit page). Messages never contain the API
 * key, the secret or a signature: long tokens and {@code origin_string[...]} are redacted.
 */
final class BybitErrorCodes {
  static final String VENUE = "bybit-linear";

  /** Bybit: after a 403 "access too frequent", stop all HTTP sessions for at least 10 minutes. */
  static final Duration IP_BAN = Duration.ofMinutes(10);

  static final int TIMESTAMP_OUT_OF_WINDOW = 10002;
  static final int TOO_MANY_VISITS = 10006;

  /** "Cross/isolated margin mode not modified": the mode asked for is already set. */
  static final int MARGIN_MODE_UNCHANGED = 110026;

  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9]{40,}");
  private static final Pattern ORIGIN_STRING = Pattern.compile("origin_string\\[[^\\]]*\\]");
  private static final int MAX_VENUE_MESSAGE = 300;

  /** What kind of exception a code becomes. */
  enum Kind {
    TRANSPORT,
    RATE_LIMIT,
    CLOCK_SKEW,
    AUTHENTICATION,
    INSUFFICIENT_MARGIN,
    ORDER_NOT_FOUND,
    DUPLICATE_CLIENT_ORDER_ID,
    UNKNOWN_STATUS,
    INVALID_ORDER,
    ORDER_REJECTED,
    OTHER
  }

  /** One row of the table: the kind of error and the advice put before the venue's message. */
  record Rule(Kind kind, String advice) {}

  private static final Map<Integer, Rule> TABLE =
      Map.ofEntries(
          row(
              10000,
              Kind.UNKNOWN_STATUS,
              "server timeout: an order may exist; query it by orderLinkId before retrying"),
          row(
              10001,
              Kind.INVALID_ORDER,
              "request parameter error (also a positionIdx that does not fit the position mode):"
                  + " fix the request"),
          row(
              10002,
              Kind.CLOCK_SKEW,
              "timestamp outside the recv window: the local clock is off; re-syncing server time"),
          row(
              10003,
              Kind.AUTHENTICATION,
              "API key invalid: check the key and that it belongs to this environment (mainnet,"
                  + " testnet or demo)"),
          row(
              10004,
              Kind.AUTHENTICATION,
              "signature error: check the API secret and that the signed string is sent"
                  + " unchanged"),
          row(
              10005,
              Kind.AUTHENTICATION,
              "permission denied: give the key the contract trading permissions"),
          row(
              10006,
              Kind.RATE_LIMIT,
              "too many visits: wait until the limit window resets (X-Bapi-Limit-Reset-Timestamp)"),
          row(
              10010,
              Kind.AUTHENTICATION,
              "unmatched IP: add this machine's IP to the key's whitelist"),
          row(
              10014,
              Kind.DUPLICATE_CLIENT_ORDER_ID,
              "invalid duplicate request: an earlier attempt landed; query it instead of sending"
                  + " again"),
          row(
              10016,
              Kind.TRANSPORT,
              "server error: retry with backoff (query orders by orderLinkId first)"),
          row(
              10017,
              Kind.OTHER,
              "route not found: the adapter called a path Bybit does not serve (report a bug)"),
          row(
              30208,
              Kind.ORDER_REJECTED,
              "order price above the maximum buy price: quote closer to the mark price"),
          row(
              30209,
              Kind.ORDER_REJECTED,
              "order price below the minimum sell price: quote closer to the mark price"),
          row(
              110001,
              Kind.ORDER_NOT_FOUND,
              "order does not exist: it is already filled, cancelled or never existed; query it"),
          row(
              110003,
              Kind.ORDER_REJECTED,
              "price outside the allowed range: quote closer to the mark price"),
          row(
              110004,
              Kind.INSUFFICIENT_MARGIN,
              "wallet balance insufficient: reduce the size or add funds"),
          row(
              110007,
              Kind.INSUFFICIENT_MARGIN,
              "available balance insufficient: reduce the size, lower leverage or add margin"),
          row(
              110012,
              Kind.INSUFFICIENT_MARGIN,
              "insufficient available balance: reduce the size or add margin"),
          row(
              110008,
              Kind.ORDER_NOT_FOUND,
              "order already completed or cancelled: nothing left to change"),
          row(110010, Kind.ORDER_NOT_FOUND, "order has been cancelled: nothing left to change"),
          row(
              110017,
              Kind.INVALID_ORDER,
              "quantity would be truncated to zero: raise it to at least one qtyStep"),
          row(
              110020,
              Kind.ORDER_REJECTED,
              "more than 500 active orders on the symbol: cancel some first"),
          row(
              110024,
              Kind.ORDER_REJECTED,
              "cannot switch position mode with an open position: close it first"),
          row(
              110028,
              Kind.ORDER_REJECTED,
              "cannot switch position mode with open orders: cancel them first"),
          row(110025, Kind.OTHER, "position mode not modified: already set (benign)"),
          row(110026, Kind.OTHER, "margin mode not modified: already set (benign)"),
          row(
              3400045,
              Kind.OTHER,
              "margin mode not changed: close positions and cancel orders first, then retry"),
          row(110043, Kind.OTHER, "leverage not modified: already set (benign)"),
          row(
              110072,
              Kind.DUPLICATE_CLIENT_ORDER_ID,
              "orderLinkId is duplicate: an order with this id exists (an earlier attempt landed);"
                  + " query it instead of placing again"),
          row(
              110092,
              Kind.INVALID_ORDER,
              "conditional order expects a rise but the trigger price is at or below the watched"
                  + " price: it would fire at once; move the trigger above the market"),
          row(
              110093,
              Kind.INVALID_ORDER,
              "conditional order expects a fall but the trigger price is at or above the watched"
                  + " price: it would fire at once; move the trigger below the market"),
          row(
              110094,
              Kind.INVALID_ORDER,
              "order notional below minNotionalValue: raise price x quantity"),
          row(
              110120,
              Kind.ORDER_REJECTED,
              "order price below the price limitation: quote closer to the mark price"),
          row(
              110121,
              Kind.ORDER_REJECTED,
              "order price above the price limitation: quote closer to the mark price"));

  private BybitErrorCodes() {}

  private static Map.Entry<Integer, Rule> row(int code, Kind kind, String advice) {
    return Map.entry(code, new Rule(kind, advice));
  }

  /** Every retCode the table maps explicitly. */
  static Set<Integer> mappedCodes() {
    return TABLE.keySet();
  }

  /** The table row of a code, or {@code null} when the code is not in the table. */
  static @Nullable Rule ruleOf(int code) {
    return TABLE.get(code);
  }

  /**
   * Maps one error reply to a typed exception.
   *
   * @param httpStatus the HTTP status of the reply
   * @param retCode the {@code retCode} of the body, or {@link ExchangeException#NO_CODE}
   * @param retMsg the {@code retMsg} of the body (or the raw body text), may be empty
   * @param orderLinkId the client order id the request carried, if any
   * @param limitResetMillis the {@code X-Bapi-Limit-Reset-Timestamp} header, or 0 when absent
   * @param nowMillis the current time in epoch ms
   */
  static ExchangeException toException(
      int httpStatus,
      int retCode,
      String retMsg,
      @Nullable String orderLinkId,
      long limitResetMillis,
      long nowMillis) {
    String msg = redact(retMsg);
    if (httpStatus == 403) {
      long until = nowMillis + IP_BAN.toMillis();
      return new RateLimitException(
          VENUE,
          retCode,
          describe(
              httpStatus,
              retCode,
              msg,
              "IP rate limit broken (or a forbidden region): all requests stop until "
                  + Instant.ofEpochMilli(until)),
          IP_BAN,
          Instant.ofEpochMilli(until));
    }
    if (retCode == TOO_MANY_VISITS || httpStatus == 429) {
      Duration wait = Duration.ofMillis(Math.max(0, limitResetMillis - nowMillis));
      Rule rule = TABLE.get(TOO_MANY_VISITS);
      String advice =
          httpStatus == 429
              ? "system-level frequency protection: retry with backoff"
              : rule == null ? "too many visits" : rule.advice();
      return new RateLimitException(
          VENUE, retCode, describe(httpStatus, retCode, msg, advice), wait, null);
    }
    Rule rule = TABLE.get(retCode);
    if (rule != null) {
      return build(
          rule.kind(), retCode, describe(httpStatus, retCode, msg, rule.advice()), orderLinkId);
    }
    if (httpStatus >= 500) {
      return new TransportException(
          VENUE,
          retCode,
          describe(
              httpStatus,
              retCode,
              msg,
              "the venue failed to serve the request: retry with backoff"));
    }
    if (httpStatus == 401) {
      return new AuthenticationException(
          VENUE, retCode, describe(httpStatus, retCode, msg, "bad key or missing auth headers"));
    }
    return new ExchangeException(
        VENUE, retCode, describe(httpStatus, retCode, msg, "unexpected error: see the retCode"));
  }

  private static ExchangeException build(
      Kind kind, int code, String message, @Nullable String orderLinkId) {
    String withId = orderLinkId == null ? message : message + " [orderLinkId " + orderLinkId + "]";
    return switch (kind) {
      case TRANSPORT -> new TransportException(VENUE, code, withId);
      case CLOCK_SKEW -> new ClockSkewException(VENUE, code, withId);
      case AUTHENTICATION -> new AuthenticationException(VENUE, code, message);
      case INSUFFICIENT_MARGIN -> new InsufficientMarginException(VENUE, code, withId);
      case ORDER_NOT_FOUND -> new OrderNotFoundException(VENUE, code, withId);
      case DUPLICATE_CLIENT_ORDER_ID -> new DuplicateClientOrderIdException(VENUE, code, withId);
      case UNKNOWN_STATUS -> new UnknownOrderStatusException(VENUE, code, withId, orderLinkId);
      case INVALID_ORDER -> new InvalidOrderException(VENUE, code, withId);
      case ORDER_REJECTED -> new OrderRejectedException(VENUE, code, withId);
      case RATE_LIMIT -> new RateLimitException(VENUE, code, withId, Duration.ZERO, null);
      case OTHER -> new ExchangeException(VENUE, code, withId);
    };
  }

  private static String describe(int httpStatus, int code, String msg, String advice) {
    StringBuilder sb = new StringBuilder(advice.length() + msg.length() + 32);
    sb.append(advice).append(" (HTTP ").append(httpStatus);
    if (code != ExchangeException.NO_CODE) {
      sb.append(", retCode ").append(code);
    }
    sb.append(')');
    if (!msg.isEmpty()) {
      sb.append(": \"").append(msg).append('"');
    }
    return sb.toString();
  }

  /**
   * Removes anything that could be a credential or a signature from venue text ({@code
   * origin_string[...]}, which echoes the signed string with the API key; any run of 40 or more
   * letters and digits) and caps its length.
   */
  static String redact(String venueMessage) {
    String s = venueMessage.strip();
    s = ORIGIN_STRING.matcher(s).replaceAll("origin_string[<redacted>]");
    s = LONG_TOKEN.matcher(s).replaceAll("<redacted>");
    if (s.length() > MAX_VENUE_MESSAGE) {
      s = s.substring(0, MAX_VENUE_MESSAGE) + "...";
    }
    return s;
  }
}
