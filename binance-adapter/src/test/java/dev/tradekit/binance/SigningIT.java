package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.error.AuthenticationException;
import dev.tradekit.api.error.OrderNotFoundException;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The venue recomputes the HMAC over the raw query it received and accepts every request. */
class SigningIT {
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
  void everySignedRequestVerifiesOnTheVenueSide() throws Exception {
    // ':' '/' '.' are legal in client ids and must be percent-encoded before signing.
    OrderRequest odd =
        OrderRequest.limit("BTCUSDT", Side.BUY, new BigDecimal("0.010"), new BigDecimal("60000"))
            .withClientOrderId("a:b/c.d_e-f");
    Order placed = exchange.trading().place(odd).get(30, TimeUnit.SECONDS);
    assertThat(placed.clientOrderId()).isEqualTo("a:b/c.d_e-f");
    assertThat(
            exchange
                .trading()
                .order(OrderRef.byClientId("BTCUSDT", "a:b/c.d_e-f"))
                .get(30, TimeUnit.SECONDS))
        .contains(placed);
    assertThat(
            exchange
                .trading()
                .placeBatch(List.of(odd.withClientOrderId("x/1"), odd.withClientOrderId("x/2")))
                .get(30, TimeUnit.SECONDS))
        .allMatch(r -> r.isSuccess());
    assertThat(
            exchange
                .trading()
                .cancelBatch(List.of(OrderRef.byClientId("BTCUSDT", "nope:1")))
                .get(30, TimeUnit.SECONDS)
                .get(0)
                .error())
        .isInstanceOf(OrderNotFoundException.class);
    exchange.account().snapshot().get(30, TimeUnit.SECONDS);
    assertThat(exchange.trading().openOrders().get(30, TimeUnit.SECONDS)).hasSize(3);

    assertThat(fake.badSignatures).hasValue(0);
    // openOrders also lists conditional orders (GET /fapi/v1/openAlgoOrders): 8 signed requests
    assertThat(fake.verifiedSignatures.get()).isEqualTo(8);
    FakeBinance.Seen batch = fake.requests("POST", "/fapi/v1/batchOrders").get(0);
    assertThat(batch.rawQuery()).startsWith("batchOrders=%5B%7B%22symbol%22%3A%22BTCUSDT%22");
    assertThat(batch.param("recvWindow")).isEqualTo("5000");
  }

  @Test
  void aWrongSecretIsRefusedAsAnAuthenticationError() throws Exception {
    BinanceExchange wrong =
        TestExchanges.start(
            fake, BinanceConfig.defaults(), Credentials.of(FakeBinance.API_KEY, "not-the-secret"));
    try {
      Throwable t = TestExchanges.failure(wrong.account().positions());
      assertThat(t).isInstanceOf(AuthenticationException.class).hasMessageContaining("-1022");
      assertThat(fake.badSignatures).hasValue(1);
    } finally {
      wrong.close();
    }
  }

  @Test
  void withoutCredentialsSignedCallsFailBeforeSending() throws Exception {
    BinanceExchange anonymous = TestExchanges.start(fake, BinanceConfig.defaults(), null);
    try {
      int before = fake.seen.size();
      assertThat(TestExchanges.failure(anonymous.account().positions()))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials");
      assertThat(anonymous.amendment()).isEmpty();
      assertThat(anonymous.capabilities().userStream()).isFalse();
      assertThat(fake.seen).hasSize(before);
    } finally {
      anonymous.close();
    }
  }

  @Test
  void theStreamsFactoryGetsWorkingRestCalls() throws Exception {
    TestExchanges.RecordingStreams streams = (TestExchanges.RecordingStreams) exchange.streams();
    assertThat(exchange.streams()).isSameAs(streams);
    StreamsContext ctx = streams.context;
    assertThat(ctx.wsBaseUrl()).isEqualTo(TestExchanges.WS);
    assertThat(ctx.authenticated()).isTrue();
    assertThat(ctx.legacyPaths()).isFalse();
    assertThat(ctx.rest().createListenKey().get(30, TimeUnit.SECONDS)).hasSize(64);
    ctx.rest().keepAliveListenKey().get(30, TimeUnit.SECONDS);
    FakeBinance.Seen create = fake.requests("POST", "/fapi/v1/listenKey").get(0);
    assertThat(create.apiKey()).isEqualTo(FakeBinance.API_KEY);
    assertThat(create.params()).doesNotContainKey("signature");
    assertThat(ctx.rest().depth("BTCUSDT", 1000).get(30, TimeUnit.SECONDS).bids()).hasSize(1);
    assertThat(fake.requests("GET", "/fapi/v1/depth").get(0).param("limit")).isEqualTo("1000");
  }
}
