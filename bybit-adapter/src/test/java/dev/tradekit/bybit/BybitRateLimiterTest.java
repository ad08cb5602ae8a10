package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BybitRateLimiterTest {
  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  private final BybitRateLimiter limiter = new BybitRateLimiter(now::get);

  @Test
  void sendsAtOnceWhileTheEndpointHasRequestsLeft() {
    limiter.onHeaders("/v5/order/create", "10", "3", "1700000000000");
    assertThat(limiter.delayMillis("/v5/order/create")).isZero();
    assertThat(limiter.window("/v5/order/create"))
        .isEqualTo(new BybitRateLimiter.Window(10, 3, 1_700_000_000_000L));
  }

  @Test
  void waitsUntilTheReportedResetWhenNothingIsLeft() {
    limiter.onHeaders("/v5/order/create", "10", "0", "1700000000400");
    assertThat(limiter.delayMillis("/v5/order/create")).isEqualTo(400);
    assertThat(limiter.delayMillis("/v5/order/cancel")).isZero();
    now.addAndGet(400);
    assertThat(limiter.delayMillis("/v5/order/create")).isZero();
  }

  @Test
  void tooManyVisitsEmptiesTheEndpointUntilItsReset() {
    limiter.onHeaders("/v5/order/amend", "10", "5", "1700000000000");
    limiter.onTooManyVisits("/v5/order/amend", 1_700_000_000_250L);
    assertThat(limiter.delayMillis("/v5/order/amend")).isEqualTo(250);
    assertThat(limiter.window("/v5/order/amend"))
        .isEqualTo(new BybitRateLimiter.Window(10, 0, 1_700_000_000_250L));
  }

  @Test
  void ignoresMissingOrMalformedHeaders() {
    limiter.onHeaders("/v5/position/list", null, "0", "1700000009000");
    limiter.onHeaders("/v5/position/list", "50", "x", "1700000009000");
    assertThat(limiter.window("/v5/position/list")).isNull();
    assertThat(limiter.delayMillis("/v5/position/list")).isZero();
  }

  @Test
  void anIpBanStopsEveryEndpointForTenMinutes() {
    limiter.onIpBan();
    long banEnd = now.get() + Duration.ofMinutes(10).toMillis();
    assertThat(limiter.bannedUntilMillis()).isEqualTo(banEnd);
    for (String endpoint : new String[] {"/v5/order/create", "/v5/market/time"}) {
      assertThatThrownBy(() -> limiter.delayMillis(endpoint))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.bannedUntil()).isEqualTo(Instant.ofEpochMilli(banEnd));
                assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(10));
              });
    }
    now.set(banEnd - 1);
    assertThatThrownBy(() -> limiter.delayMillis("/v5/order/create"))
        .isInstanceOf(RateLimitException.class);
    now.set(banEnd);
    assertThat(limiter.delayMillis("/v5/order/create")).isZero();
  }
}
