package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BinanceConfigTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    BinanceConfig c = BinanceConfig.defaults();
    assertThat(c.recvWindow()).isEqualTo(Duration.ofMillis(5000));
    assertThat(c.legacyWsPaths()).isFalse();
    assertThat(c.timeSyncPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.exchangeInfoRefresh()).isEqualTo(Duration.ofHours(1));
    assertThat(c.listenKeyKeepAlive()).isEqualTo(Duration.ofMinutes(30));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.orderResolveDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.sharedLimits()).isEmpty();
    assertThat(c.httpLogging()).isFalse();
  }

  @Test
  void builderRejectsValuesOutsideTheVenueLimitsNamingTheArgument() {
    assertThatThrownBy(() -> BinanceConfig.builder().recvWindow(Duration.ofMillis(60_001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWindow")
        .hasMessageContaining("60000");
    assertThatThrownBy(() -> BinanceConfig.builder().listenKeyKeepAlive(Duration.ofMinutes(60)))
        .hasMessageContaining("listenKeyKeepAlive");
    assertThatThrownBy(() -> BinanceConfig.builder().requestTimeout(Duration.ZERO))
        .hasMessageContaining("requestTimeout");
    assertThatThrownBy(() -> BinanceConfig.builder().timeSyncPeriod(Duration.ofMillis(10)))
        .hasMessageContaining("timeSyncPeriod");
    assertThatThrownBy(() -> BinanceConfig.builder().orderResolveDelay(Duration.ofSeconds(-1)))
        .hasMessageContaining("orderResolveDelay");
  }

  @Test
  void toBuilderKeepsEverySetting() {
    BinanceLimits limits = BinanceLimits.create();
    BinanceConfig c =
        BinanceConfig.builder()
            .recvWindow(Duration.ofSeconds(10))
            .legacyWsPaths(true)
            .httpLogging(true)
            .sharedLimits(limits)
            .build();
    BinanceConfig copy = c.toBuilder().build();
    assertThat(copy.recvWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(copy.legacyWsPaths()).isTrue();
    assertThat(copy.httpLogging()).isTrue();
    assertThat(copy.sharedLimits()).containsSame(limits);
    assertThat(copy.toString()).contains("recvWindow=10000ms");
  }

  @Test
  void limitsReportUsageAndBlocks() {
    AtomicLong clock = new AtomicLong(1_000_000);
    BinanceLimits limits = BinanceLimits.create(clock::get);
    assertThat(limits.limiter().acquire(20, 1)).isZero();
    BinanceLimits.Usage u = limits.usage();
    assertThat(u.usedWeight1m()).isEqualTo(20);
    assertThat(u.orders10s()).isEqualTo(1);
    assertThat(u.weightLimit1m()).isEqualTo(2400);
    assertThat(u.isBanned()).isFalse();
    limits.limiter().onRateLimited(5_000);
    assertThat(limits.usage().isBackingOff()).isTrue();
    assertThat(limits.usage().blockedUntil()).isEqualTo(1_005_000);
    clock.addAndGet(5_000);
    assertThat(limits.usage().isBackingOff()).isFalse();
  }

  @Test
  void retryAfterIsReadInSeconds() {
    assertThat(RestCaller.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(RestCaller.retryAfter(" 0 ")).isEqualTo(Duration.ZERO);
    assertThat(RestCaller.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    assertThat(RestCaller.retryAfter(null)).isNull();
  }

  @Test
  void depthLimitsAreRoundedUpToOnesTheVenueAccepts() {
    assertThat(BinanceMarketData.venueDepthLimit(1)).isEqualTo(5);
    assertThat(BinanceMarketData.venueDepthLimit(20)).isEqualTo(20);
    assertThat(BinanceMarketData.venueDepthLimit(21)).isEqualTo(50);
    assertThat(BinanceMarketData.venueDepthLimit(501)).isEqualTo(1000);
    assertThatThrownBy(() -> BinanceMarketData.venueDepthLimit(1001)).hasMessageContaining("1000");
  }

  @Test
  void signsAnEncodedQueryAsTheReferenceExampleDoes() {
    RequestSigner signer =
        new RequestSigner(
            dev.tradekit.api.Credentials.of(
                "key", "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9"),
            () -> 1591702613943L,
            5000);
    RequestSigner.Signed s =
        signer.signEncoded(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC");
    assertThat(s.signature())
        .isEqualTo("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9");
    assertThat(s.query()).endsWith("&timestamp=1591702613943&signature=" + s.signature());
    assertThatThrownBy(() -> signer.signEncoded("symbol=X&timestamp=1"))
        .hasMessageContaining("timestamp");
  }
}
