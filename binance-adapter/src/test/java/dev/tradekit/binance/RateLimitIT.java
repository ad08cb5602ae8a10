package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.model.OrderBookSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The weight limiter, 429 back-off and 418 ban, seen from the venue's side. */
class RateLimitIT {
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private FakeBinance fake(int weightLimit) throws Exception {
    FakeBinance fake = new FakeBinance(weightLimit);
    toClose.add(fake);
    return fake;
  }

  private BinanceExchange exchange(FakeBinance fake, BinanceConfig config) throws Exception {
    BinanceExchange exchange = TestExchanges.start(fake, config);
    toClose.add(exchange);
    return exchange;
  }

  @Test
  void aBurstStaysUnderTheWeightLimitTheVenueReports() throws Exception {
    FakeBinance fake = fake(30); // REQUEST_WEIGHT 30 per minute, from exchangeInfo
    BinanceExchange exchange = exchange(fake, BinanceConfig.defaults());
    assertThat(exchange.limits().usage().weightLimit1m()).isEqualTo(30);
    List<CompletableFuture<OrderBookSnapshot>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(exchange.marketData().orderBook("BTCUSDT", 5)); // weight 2 each
    }
    // time (1) + exchangeInfo (1) were sent at start: 28 left, so 14 depth requests fit.
    assertThat(
            TestExchanges.await(20_000, () -> burst.stream().filter(f -> f.isDone()).count() == 14))
        .isTrue();
    Thread.sleep(300);
    assertThat(fake.requests("GET", "/fapi/v1/depth")).hasSize(14);
    assertThat(fake.maxWeightPerMinute()).isLessThanOrEqualTo(30);
    assertThat(burst.stream().filter(CompletableFuture::isDone).count()).isEqualTo(14);
    assertThat(exchange.limits().usage().usedWeight1m()).isEqualTo(30);
    exchange.close();
    assertThat(burst).allMatch(CompletableFuture::isDone);
    assertThat(burst.stream().filter(CompletableFuture::isCompletedExceptionally).count())
        .isEqualTo(6);
  }

  @Test
  void tooManyRequestsFailsTypedAndNothingIsSentUntilRetryAfterHasPassed() throws Exception {
    AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    FakeBinance fake = fake(2400);
    BinanceExchange exchange =
        exchange(
            fake, BinanceConfig.builder().sharedLimits(BinanceLimits.create(clock::get)).build());
    fake.script(
        "GET",
        "/fapi/v1/depth",
        s ->
            FakeBinance.error(429, -1003, "Too many requests; please use the websocket.")
                .addHeader("Retry-After", "3"));
    Throwable first = TestExchanges.failure(exchange.marketData().orderBook("BTCUSDT", 5));
    assertThat(first).isInstanceOf(RateLimitException.class);
    RateLimitException rl = (RateLimitException) first;
    assertThat(rl.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(rl.isBan()).isFalse();

    clock.addAndGet(2_000);
    Throwable held = TestExchanges.failure(exchange.marketData().orderBook("BTCUSDT", 5));
    assertThat(held).isInstanceOf(RateLimitException.class).hasMessageContaining("not sent");
    assertThat(((RateLimitException) held).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(fake.requests("GET", "/fapi/v1/depth")).hasSize(1);
    assertThat(exchange.limits().usage().isBackingOff()).isTrue();

    clock.addAndGet(1_001);
    OrderBookSnapshot book =
        exchange.marketData().orderBook("BTCUSDT", 5).get(30, TimeUnit.SECONDS);
    assertThat(book.lastUpdateId()).isEqualTo(1027024L);
    assertThat(fake.requests("GET", "/fapi/v1/depth")).hasSize(2);
  }

  @Test
  void anIpBanStopsEveryRequestUntilItEnds() throws Exception {
    AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    long banEnd = 1_700_000_100_000L;
    FakeBinance fake = fake(2400);
    BinanceLimits limits = BinanceLimits.create(clock::get);
    BinanceExchange exchange = exchange(fake, BinanceConfig.builder().sharedLimits(limits).build());
    fake.script(
        "GET",
        "/fapi/v1/ticker/bookTicker",
        s ->
            FakeBinance.error(
                418,
                -1003,
                "Way too many requests; IP(127.0.0.1) banned until "
                    + banEnd
                    + ". Please use the websocket for live updates to avoid bans."));
    Throwable ban = TestExchanges.failure(exchange.marketData().bookTicker("BTCUSDT"));
    assertThat(ban).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) ban).bannedUntil()).isEqualTo(Instant.ofEpochMilli(banEnd));
    assertThat(limits.usage().isBanned()).isTrue();
    assertThat(limits.usage().bannedUntil()).isEqualTo(banEnd);

    int before = fake.seen.size();
    clock.set(banEnd - 1);
    Throwable held = TestExchanges.failure(exchange.account().snapshot());
    assertThat(held).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) held).isBan()).isTrue();
    assertThat(TestExchanges.failure(exchange.marketData().serverTime()))
        .isInstanceOf(RateLimitException.class);
    assertThat(fake.seen).hasSize(before);

    clock.set(banEnd);
    assertThat(exchange.marketData().serverTime().get(30, TimeUnit.SECONDS)).isPositive();
    assertThat(fake.seen).hasSize(before + 1);
    assertThat(limits.usage().isBanned()).isFalse();
  }
}
