package dev.tradekit.bybit;

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
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per retCode of the reference's table, each proven to give its typed error. */
class BybitErrorCodesTest {
  private static final long NOW = 1_700_000_000_000L;

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(10000, UnknownOrderStatusException.class),
        Arguments.of(10001, InvalidOrderException.class),
        Arguments.of(10002, ClockSkewException.class),
        Arguments.of(10003, AuthenticationException.class),
        Arguments.of(10004, AuthenticationException.class),
        Arguments.of(10005, AuthenticationException.class),
        Arguments.of(10006, RateLimitException.class),
        Arguments.of(10010, AuthenticationException.class),
        Arguments.of(10014, DuplicateClientOrderIdException.class),
        Arguments.of(10016, TransportException.class),
        Arguments.of(10017, ExchangeException.class),
        Arguments.of(30208, OrderRejectedException.class),
        Arguments.of(30209, OrderRejectedException.class),
        Arguments.of(110001, OrderNotFoundException.class),
        Arguments.of(110003, OrderRejectedException.class),
        Arguments.of(110004, InsufficientMarginException.class),
        Arguments.of(110007, InsufficientMarginException.class),
        Arguments.of(110008, OrderNotFoundException.class),
        Arguments.of(110010, OrderNotFoundException.class),
        Arguments.of(110012, InsufficientMarginException.class),
        Arguments.of(110017, InvalidOrderException.class),
        Arguments.of(110020, OrderRejectedException.class),
        Arguments.of(110024, OrderRejectedException.class),
        Arguments.of(110025, ExchangeException.class),
        Arguments.of(110026, ExchangeException.class),
        Arguments.of(110028, OrderRejectedException.class),
        Arguments.of(110043, ExchangeException.class),
        Arguments.of(110072, DuplicateClientOrderIdException.class),
        Arguments.of(110092, InvalidOrderException.class),
        Arguments.of(110093, InvalidOrderException.class),
        Arguments.of(110094, InvalidOrderException.class),
        Arguments.of(110120, OrderRejectedException.class),
        Arguments.of(110121, OrderRejectedException.class),
        Arguments.of(3400045, ExchangeException.class));
  }

  @ParameterizedTest(name = "retCode {0} -> {1}")
  @MethodSource("table")
  void mapsEachRetCodeToItsTypedError(int retCode, Class<? extends ExchangeException> type) {
    ExchangeException e =
        BybitErrorCodes.toException(200, retCode, "venue text", "link-1", NOW + 200, NOW);
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.code()).isEqualTo(retCode);
    assertThat(e.venue()).isEqualTo("bybit-linear");
    assertThat(e.getMessage()).contains("retCode " + retCode).contains("\"venue text\"");
  }

  @Test
  void everyMappedCodeHasARowInThisTest() {
    assertThat(table().map(a -> (Integer) a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(BybitErrorCodes.mappedCodes());
  }

  @Test
  void anUnknownOutcomeCarriesTheOrderLinkIdToQueryBy() {
    ExchangeException e = BybitErrorCodes.toException(200, 10000, "timeout", "mm-42", 0, NOW);
    assertThat(((UnknownOrderStatusException) e).clientOrderId()).isEqualTo("mm-42");
  }

  @Test
  void tooManyVisitsWaitsUntilTheResetHeader() {
    RateLimitException e =
        (RateLimitException)
            BybitErrorCodes.toException(200, 10006, "Too many visits!", null, NOW + 350, NOW);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(350));
    assertThat(e.bannedUntil()).isNull();
  }

  @Test
  void http403IsATenMinuteIpBan() {
    RateLimitException e =
        (RateLimitException)
            BybitErrorCodes.toException(
                403, ExchangeException.NO_CODE, "access too frequent", null, 0, NOW);
    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(e.bannedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 600_000));
  }

  @Test
  void http5xxWithoutARetCodeIsATransportError() {
    assertThat(BybitErrorCodes.toException(502, ExchangeException.NO_CODE, "", null, 0, NOW))
        .isExactlyInstanceOf(TransportException.class);
  }

  @Test
  void http401IsAnAuthenticationError() {
    assertThat(BybitErrorCodes.toException(401, ExchangeException.NO_CODE, "", null, 0, NOW))
        .isExactlyInstanceOf(AuthenticationException.class);
  }

  @Test
  void theSignedStringEchoedIn10004NeverReachesTheMessage() {
    String secretish = "a".repeat(64);
    String venue =
        "error sign! origin_string[1700000000000test_api_key5000category=linear] sign " + secretish;
    ExchangeException e = BybitErrorCodes.toException(200, 10004, venue, null, 0, NOW);
    assertThat(Objects.requireNonNull(e.getMessage()))
        .doesNotContain("test_api_key")
        .doesNotContain(secretish)
        .contains("origin_string[<redacted>]");
  }
}
