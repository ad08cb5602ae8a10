package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long T0 = 1_700_000_000_000L;
  private final AtomicLong now = new AtomicLong(T0);
  private final RateLimiter limiter = new RateLimiter(now::get);

  @Test
  void aBurstNeverExceedsTheWeightLimitAndWaitsForTheOldestToExpire() {
    int granted = 0;
    while (limiter.acquire(20, false) == 0) {
      granted++;
      now.addAndGet(10);
    }
    assertThat(granted * 20).isEqualTo(2400);
    RateLimiter.Usage u = limiter.usage();
    assertThat(u.usedWeight1m()).isEqualTo(2400);
    long wait = limiter.acquire(20, false);
    // The first request (at T0) leaves the window 60 s after the end of its 100 ms bucket.
    assertThat(wait).isEqualTo(T0 + 60_100 - now.get());
    assertThat(limiter.usage().usedWeight1m()).isEqualTo(2400);
  }

  @Test
  void aLongBurstRespectsTheLimitInEveryRollingMinute() {
    List<Long> sent = new ArrayList<>();
    long end = T0 + 300_000;
    while (now.get() < end) {
      long wait = limiter.acquire(7, false);
      if (wait == 0) {
        sent.add(now.get());
        now.addAndGet(3);
      } else {
        now.addAndGet(wait);
      }
    }
    for (int i = 0; i < sent.size(); i++) {
      long from = sent.get(i);
      long inMinute = sent.stream().filter(t -> t >= from && t < from + 60_000).count();
      assertThat(inMinute * 7).isLessThanOrEqualTo(2400);
    }
    assertThat(sent.size()).isGreaterThan(4 * 342); // it did keep sending, minute after minute
  }

  @Test
  void ordersAreLimitedPerTenSecondsAndPerMinute() {
    limiter.setLimits(2400, 3, 5);
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.acquire(1, false)).isZero(); // a read is not an order
    long wait = limiter.acquire(0, true);
    assertThat(wait).isEqualTo(10_100);
    now.addAndGet(wait);
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.acquire(0, true)).isEqualTo(60_100 - 10_100); // per-minute limit now binds
    assertThat(limiter.usage().orders1m()).isEqualTo(5);
  }

  @Test
  void headersCorrectTheCountsUpwardButNeverDown() {
    limiter.acquire(10, false);
    limiter.onReplyHeaders("2390", "299", "800");
    RateLimiter.Usage u = limiter.usage();
    assertThat(u.usedWeight1m()).isEqualTo(2390);
    assertThat(u.orders10s()).isEqualTo(299);
    assertThat(u.orders1m()).isEqualTo(800);
    assertThat(limiter.acquire(20, false)).isPositive();
    assertThat(limiter.acquire(10, false)).isZero();
    limiter.onReplyHeaders("5", null, "not-a-number");
    assertThat(limiter.usage().usedWeight1m()).isEqualTo(2400);
    assertThat(limiter.usage().orders1m()).isEqualTo(800);
  }

  @Test
  void zeroWeightOrdersAreNotHeldBackByTheIpWeight() {
    limiter.onReplyHeaders("2400", null, null);
    assertThat(limiter.acquire(1, false)).isPositive();
    assertThat(limiter.acquire(0, true)).isZero();
    assertThat(limiter.usage().orders10s()).isEqualTo(1);
  }

  @Test
  void a429BlocksEveryRequestForRetryAfter() {
    limiter.onRateLimited(5_000);
    assertThat(limiter.acquire(1, false)).isEqualTo(5_000);
    assertThat(limiter.acquire(0, true)).isEqualTo(5_000);
    now.addAndGet(4_999);
    assertThat(limiter.acquire(1, false)).isEqualTo(1);
    now.addAndGet(1);
    assertThat(limiter.acquire(1, false)).isZero();
    assertThat(limiter.usage().blockedUntil()).isZero();
  }

  @Test
  void a418BanBlocksUntilItsEndAndIsReported() {
    long until = T0 + 120_000;
    limiter.onBanned(until);
    limiter.onRateLimited(1_000); // a shorter block does not shorten the ban
    assertThat(limiter.acquire(1, false)).isEqualTo(120_000);
    assertThat(limiter.usage().bannedUntil()).isEqualTo(until);
    now.set(until);
    assertThat(limiter.acquire(1, false)).isZero();
    assertThat(limiter.usage().bannedUntil()).isZero();
  }

  @Test
  void theWindowRollsOverSoOldWeightIsForgotten() {
    limiter.setLimits(100, 300, 1200);
    assertThat(limiter.acquire(60, false)).isZero();
    now.addAndGet(30_000);
    assertThat(limiter.acquire(40, false)).isZero();
    assertThat(limiter.acquire(1, false)).isEqualTo(30_100);
    now.addAndGet(30_100);
    assertThat(limiter.usage().usedWeight1m()).isEqualTo(40);
    assertThat(limiter.acquire(60, false)).isZero();
    now.addAndGet(60_100);
    assertThat(limiter.usage().usedWeight1m()).isZero();
  }

  @Test
  void limitsComeFromExchangeInfo() {
    ExchangeInfoDto.RateLimit weight = limit("REQUEST_WEIGHT", "MINUTE", 1, 6000);
    ExchangeInfoDto.RateLimit o10 = limit("ORDERS", "SECOND", 10, 50);
    ExchangeInfoDto.RateLimit o1m = limit("ORDERS", "MINUTE", 1, 100);
    ExchangeInfoDto.RateLimit other = limit("RAW_REQUESTS", "MINUTE", 5, 1);
    limiter.applyExchangeLimits(List.of(weight, o10, o1m, other));
    RateLimiter.Usage u = limiter.usage();
    assertThat(u.weightLimit1m()).isEqualTo(6000);
    assertThat(u.orderLimit10s()).isEqualTo(50);
    assertThat(u.orderLimit1m()).isEqualTo(100);
  }

  @Test
  void aRequestThatCanNeverFitIsRejected() {
    assertThatThrownBy(() -> limiter.acquire(2401, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2401");
  }

  @Test
  void concurrentCallersNeverOverrunTheLimit() throws InterruptedException {
    int threads = 4;
    AtomicLong granted = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int k = 0; k < 1000; k++) {
                  if (limiter.acquire(3, false) == 0) {
                    granted.addAndGet(3);
                  }
                }
              });
      t.start();
      workers.add(t);
    }
    start.countDown();
    for (Thread t : workers) {
      t.join();
    }
    assertThat(granted.get()).isEqualTo(2400 - 2400 % 3);
    assertThat(limiter.usage().usedWeight1m()).isEqualTo(granted.get());
  }

  private static ExchangeInfoDto.RateLimit limit(String type, String interval, int num, int max) {
    ExchangeInfoDto.RateLimit l = new ExchangeInfoDto.RateLimit();
    l.rateLimitType = type;
    l.interval = interval;
    l.intervalNum = num;
    l.limit = max;
    return l;
  }
}
