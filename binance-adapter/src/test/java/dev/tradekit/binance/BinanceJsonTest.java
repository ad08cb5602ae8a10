package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offline parsing tests on frames shaped as in the Binance USD-M documentation. */
class BinanceJsonTest {
  private final BinanceJson json = new BinanceJson();

  @Test
  void readsOrderTradeUpdate() throws IOException {
    String frame =
        "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,\"o\":{"
            + "\"s\":\"BTCUSDT\",\"c\":\"TEST\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"GTC\","
            + "\"q\":\"0.002\",\"p\":\"7103.04\",\"ap\":\"7103.04\",\"sp\":\"0\",\"x\":\"TRADE\","
            + "\"X\":\"PARTIALLY_FILLED\",\"i\":8886774,\"l\":\"0.001\",\"z\":\"0.001\","
            + "\"L\":\"7103.04\",\"N\":\"USDT\",\"n\":\"0.00284\",\"T\":1568879465650,"
            + "\"t\":123,\"b\":\"0\",\"a\":\"9.91\",\"m\":true,\"R\":false,"
            + "\"wt\":\"CONTRACT_PRICE\",\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,"
            + "\"AP\":\"7476.89\",\"cr\":\"5.0\",\"pP\":false,\"si\":0,\"ss\":0,\"rp\":\"0.5\","
            + "\"V\":\"EXPIRE_TAKER\",\"pm\":\"NONE\",\"gtd\":0}}";
    UserEventDto e = json.userEvent(frame);
    assertThat(e).isInstanceOf(UserEventDto.OrderTradeUpdate.class);
    UserEventDto.OrderTradeUpdate u = (UserEventDto.OrderTradeUpdate) e;
    assertThat(u.eventTime).isEqualTo(1568879465651L);
    assertThat(u.transactionTime).isEqualTo(1568879465650L);
    UserEventDto.OrderUpdate o = u.order;
    assertThat(o.symbol).isEqualTo("BTCUSDT");
    assertThat(o.clientOrderId).isEqualTo("TEST");
    assertThat(o.side).isEqualTo("SELL");
    assertThat(o.orderType).isEqualTo("LIMIT");
    assertThat(o.executionType).isEqualTo("TRADE");
    assertThat(o.status).isEqualTo("PARTIALLY_FILLED");
    assertThat(o.orderId).isEqualTo(8886774L);
    assertThat(o.lastFilledQty).isEqualTo("0.001");
    assertThat(o.lastFilledPrice).isEqualTo("7103.04");
    assertThat(o.commission).isEqualTo("0.00284");
    assertThat(o.commissionAsset).isEqualTo("USDT");
    assertThat(o.tradeId).isEqualTo(123L);
    assertThat(o.maker).isTrue();
    assertThat(o.realizedProfit).isEqualTo("0.5");
    assertThat(o.selfTradePreventionMode).isEqualTo("EXPIRE_TAKER");
  }

