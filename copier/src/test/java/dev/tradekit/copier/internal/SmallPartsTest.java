package dev.tradekit.copier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.DuplicateClientOrderIdException;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.TransportException;
import dev.tradekit.api.error.UnknownOrderStatusException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
  private static final long DAY = 86_400_000L;

  @Test
  void backoffDoublesUpToTheCap() {
    assertThat(Backoff.DEFAULT.delayMillis(0)).isEqualTo(250);
    assertThat(Backoff.DEFAULT.delayMillis(1)).isEqualTo(500);
    assertThat(Backoff.DEFAULT.delayMillis(6)).isEqualTo(16_000);
    assertThat(Backoff.DEFAULT.delayMillis(7)).isEqualTo(30_000);
    assertThat(Backoff.DEFAULT.delayMillis(200)).isEqualTo(30_000);
    assertThatThrownBy(() -> new Backoff(0, 10)).hasMessageContaining("0 < baseMillis");
  }

  @Test
  void failuresAreSortedByWhatTheCopierDoesNext() {
    assertThat(
            Failures.kind(
                new CompletionException(new DuplicateClientOrderIdException("v", -4116, "dup"))))
        .isEqualTo(Failures.Kind.LANDED);
    assertThat(Failures.kind(new UnknownOrderStatusException("v", -1007, "timeout", "x")))
        .isEqualTo(Failures.Kind.TRANSIENT);
    assertThat(Failures.kind(new TransportException("v", 0, "reset")))
        .isEqualTo(Failures.Kind.TRANSIENT);
    assertThat(Failures.kind(new IllegalStateException("bug"))).isEqualTo(Failures.Kind.TRANSIENT);
    assertThat(Failures.kind(new InsufficientMarginException("v", -2019, "margin")))
        .isEqualTo(Failures.Kind.REJECTED);
    assertThat(Failures.kind(new UnknownSymbolException("v", -1121, "symbol")))
        .isEqualTo(Failures.Kind.REJECTED);
    assertThat(Failures.kind(new AuthenticationException("v", -2015, "key")))
        .isEqualTo(Failures.Kind.AUTHENTICATION);
    RateLimitException limit =
        new RateLimitException("v", -1003, "slow", Duration.ofSeconds(7), null);
    assertThat(Failures.kind(limit)).isEqualTo(Failures.Kind.TRANSIENT);
    assertThat(Failures.retryAfter(new CompletionException(limit)))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(Failures.describe(new InsufficientMarginException("v", -2019, "margin")))
        .isEqualTo("InsufficientMarginException -2019: margin");
  }

  @Test
  void latencyPercentilesUseNearestRank() {
    LatencyRecorder r = new LatencyRecorder();
    assertThat(r.percentile(50)).isEqualTo(-1);
    for (int i = 1; i <= 100; i++) {
      r.record(i);
    }
    assertThat(r.percentile(50)).isEqualTo(50);
    assertThat(r.percentile(99)).isEqualTo(99);
    assertThat(r.percentile(100)).isEqualTo(100);
    r.record(-5);
    assertThat(r.percentile(0)).isZero();
    assertThat(r.count()).isEqualTo(101);
  }

  @Test
  void riskGuardPausesOnDailyLossMeasuredFromTheDayStart() {
    RiskGuard g = new RiskGuard(new BigDecimal("500"), null);
    assertThat(g.check(new BigDecimal("10000"), DAY * 100 + 1)).isNull();
    assertThat(g.check(new BigDecimal("9600"), DAY * 100 + 2)).isNull();
    assertThat(g.check(new BigDecimal("9500"), DAY * 100 + 3))
        .isEqualTo("daily loss 500 reached the limit 500 (equity 9500, day start 10000)");
    // a new UTC day starts from the equity then
    assertThat(g.check(new BigDecimal("9400"), DAY * 101)).isNull();
  }

  @Test
  void riskGuardPausesOnDrawdownFromThePeak() {
    RiskGuard g = new RiskGuard(null, new BigDecimal("0.2"));
    assertThat(g.check(new BigDecimal("1000"), 0)).isNull();
    assertThat(g.check(new BigDecimal("1250"), DAY * 3)).isNull();
    assertThat(g.check(new BigDecimal("1001"), DAY * 5)).isNull();
    assertThat(g.check(new BigDecimal("1000"), DAY * 6))
        .isEqualTo("drawdown from peak 1250 to 1000 reached the limit 0.2");
    assertThat(new RiskGuard(null, null).active()).isFalse();
  }

  @Test
  void riskGuardRestoredFromItsStateKeepsThePeakDayStartAndPause() {
    RiskGuard before = new RiskGuard(new BigDecimal("1000"), new BigDecimal("0.1"));
    assertThat(before.check(new BigDecimal("10000"), DAY * 100 + 1)).isNull();
    assertThat(before.takeChanged()).isTrue();
    assertThat(before.check(new BigDecimal("9200"), DAY * 100 + 2)).isNull();
    assertThat(before.takeChanged()).isFalse(); // neither a new peak nor a new day
    RiskState saved = before.state();
    assertThat(saved)
        .isEqualTo(new RiskState(100, new BigDecimal("10000"), new BigDecimal("10000"), null));

    RiskGuard after = new RiskGuard(new BigDecimal("1000"), new BigDecimal("0.1"));
    after.restore(saved);
    assertThat(after.takeChanged()).isFalse();
    assertThat(after.check(new BigDecimal("8950"), DAY * 100 + 3))
        .isEqualTo("daily loss 1050 reached the limit 1000 (equity 8950, day start 10000)");
    assertThat(after.tripped()).startsWith("daily loss 1050");
    assertThat(after.takeChanged()).isTrue();
    after.clearTrip();
    assertThat(after.state().pausedReason()).isNull();
    assertThat(after.takeChanged()).isTrue();
    // a new day starts from the equity then, but the peak stays
    assertThat(after.check(new BigDecimal("8950"), DAY * 101))
        .isEqualTo("drawdown from peak 10000 to 8950 reached the limit 0.1");
    assertThat(after.state().dayStart()).isEqualByComparingTo("8950");
  }

  @Test
  void schedulerClockFollowsVirtualTime() {
    VirtualScheduler s = new VirtualScheduler(1_000);
    SchedulerClock c = new SchedulerClock(s);
    s.advanceBy(Duration.ofSeconds(2));
    assertThat(c.millis()).isEqualTo(3_000);
    assertThat(c.instant().toEpochMilli()).isEqualTo(3_000);
  }

  @Test
  void csvQuotesFieldsThatNeedIt() {
    assertThat(CsvExport.escape("plain")).isEqualTo("plain");
    assertThat(CsvExport.escape("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvExport.escape("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvExport.escape(new BigDecimal("1.50E+2"))).isEqualTo("150");
    assertThat(CsvExport.escape(null)).isEmpty();
  }
}
