package dev.tradekit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.model.AccountUpdate;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.OrderType;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.TimeInForce;
import java.io.IOException;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Mapping of user-stream events (shapes from Binance's USD-M documentation) to SPI values. */
class UserEventMapperTest {
  private final BinanceJson json = new BinanceJson();

  private static final String TRADE =
      "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,\"o\":{"
          + "\"s\":\"BTCUSDT\",\"c\":\"TEST\",\"S\":\"SELL\",\"o\":\"TRAILING_STOP_MARKET\","
          + "\"f\":\"GTC\",\"q\":\"0.001\",\"p\":\"0\",\"ap\":\"9000.5\",\"sp\":\"7103.04\","
          + "\"x\":\"TRADE\",\"X\":\"FILLED\",\"i\":8886774,\"l\":\"0.001\",\"z\":\"0.001\","
          + "\"L\":\"9000.5\",\"N\":\"USDT\",\"n\":\"0.0036002\",\"T\":1568879465650,"
          + "\"t\":12345,\"b\":\"0\",\"a\":\"9.91\",\"m\":false,\"R\":true,\"wt\":\"CONTRACT_PRICE\","
          + "\"ot\":\"TRAILING_STOP_MARKET\",\"ps\":\"LONG\",\"cp\":false,\"rp\":\"-0.25\"}}";

  private UserEventDto.OrderTradeUpdate parse(String text) throws IOException {
    return (UserEventDto.OrderTradeUpdate) json.userEvent(text);
  }

  @Test
  void mapsATradeToAnOrderUpdateAndAFill() throws IOException {
    UserEventDto.OrderTradeUpdate e = parse(TRADE);
    Order o = UserEventMapper.order(e);
    assertThat(o.symbol()).isEqualTo("BTCUSDT");
    assertThat(o.orderId()).isEqualTo("8886774");
    assertThat(o.clientOrderId()).isEqualTo("TEST");
    assertThat(o.side()).isEqualTo(Side.SELL);
    assertThat(o.positionSide()).isEqualTo(PositionSide.LONG);
    assertThat(o.type()).isEqualTo(OrderType.MARKET);
    assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
    assertThat(o.price()).isNull();
    assertThat(o.executedQuantity()).isEqualByComparingTo("0.001");
    assertThat(o.averagePrice()).isEqualByComparingTo("9000.5");
    assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    assertThat(o.reduceOnly()).isTrue();
    assertThat(o.updateTime()).isEqualTo(1568879465650L);

    Fill f = Objects.requireNonNull(UserEventMapper.fill(e));
    assertThat(f.tradeId()).isEqualTo("12345");
    assertThat(f.orderId()).isEqualTo("8886774");
    assertThat(f.price()).isEqualByComparingTo("9000.5");
    assertThat(f.quantity()).isEqualByComparingTo("0.001");
    assertThat(f.commission()).isEqualByComparingTo("0.0036002");
    assertThat(f.commissionAsset()).isEqualTo("USDT");
    assertThat(f.realizedPnl()).isEqualByComparingTo("-0.25");
    assertThat(f.maker()).isFalse();
    assertThat(f.time()).isEqualTo(1568879465650L);
  }

  @Test
  void aNewOrderHasNoFillAndKeepsItsLimitPrice() throws IOException {
    String text =
        TRADE
            .replace("\"x\":\"TRADE\"", "\"x\":\"NEW\"")
            .replace("\"X\":\"FILLED\"", "\"X\":\"NEW\"")
            .replace("\"o\":\"TRAILING_STOP_MARKET\"", "\"o\":\"LIMIT\"")
            .replace("\"p\":\"0\"", "\"p\":\"9100.1\"")
            .replace("\"z\":\"0.001\"", "\"z\":\"0\"")
            .replace("\"l\":\"0.001\"", "\"l\":\"0\"");
    UserEventDto.OrderTradeUpdate e = parse(text);
    Order o = UserEventMapper.order(e);
    assertThat(o.type()).isEqualTo(OrderType.LIMIT);
    assertThat(o.price()).isEqualByComparingTo("9100.1");
    assertThat(o.averagePrice()).isNull();
    assertThat(o.createTime()).isEqualTo(1568879465650L);
    assertThat(UserEventMapper.fill(e)).isNull();
  }

  @Test
  void aClosePositionOrderReportsItsFilledAmountAsQuantity() throws IOException {
    String text =
        TRADE.replace("\"q\":\"0.001\"", "\"q\":\"0\"").replace("\"cp\":false", "\"cp\":true");
    Order o = UserEventMapper.order(parse(text));
    assertThat(o.quantity()).isEqualByComparingTo("0.001");
    assertThat(o.remainingQuantity()).isEqualByComparingTo("0");
  }

  @Test
  void liquidationStatusesFollowTheFilledAmount() {
    assertThat(
            UserEventMapper.status(
                "NEW_INSURANCE", new java.math.BigDecimal("0"), java.math.BigDecimal.ONE))
        .isEqualTo(OrderStatus.NEW);
    assertThat(
            UserEventMapper.status("NEW_ADL", java.math.BigDecimal.ONE, java.math.BigDecimal.ONE))
        .isEqualTo(OrderStatus.FILLED);
    assertThat(UserEventMapper.type("STOP")).isEqualTo(OrderType.LIMIT);
    assertThat(UserEventMapper.timeInForce("GTD")).isNull();
  }

  @Test
  void mapsAnAccountUpdateWithAStringEventTime() throws IOException {
    String text =
        "{\"e\":\"ACCOUNT_UPDATE\",\"E\":\"1564745798939\",\"T\":1564745798938,\"a\":{"
            + "\"m\":\"FUNDING_FEE\",\"B\":[{\"a\":\"USDT\",\"wb\":\"122624.12345678\","
            + "\"cw\":\"100.12345678\",\"bc\":\"50.12345678\"}],\"P\":[{\"s\":\"BTCUSDT\","
            + "\"pa\":\"-20\",\"ep\":\"6563.66500\",\"bep\":\"6563.6\",\"cr\":\"0\","
            + "\"up\":\"2850.21200\",\"mt\":\"isolated\",\"iw\":\"13200.70726908\",\"ps\":\"SHORT\"}]}}";
    AccountUpdate u = UserEventMapper.account((UserEventDto.AccountUpdate) json.userEvent(text));
    assertThat(u.time()).isEqualTo(1564745798938L);
    assertThat(u.reason()).isEqualTo("FUNDING_FEE");
    assertThat(u.balances()).hasSize(1);
    assertThat(u.balances().get(0).walletBalance()).isEqualByComparingTo("122624.12345678");
    assertThat(u.balances().get(0).availableBalance()).isEqualByComparingTo("100.12345678");
    assertThat(u.positions()).hasSize(1);
    assertThat(u.positions().get(0).amount()).isEqualByComparingTo("-20");
    assertThat(u.positions().get(0).positionSide()).isEqualTo(PositionSide.SHORT);
    assertThat(u.positions().get(0).marginType()).isEqualTo(MarginType.ISOLATED);
    assertThat(u.positions().get(0).unrealizedPnl()).isEqualByComparingTo("2850.212");
  }
}