  @Test
  void readsAccountUpdate() throws IOException {
    String frame =
        "{\"e\":\"ACCOUNT_UPDATE\",\"E\":1564745798939,\"T\":1564745798938,\"a\":{\"m\":\"ORDER\","
            + "\"B\":[{\"a\":\"USDT\",\"wb\":\"122624.12345678\",\"cw\":\"100.12345678\","
            + "\"bc\":\"50.12345678\"}],\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"20\","
            + "\"ep\":\"6563.66500\",\"bep\":\"6563.7\",\"cr\":\"0\",\"up\":\"2850.21200\","
            + "\"mt\":\"isolated\",\"iw\":\"13200.70726908\",\"ps\":\"LONG\"}]}}";
    UserEventDto.AccountUpdate u = (UserEventDto.AccountUpdate) json.userEvent(frame);
    assertThat(u.account.reason).isEqualTo("ORDER");
    assertThat(u.account.balances)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.asset).isEqualTo("USDT");
              assertThat(b.walletBalance).isEqualTo("122624.12345678");
              assertThat(b.balanceChange).isEqualTo("50.12345678");
            });
    UserEventDto.PositionUpdate p = u.account.positions.get(0);
    assertThat(p.positionAmt).isEqualTo("20");
    assertThat(p.entryPrice).isEqualTo("6563.66500");
    assertThat(p.marginType).isEqualTo("isolated");
    assertThat(p.positionSide).isEqualTo("LONG");
  }

  @Test
  void readsListenKeyExpiredWithItsTimeAsAString() throws IOException {
    UserEventDto e =
        json.userEvent(
            "{\"e\":\"listenKeyExpired\",\"E\":\"1736996475556\",\"listenKey\":\"WsCMN0a4K\"}");
    assertThat(e).isInstanceOf(UserEventDto.ListenKeyExpired.class);
    assertThat(e.eventTime).isEqualTo(1736996475556L);
    assertThat(((UserEventDto.ListenKeyExpired) e).listenKey).isEqualTo("WsCMN0a4K");
  }

  @Test
  void unknownUserEventsAreKeptNotFailed() throws IOException {
    UserEventDto e =
        json.userEvent(
            "{\"stream\":\"k\",\"data\":{\"e\":\"TRADE_LITE\",\"E\":1721895408092,\"s\":\"X\"}}");
    assertThat(e).isInstanceOf(UserEventDto.Unknown.class);
    assertThat(e.eventType).isEqualTo("TRADE_LITE");
    assertThat(e.eventTime).isEqualTo(1721895408092L);
  }

  @Test
  void readsMarkPriceFramesAndRawEvents() throws IOException {
    MarketFrame f =
        json.marketFrame(
            "{\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\","
                + "\"E\":1562305380000,\"s\":\"BTCUSDT\",\"p\":\"11794.15000000\","
                + "\"i\":\"11784.62659091\",\"P\":\"11784.25641265\",\"r\":\"0.00038167\","
                + "\"T\":1562306400000}}");
    assertThat(f.stream()).isEqualTo("btcusdt@markPrice");
    MarketEventDto.MarkPrice m = (MarketEventDto.MarkPrice) f.data();
    assertThat(m.markPrice).isEqualTo("11794.15000000");
    assertThat(m.indexPrice).isEqualTo("11784.62659091");
    assertThat(m.fundingRate).isEqualTo("0.00038167");
    assertThat(m.nextFundingTime).isEqualTo(1562306400000L);

    MarketFrame raw =
        json.marketFrame(
            "{\"e\":\"trade\",\"E\":1,\"T\":2,\"s\":\"ETHUSDT\",\"t\":\"77\",\"p\":\"1.5\","
                + "\"q\":\"2\",\"X\":\"MARKET\",\"m\":true}");
    assertThat(raw.stream()).isEmpty();
    MarketEventDto.Trade t = (MarketEventDto.Trade) raw.data();
    assertThat(t.tradeId).isEqualTo(77L);
    assertThat(t.buyerIsMaker).isTrue();
  }

  @Test
  void aFrameWithoutDataIsAnError() {
    assertThatThrownBy(() -> json.marketFrame("{\"stream\":\"btcusdt@trade\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("btcusdt@trade");
  }

  @Test
  void readsErrorBodiesAndToleratesNonJson() {
    ErrorBodyDto e = json.errorBody("{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}");
    assertThat(e.code).isEqualTo(-2019);
    assertThat(e.msg).isEqualTo("Margin is insufficient.");
    ErrorBodyDto html = json.errorBody("<html><body>502 Bad Gateway</body></html>\n");
    assertThat(html.code).isZero();
    assertThat(html.msg).isEqualTo("<html><body>502 Bad Gateway</body></html>");
    assertThat(json.errorBody("").msg).isEmpty();
    assertThat(json.errorBody("{\"unrelated\":true}").code).isZero();
  }

  @Test
  void readsSmallReplies() throws IOException {
    assertThat(json.parse(ServerTimeDto.class, "{\"serverTime\":1499827319559}").serverTime)
        .isEqualTo(1499827319559L);
    assertThat(
            json.parse(ListenKeyDto.class, "{\"listenKey\":\"pqia91ma19a5s61cv6a81\"}").listenKey)
        .isEqualTo("pqia91ma19a5s61cv6a81");
    BookTickerDto b =
        json.parseList(
                BookTickerDto.class,
                "[{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"4.00000000\",\"bidQty\":\"431.00000000\","
                    + "\"askPrice\":\"4.00000200\",\"askQty\":\"9.00000000\","
                    + "\"time\":1589437530011,\"lastUpdateId\":1027024}]")
            .get(0);
    assertThat(b.askPrice).isEqualTo("4.00000200");
    assertThat(b.lastUpdateId).isEqualTo(1027024L);
    Ticker24hDto t =
        json.parse(
            Ticker24hDto.class,
            "{\"symbol\":\"BTCUSDT\",\"priceChange\":\"-94.99999800\",\"lastPrice\":\"4.00000200\","
                + "\"quoteVolume\":\"15.30000000\",\"openTime\":1499783499040,"
                + "\"closeTime\":1499869899040,\"firstId\":28385,\"lastId\":28460,\"count\":76}");
    assertThat(t.quoteVolume).isEqualTo("15.30000000");
    assertThat(t.count).isEqualTo(76);
  }

  @Test
  void readsBatchRepliesMixingOrdersAndErrors() throws IOException {
    List<OrderDto> replies =
        json.parseList(
            OrderDto.class,
            "[{\"orderId\":1,\"symbol\":\"BTCUSDT\",\"status\":\"NEW\",\"clientOrderId\":\"a\"},"
                + "{\"code\":-2022,\"msg\":\"ReduceOnly Order is rejected.\"}]");
    assertThat(replies.get(0).isError()).isFalse();
    assertThat(replies.get(0).orderId).isEqualTo(1L);
    assertThat(replies.get(1).isError()).isTrue();
    assertThat(replies.get(1).code).isEqualTo(-2022);
  }

  @Test
  void writesKlinesAndLevelsBackAsArrays() {
    KlineDto k = new KlineDto(1, "2", "3", "1", "2", "5", 60_000, "9", 4, "1", "2");
    assertThat(json.moshi().adapter(KlineDto.class).toJson(k))
        .isEqualTo("[1,\"2\",\"3\",\"1\",\"2\",\"5\",60000,\"9\",4,\"1\",\"2\",\"0\"]");
    assertThat(json.moshi().adapter(PriceLevel.class).toJson(new PriceLevel("1.5", "0")))
        .isEqualTo("[\"1.5\",\"0\"]");
  }
}
