package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;

/** A known API key, secret and the signatures never reach a log line or an exception message. */
class SecretsIT {

  @Test
  void credentialsAndSignaturesNeverAppearInLogsOrErrors() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<String> errors = new ArrayList<>();
    FakeBinance fake = new FakeBinance(2400);
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (fake) {
      BinanceExchange ex =
          TestExchanges.start(
              fake,
              BinanceConfig.builder().httpLogging(true).orderResolveDelay(Duration.ZERO).build());
      try {
        // A venue that echoes what it got: the raw query (with the signature) and the key.
        fake.script(
            "GET",
            "/fapi/v2/account",
            s ->
                FakeBinance.error(
                    400, -1022, "Signature for " + s.rawQuery() + " by " + s.apiKey() + " bad"));
        fake.script(
            "POST",
            "/fapi/v1/order",
            s ->
                new MockResponse()
                    .setResponseCode(503)
                    .setBody("Unknown error for key " + FakeBinance.API_KEY));
        for (int i = 0; i <= RestCaller.MAX_TRANSPORT_RETRIES; i++) {
          fake.script(
              "GET",
              "/fapi/v1/order",
              s -> FakeBinance.error(500, -1000, "internal " + s.rawQuery()));
        }
        errors.add(describe(TestExchanges.failure(ex.account().snapshot())));
        errors.add(
            describe(
                TestExchanges.failure(
                    ex.trading()
                        .place(
                            OrderRequest.limit(
                                "BTCUSDT",
                                Side.BUY,
                                new BigDecimal("0.01"),
                                new BigDecimal("60000"))))));
        ex.trading().openOrders().get(30, TimeUnit.SECONDS);
        errors.add(ex.toString());
      } finally {
        ex.close();
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("--> GET /fapi/v2/account?").contains("signature=<redacted>");
    assertThat(fake.signatures).hasSizeGreaterThanOrEqualTo(4);
    List<String> forbidden = new ArrayList<>(fake.signatures);
    forbidden.add(FakeBinance.API_KEY);
    forbidden.add(FakeBinance.SECRET);
    for (String secret : forbidden) {
      assertThat(log).doesNotContain(secret);
      for (String e : errors) {
        assertThat(e).doesNotContain(secret);
      }
    }
    assertThat(errors.get(0)).contains("-1022");
    assertThat(errors.get(1))
        .contains("UnknownOrderStatusException")
        .contains("querying it failed");
    assertThat(fake.requests("GET", "/fapi/v1/order")).hasSize(4);
  }

  /** The exception's class, message and every cause's, as one string. */
  private static String describe(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append(" | ");
    }
    return sb.toString();
  }
}
