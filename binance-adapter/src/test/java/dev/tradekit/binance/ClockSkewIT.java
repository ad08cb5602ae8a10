package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.error.ClockSkewException;
import dev.tradekit.api.model.AccountSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** -1021: re-sync the server time, then retry the request exactly once. */
class ClockSkewIT {
  private FakeBinance fake;
  private BinanceExchange exchange;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeBinance(2400);
    exchange = TestExchanges.start(fake, BinanceConfig.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    exchange.close();
    fake.close();
  }

  @Test
  void resyncsTheClockAndRetriesOnce() throws Exception {
    assertThat(fake.requests("GET", "/fapi/v1/time")).hasSize(1);
    assertThat(Math.abs(exchange.clockOffsetMillis()))
        .isLessThan(5_000); // half a (cold, maybe slow) round trip at most
    fake.serverTimeOffset.set(30_000); // the venue's clock moved on: our timestamps are stale
    fake.script(
        "GET",
        "/fapi/v2/account",
        s ->
            FakeBinance.error(
                400, -1021, "Timestamp for this request is outside of the recvWindow."));

    AccountSnapshot snapshot = exchange.account().snapshot().get(30, TimeUnit.SECONDS);

    assertThat(snapshot.balance("USDT")).isPresent();
    assertThat(fake.requests("GET", "/fapi/v1/time")).hasSize(2);
    List<FakeBinance.Seen> accounts = fake.requests("GET", "/fapi/v2/account");
    assertThat(accounts).hasSize(2);
    long firstTs = Long.parseLong(accounts.get(0).param("timestamp"));
    long retryTs = Long.parseLong(accounts.get(1).param("timestamp"));
    assertThat(retryTs - firstTs).isBetween(29_000L, 35_000L); // plus the time between the two
    assertThat(exchange.clockOffsetMillis()).isBetween(27_000L, 33_000L);
  }

  @Test
  void aSecondSkewInARowIsReportedNotRetriedAgain() throws Exception {
    for (int i = 0; i < 2; i++) {
      fake.script(
          "GET",
          "/fapi/v2/account",
          s -> FakeBinance.error(400, -1021, "Timestamp for this request was 1000ms ahead."));
    }
    Throwable t = TestExchanges.failure(exchange.account().snapshot());
    assertThat(t).isInstanceOf(ClockSkewException.class);
    assertThat(fake.requests("GET", "/fapi/v2/account")).hasSize(2);
    assertThat(fake.requests("GET", "/fapi/v1/time")).hasSize(2);
  }
}
