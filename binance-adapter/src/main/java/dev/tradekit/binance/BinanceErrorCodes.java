package dev.tradekit.binance;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one table that turns a Binance USD-M error reply (HTTP status, Binance code, message) into a
 * typed {@link ExchangeException} whose message says what to do.
 *
 * <p>Order errors are split in two: {@link InvalidOrderException} when the request itself is wrong
 * and will fail again unchanged (precision, tick, step, min/max quantity, minimum notional, missing
 * or superfluous parameter, unknown symbol, position side that does not fit the account's mode);
 * {@link OrderRejectedException} when a well-formed order was refused because of the market or
 * position at that moment (price band, PERCENT_PRICE, FOK / post-only would not rest, stop would
 * trigger immediately, reduce-only with nothing to reduce). Messages never contain the API key, the
 * secret or a signature: any long token in the venue's text is redacted.
 */
final class BinanceErrorCodes {
  static final String VENUE = "binance-usdm";

  /** A ban lasts at least two minutes (Binance docs) when neither header nor message says more. */
  static final Duration MIN_BAN = Duration.ofMinutes(2);

  private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,16})");
  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9]{40,}");
  private static final Pattern SIGNATURE_PARAM = Pattern.compile("signature=[^&\\s\"]*");
  private static final int MAX_VENUE_MESSAGE = 300;

  /** What kind of exception a code becomes. */
  enum Kind {
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

  /** One row of the table: the kind of error and the advice appended to the venue's message. */
  record Rule(Kind kind, String advice) {}

  private static final Map<Integer, Rule> TABLE =
      Map.ofEntries(
          row(
              -1003,
              Kind.RATE_LIMIT,
              "too many requests: stop sending until the limit window ends"),
          row(
              -1006,
              Kind.UNKNOWN_STATUS,
              "unexpected response from the matching engine: the order may exist; query it by"
                  + " client order id before retrying"),
          row(
              -1007,
              Kind.UNKNOWN_STATUS,
              "backend timeout: the order may exist; query it by client order id before retrying"),
          row(
              -1008,
              Kind.OTHER,
              "throttled by system protection: retry with backoff (reduce-only orders are exempt)"),
          row(
              -1021,
              Kind.CLOCK_SKEW,
              "timestamp outside recvWindow: the local clock is off by more than recvWindow;"
                  + " re-syncing server time"),
          row(
              -1022,
              Kind.AUTHENTICATION,
              "invalid signature: check the API secret and that the signed string is sent"
                  + " unchanged"),
          row(
              -1102,
              Kind.INVALID_ORDER,
              "a mandatory parameter is missing or malformed: fix the request"),
          row(
              -1106,
              Kind.INVALID_ORDER,
              "a parameter was sent that this request does not take (e.g. reduceOnly in hedge"
                  + " mode): remove it"),
          row(
              -1111,
              Kind.INVALID_ORDER,
              "precision is over the maximum: round price to tickSize and quantity to stepSize"),
          row(-1121, Kind.INVALID_ORDER, "invalid symbol: check the instrument list"),
          row(
              -1125,
              Kind.OTHER,
              "the listenKey does not exist: create a new one and reconnect the user stream"),
          row(
              -2011,
              Kind.ORDER_NOT_FOUND,
              "cancel rejected, unknown order: it is already filled, cancelled or never existed;"
                  + " query it to learn which"),
          row(
              -2013,
              Kind.ORDER_NOT_FOUND,
              "order does not exist: it may be archived or never existed; check the id and symbol"),
          row(
              -2014,
              Kind.AUTHENTICATION,
              "API key format invalid: check the key (no spaces or line breaks)"),
          row(
              -2015,
              Kind.AUTHENTICATION,
              "invalid API key, IP or permissions: check the key, its IP whitelist and that"
                  + " futures trading is enabled"),
          row(
              -2019,
              Kind.INSUFFICIENT_MARGIN,
              "margin is insufficient: reduce the size, lower leverage or add margin"),
          row(
              -2021,
              Kind.ORDER_REJECTED,
              "the order would immediately trigger: move the stop price beyond the current price"),
          row(
              -2022,
              Kind.ORDER_REJECTED,
              "reduce-only order rejected: there is no position (or not enough) to reduce"),
          row(
              -4003,
              Kind.INVALID_ORDER,
              "quantity must be greater than zero: check the size computation"),
          row(
              -4004,
              Kind.INVALID_ORDER,
              "quantity below the LOT_SIZE minimum: raise it to minQty or skip the order"),
          row(
              -4005,
              Kind.INVALID_ORDER,
              "quantity above the LOT_SIZE maximum: split the order or cap it at maxQty"),
          row(
              -4014,
              Kind.INVALID_ORDER,
              "price is not a multiple of tickSize: round it with the instrument's PRICE_FILTER"),
          row(
              -4016,
              Kind.ORDER_REJECTED,
              "price is above the mark-price band (PERCENT_PRICE multiplierUp): quote closer to"
                  + " the mark price"),
          row(
              -4023,
              Kind.INVALID_ORDER,
              "quantity is not a multiple of stepSize: round it with the instrument's LOT_SIZE"),
          row(
              -4024,
              Kind.ORDER_REJECTED,
              "price is below the mark-price band (PERCENT_PRICE multiplierDown): quote closer to"
                  + " the mark price"),
          row(
              -4046,
              Kind.OTHER,
              "no need to change margin type: it is already set (benign, nothing to do)"),
          row(
              -4059,
              Kind.OTHER,
              "no need to change position side: it is already set (benign, nothing to do)"),
          row(
              -4061,
              Kind.INVALID_ORDER,
              "positionSide does not match the account's position mode: use BOTH in one-way mode,"
                  + " LONG/SHORT in hedge mode"),
          row(
              -4116,
              Kind.DUPLICATE_CLIENT_ORDER_ID,
              "duplicated client order id: an order with this id already exists (an earlier"
                  + " attempt landed); query it instead of placing again"),
          row(
              -4131,
              Kind.ORDER_REJECTED,
              "market order would execute beyond PERCENT_PRICE: use a limit order or a smaller"
                  + " size"),
          row(
              -4164,
              Kind.INVALID_ORDER,
              "notional below MIN_NOTIONAL: raise price x quantity above the minimum (reduce-only"
                  + " orders are exempt)"),
          row(
              -5000,
              Kind.OTHER,
              "this endpoint is retired: the adapter must use its replacement (report a bug)"),
          row(
              -5021,
              Kind.ORDER_REJECTED,
              "FOK order could not be filled in full: it expired unfilled"),
          row(
              -5022,
              Kind.ORDER_REJECTED,
              "post-only (GTX) order would have taken liquidity: it expired; quote one tick"
                  + " further from the touch"));

  private BinanceErrorCodes() {}

  private static Map.Entry<Integer, Rule> row(int code, Kind kind, String advice) {
    return Map.entry(code, new Rule(kind, advice));
  }

  /** Every Binance code the table maps explicitly. */
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
   * @param code the Binance code from the body, or {@link ExchangeException#NO_CODE}
   * @param venueMessage the {@code msg} from the body (or the raw body text), may be empty
   * @param clientOrderId the client order id the request carried, if any
   * @param retryAfter the {@code Retry-After} header as a duration, if present
   * @param nowMillis the current time in epoch milliseconds (for ban ends)
   */
  static ExchangeException toException(
      int httpStatus,
      int code,
      String venueMessage,
      @Nullable String clientOrderId,
      @Nullable Duration retryAfter,
      long nowMillis) {
    String msg = redact(venueMessage);
    Matcher banned = BANNED_UNTIL.matcher(msg);
    boolean hasBanEnd = banned.find();
    if (httpStatus == 418 || (hasBanEnd && (code == -1003 || httpStatus == 429))) {
      long until;
      if (hasBanEnd) {
        until = Long.parseLong(banned.group(1));
      } else {
        until = nowMillis + (retryAfter != null ? retryAfter : MIN_BAN).toMillis();
      }
      Duration wait = Duration.ofMillis(Math.max(0, until - nowMillis));
      return new RateLimitException(
          VENUE,
          code,
          describe(
              httpStatus,
              code,
              msg,
              "IP banned for ignoring 429s: stop all requests until "
                  + Instant.ofEpochMilli(until)
                  + ", then slow down"),
          wait,
          Instant.ofEpochMilli(until));
    }
    if (httpStatus == 429 || code == -1003) {
      Duration wait = retryAfter != null ? retryAfter : Duration.ZERO;
      return new RateLimitException(
          VENUE,
          code,
          describe(
              httpStatus,
              code,
              msg,
              "rate limit broken: back off"
                  + (retryAfter != null ? " for " + retryAfter.toSeconds() + " s" : "")
                  + " or the IP will be banned (HTTP 418)"),
          wait,
          null);
    }
    Rule rule = TABLE.get(code);
    if (rule != null) {
      return build(
          rule.kind(), code, describe(httpStatus, code, msg, rule.advice()), clientOrderId);
    }
    if (httpStatus == 503 && msg.startsWith("Unknown error")) {
      return build(
          Kind.UNKNOWN_STATUS,
          code,
          describe(
              httpStatus,
              code,
              msg,
              "execution status unknown: the order may exist; query it by client order id or"
                  + " wait for the user stream, never retry blindly"),
          clientOrderId);
    }
    if (httpStatus >= 500) {
      return new TransportException(
          VENUE,
          code,
          describe(
              httpStatus, code, msg, "the venue failed to serve the request: retry with backoff"));
    }
    return new ExchangeException(
        VENUE, code, describe(httpStatus, code, msg, "unexpected error: see the Binance code"));
  }

  private static ExchangeException build(
      Kind kind, int code, String message, @Nullable String clientOrderId) {
    String withId =
        clientOrderId == null ? message : message + " [clientOrderId " + clientOrderId + "]";
    return switch (kind) {
      case CLOCK_SKEW -> new ClockSkewException(VENUE, code, withId);
      case AUTHENTICATION -> new AuthenticationException(VENUE, code, message);
      case INSUFFICIENT_MARGIN -> new InsufficientMarginException(VENUE, code, withId);
      case ORDER_NOT_FOUND -> new OrderNotFoundException(VENUE, code, withId);
      case DUPLICATE_CLIENT_ORDER_ID -> new DuplicateClientOrderIdException(VENUE, code, withId);
      case UNKNOWN_STATUS -> new UnknownOrderStatusException(VENUE, code, withId, clientOrderId);
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
      sb.append(", code ").append(code);
    }
    sb.append(')');
    if (!msg.isEmpty()) {
      sb.append(": \"").append(msg).append('"');
    }
    return sb.toString();
  }

  /**
   * Removes anything that could be a credential or a signature from venue text (a {@code
   * signature=} parameter, any run of 40 or more letters and digits) and caps its length.
   */
  static String redact(String venueMessage) {
    String s = venueMessage.strip();
    s = SIGNATURE_PARAM.matcher(s).replaceAll("signature=<redacted>");
    s = LONG_TOKEN.matcher(s).replaceAll("<redacted>");
    if (s.length() > MAX_VENUE_MESSAGE) {
      s = s.substring(0, MAX_VENUE_MESSAGE) + "...";
    }
    return s;
  }
}
