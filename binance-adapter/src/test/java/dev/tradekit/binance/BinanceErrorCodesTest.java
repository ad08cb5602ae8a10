package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BinanceErrorCodesTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final String API_KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SIGNATURE =
      "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9";

  /** One row per table entry: HTTP status, code, venue msg, expected type, advice fragment. */
  static Stream<Arguments> codeRows() {
    return Stream.of(
        row(400, -1006, "Unexpected response", UnknownOrderStatusException.class, "may exist"),
        row(
            400,
            -1007,
            "Timeout waiting for response",
            UnknownOrderStatusException.class,
            "may exist"),
        row(
            400,
            -1008,
            "Server is currently overloaded",
            ExchangeException.class,
            "retry with backoff"),
        row(
            400,
            -1021,
            "Timestamp for this request is outside of the recvWindow.",
            ClockSkewException.class,
            "timestamp outside recvWindow: the local clock is off by more than recvWindow;"
                + " re-syncing server time"),
        row(
            400,
            -1022,
            "Signature for this request is not valid.",
            AuthenticationException.class,
            "invalid signature"),
        row(
            400,
            -1102,
            "Mandatory parameter 'price' was not sent",
            InvalidOrderException.class,
            "mandatory parameter"),
        row(
            400,
            -1106,
            "Parameter 'reduceonly' sent when not required.",
            InvalidOrderException.class,
            "remove it"),
        row(
            400,
            -1111,
            "Precision is over the maximum defined for this asset.",
            InvalidOrderException.class,
            "round price to tickSize"),
        row(400, -1121, "Invalid symbol.", InvalidOrderException.class, "invalid symbol"),
        row(
            400,
            -1125,
            "This listenKey does not exist.",
            ExchangeException.class,
            "create a new one"),
        row(400, -2011, "Unknown order sent.", OrderNotFoundException.class, "cancel rejected"),
        row(
            400,
            -2013,
            "Order does not exist.",
            OrderNotFoundException.class,
            "order does not exist"),
        row(
            401,
            -2014,
            "API-key format invalid.",
            AuthenticationException.class,
            "API key format invalid"),
        row(
            401,
            -2015,
            "Invalid API-key, IP, or permissions for action.",
            AuthenticationException.class,
            "IP whitelist"),
        row(
            400,
            -2019,
            "Margin is insufficient.",
            InsufficientMarginException.class,
            "reduce the size"),
        row(
            400,
            -2021,
            "Order would immediately trigger.",
            OrderRejectedException.class,
            "immediately trigger"),
        row(
            400,
            -2022,
            "ReduceOnly Order is rejected.",
            OrderRejectedException.class,
            "no position"),
        row(
            400,
            -4003,
            "Quantity less than or equal to zero.",
            InvalidOrderException.class,
            "greater than zero"),
        row(400, -4004, "Quantity less than min quantity.", InvalidOrderException.class, "minQty"),
        row(
            400,
            -4005,
            "Quantity greater than max quantity.",
            InvalidOrderException.class,
            "maxQty"),
        row(
            400,
            -4014,
            "Price not increased by tick size.",
            InvalidOrderException.class,
            "tickSize"),
        row(
            400,
            -4016,
            "Limit price can't be higher than 70000.",
            OrderRejectedException.class,
            "multiplierUp"),
        row(
            400,
            -4023,
            "Quantity not increased by step size.",
            InvalidOrderException.class,
            "stepSize"),
        row(
            400,
            -4024,
            "Limit price can't be lower than 60000.",
            OrderRejectedException.class,
            "multiplierDown"),
        row(400, -4046, "No need to change margin type.", ExchangeException.class, "benign"),
        row(400, -4059, "No need to change position side.", ExchangeException.class, "benign"),
        row(
            400,
            -4061,
            "Order's position side does not match user's setting.",
            InvalidOrderException.class,
            "hedge mode"),
        row(
            400,
            -4116,
            "ClientOrderId is duplicated.",
            DuplicateClientOrderIdException.class,
            "query it instead"),
        row(
            400,
            -4131,
            "The counterparty's best price does not meet the PERCENT_PRICE filter" + " limit.",
            OrderRejectedException.class,
            "PERCENT_PRICE"),
        row(
            400,
            -4164,
            "Order's notional must be no smaller than 5.",
            InvalidOrderException.class,
            "MIN_NOTIONAL"),
        row(
            400,
            -5000,
            "Path /fapi/v1/account, Method GET is invalid",
            ExchangeException.class,
            "retired"),
        row(
            400,
            -5021,
            "Due to the order could not be filled immediately, the FOK order has been"
                + " rejected.",
            OrderRejectedException.class,
            "FOK"),
        row(
            400,
            -5022,
            "Due to the order could not be executed as maker, the Post Only order will"
                + " be rejected.",
            OrderRejectedException.class,
            "post-only"),
        row(
            429,
            -1003,
            "Too many requests; current limit is 2400 requests per minute.",
            RateLimitException.class,
            "rate limit broken"));
  }

  private static Arguments row(
      int status, int code, String msg, Class<? extends ExchangeException> type, String advice) {
    return Arguments.of(status, code, msg, type, advice);
  }

  @ParameterizedTest(name = "{1} -> {3}")
  @MethodSource("codeRows")
  void mapsEveryTableRowToItsTypeWithAdvice(
      int status, int code, String msg, Class<? extends ExchangeException> type, String advice) {
    ExchangeException e = BinanceErrorCodes.toException(status, code, msg, "cid-1", null, NOW);
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.venue()).isEqualTo("binance-usdm");
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(advice).contains(msg).contains("code " + code);
  }

  @Test
  void testRowsCoverEveryCodeOfTheTable() {
    Set<Integer> tested =
        codeRows().map(a -> (Integer) a.get()[1]).collect(Collectors.toCollection(TreeSet::new));
    tested.remove(-1003); // rate limits are handled before the table
    Set<Integer> mapped = new TreeSet<>(BinanceErrorCodes.mappedCodes());
    mapped.remove(-1003);
    assertThat(tested).isEqualTo(mapped);
  }

  @Test
  void http429WithRetryAfterIsARateLimitThatIsNotABan() {
    ExchangeException e =
        BinanceErrorCodes.toException(
            429, -1003, "Too many requests", null, Duration.ofSeconds(7), NOW);
    RateLimitException r = (RateLimitException) e;
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(r.isBan()).isFalse();
    assertThat(r.getMessage()).contains("back off for 7 s");
  }

  @Test
  void http429WithoutCodeIsStillARateLimit() {
    ExchangeException e = BinanceErrorCodes.toException(429, 0, "", null, null, NOW);
    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e).retryAfter()).isZero();
  }

  @Test
  void http418TakesTheBanEndFromTheMessage() {
    long until = NOW + 180_000;
    String msg =
        "Way too many requests; IP(1.2.3.4) banned until "
            + until
            + ". Please use"
            + " the websocket for live updates to avoid bans.";
    RateLimitException r =
        (RateLimitException)
            BinanceErrorCodes.toException(418, -1003, msg, null, Duration.ofSeconds(30), NOW);
    assertThat(r.bannedUntil()).isEqualTo(Instant.ofEpochMilli(until));
    assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(3));
    assertThat(r.getMessage()).contains("IP banned").contains("stop all requests");
  }

  @Test
  void http418WithoutBanTimeUsesRetryAfterThenTheMinimumBan() {
    RateLimitException withHeader =
        (RateLimitException)
            BinanceErrorCodes.toException(418, 0, "", null, Duration.ofSeconds(90), NOW);
    assertThat(withHeader.bannedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 90_000));
    RateLimitException bare =
        (RateLimitException) BinanceErrorCodes.toException(418, 0, "", null, null, NOW);
    assertThat(bare.bannedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 120_000));
  }

  @Test
  void code1003WithBanTimeIsABanEvenUnderHttp429() {
    RateLimitException r =
        (RateLimitException)
            BinanceErrorCodes.toException(
                429, -1003, "IP banned until " + (NOW + 5000) + ".", null, null, NOW);
    assertThat(r.isBan()).isTrue();
    assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void http503UnknownErrorMeansTheOrderMayExist() {
    ExchangeException e =
        BinanceErrorCodes.toException(
            503,
            0,
            "Unknown error, please check your request or try again later.",
            "abc",
            null,
            NOW);
    assertThat(e).isExactlyInstanceOf(UnknownOrderStatusException.class);
    assertThat(((UnknownOrderStatusException) e).clientOrderId()).isEqualTo("abc");
    assertThat(e.getMessage()).contains("never retry blindly").contains("abc");
  }

  @Test
  void http503ServiceUnavailableAndOther5xxAreTransportFailures() {
    assertThat(BinanceErrorCodes.toException(503, 0, "Service Unavailable.", "x", null, NOW))
        .isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("retry with backoff");
    assertThat(BinanceErrorCodes.toException(502, 0, "<html>Bad Gateway</html>", null, null, NOW))
        .isExactlyInstanceOf(TransportException.class);
  }

  @Test
  void unknownCodesBecomePlainExchangeExceptions() {
    ExchangeException e =
        BinanceErrorCodes.toException(400, -9999, "Something new.", null, null, NOW);
    assertThat(e).isExactlyInstanceOf(ExchangeException.class);
    assertThat(e.code()).isEqualTo(-9999);
    assertThat(e.getMessage()).contains("Something new.").contains("HTTP 400");
  }

  @Test
  void unknownOrderStatusCarriesTheClientOrderId() {
    UnknownOrderStatusException e =
        (UnknownOrderStatusException)
            BinanceErrorCodes.toException(400, -1007, "Timeout", "my-order-7", null, NOW);
    assertThat(e.clientOrderId()).isEqualTo("my-order-7");
  }

  @Test
  void messagesNeverCarryKeysOrSignatures() {
    String echo =
        "Bad request /fapi/v1/order?symbol=BTCUSDT&timestamp=1&signature="
            + SIGNATURE
            + " key "
            + API_KEY;
    for (int status : new int[] {400, 401, 418, 429, 503}) {
      ExchangeException e = BinanceErrorCodes.toException(status, -1022, echo, null, null, NOW);
      assertThat(e.getMessage())
          .doesNotContain(SIGNATURE)
          .doesNotContain(API_KEY)
          .contains("signature=<redacted>");
    }
  }

  @Test
  void redactCapsVeryLongBodies() {
    String redacted = BinanceErrorCodes.redact("x ".repeat(1000));
    assertThat(redacted).hasSizeLessThan(320).endsWith("...");
  }
}
