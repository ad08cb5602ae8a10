package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.runtime.VirtualScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account reply's margin fields follow the simulator's margin model. */
class AccountMarginIT {
  static final long T0 = 1_704_067_200_000L;
  FakeBinance fake;
  WireClient client;

  @BeforeEach
  void start() {
    fake =
        FakeBinance.builder()
            .scheduler(new VirtualScheduler(T0))
            .account("key-1", "secret-1", AccountSetup.usdt(new BigDecimal("10000")))
            .start();
    fake.runUntil(T0 + 2_000); // the synthetic market's first books
    client = new WireClient(fake.restBaseUrl(), "key-1", "secret-1");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static BigDecimal field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"(-?[0-9.]+)\"").matcher(json);
    assertThat(m.find()).as(name + " in " + json).isTrue();
    return new BigDecimal(m.group(1));
  }

  private void order(String params) throws Exception {
    HttpResponse<String> r = client.signed("POST", "/fapi/v1/order", params, fake.serverTime());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @Test
  void initialMarginsSplitIntoPositionsAndOpenOrders() throws Exception {
    String flat = client.signed("GET", "/fapi/v2/account", "", fake.serverTime()).body();
    assertThat(field(flat, "totalInitialMargin")).isZero();

    order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010&newClientOrderId=m-1");
    order(
        "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.005&price=40000"
            + "&newClientOrderId=l-1");
    String body = client.signed("GET", "/fapi/v2/account", "", fake.serverTime()).body();

    BigDecimal inUse = field(body, "totalInitialMargin");
    assertThat(inUse)
        .isEqualByComparingTo(
            field(body, "totalMarginBalance").subtract(field(body, "availableBalance")));
    // the resting buy: 0.005 * 40000 / 20
    assertThat(field(body, "totalOpenOrderInitialMargin")).isEqualByComparingTo("10");
    // the long: |notional| / leverage, as the position entry itself says
    String position = body.substring(body.indexOf("\"symbol\":\"BTCUSDT\""));
    BigDecimal notional = field(position, "notional").abs();
    BigDecimal leverage =
        new BigDecimal(position.replaceAll("(?s).*?\"leverage\":\"(\\d+)\".*", "$1"));
    BigDecimal legMargin = notional.divide(leverage, MathContext.DECIMAL64);
    assertThat(field(position, "positionInitialMargin")).isEqualByComparingTo(legMargin);
    assertThat(field(body, "totalPositionInitialMargin")).isEqualByComparingTo(legMargin);
    assertThat(inUse).isEqualByComparingTo(legMargin.add(new BigDecimal("10")));
    assertThat(field(body, "totalMaintMargin")).isZero();
  }
}
