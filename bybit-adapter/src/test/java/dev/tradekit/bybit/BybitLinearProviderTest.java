package dev.tradekit.bybit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.KlineInterval;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BybitLinearProviderTest {

  @Test
  void serviceLoaderFindsBybitLinearAndItsExchangeNamesTheVenue() {
    try (Exchange ex =
        Exchanges.builder("bybit-linear").restBaseUrl("http://127.0.0.1:9").build()) {
      assertThat(ex.venue()).isEqualTo("bybit-linear");
      assertThat(ex.capabilities().maxBatchPlace()).isEqualTo(10);
      assertThat(ex.capabilities().userStream()).isFalse();
      assertThat(ex.amendment()).isEmpty();
      assertThat(ex.deadManSwitch()).isEmpty();
    }
  }

  @Test
  void anUnknownOptionIsRefusedByName() {
    assertThatThrownBy(() -> Exchanges.builder("bybit-linear").option("recvWndow", "5000").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recvWndow")
        .hasMessageContaining("bookDepth, recvWindow, settleCoin");
  }

  @Test
  void builderValidatesEachSettingAndSaysWhy() {
    assertThatThrownBy(() -> BybitConfig.builder().recvWindow(Duration.ofSeconds(61)))
        .hasMessageContaining("60000 ms");
    assertThatThrownBy(() -> BybitConfig.builder().bookDepth(25))
        .hasMessageContaining("1, 50, 200, 1000");
    assertThatThrownBy(() -> BybitConfig.builder().settleCoin("usdt"))
        .hasMessageContaining("upper-case");
    assertThatThrownBy(() -> BybitConfig.builder().requestTimeout(Duration.ofMinutes(6)))
        .hasMessageContaining("at most 5 min");
    BybitConfig c = BybitConfig.builder().bookDepth(200).settleCoin("USDC").build();
    assertThat(c.bookDepth()).isEqualTo(200);
    assertThat(c.settleCoin()).isEqualTo("USDC");
    assertThat(BybitConfig.defaults().recvWindow()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void optionsOverrideTheExtension() {
    try (Exchange ex =
        Exchanges.builder("bybit-linear")
            .restBaseUrl("http://127.0.0.1:9")
            .option("bookDepth", "1000")
            .build()) {
      assertThat(ex).isInstanceOf(BybitExchange.class);
    }
    assertThatThrownBy(() -> Exchanges.builder("bybit-linear").option("bookDepth", "many").build())
        .hasMessageContaining("whole number");
  }

  @Test
  void theExchangeNeverShowsItsSecret() {
    try (Exchange ex =
        Exchanges.builder("bybit-linear")
            .restBaseUrl("http://127.0.0.1:9")
            .credentials(Credentials.of("key-123", "very-secret-value"))
            .build()) {
      assertThat(ex.toString()).doesNotContain("very-secret-value");
      assertThat(ex.amendment()).isPresent();
      assertThat(ex.capabilities().userStream()).isTrue();
    }
  }

  @Test
  void aTradeRowIsRealisedPnlAndCommissionAndASettlementIsFunding() {
    BybitWire.TransactionDto trade = new BybitWire.TransactionDto();
    trade.id = "t1";
    trade.symbol = "BTCUSDT";
    trade.type = "TRADE";
    trade.currency = "USDT";
    trade.cashFlow = "12.5";
    trade.fee = "0.3";
    trade.transactionTime = 1_700_000_000_000L;
    List<Income> incomes = BybitAccount.incomes(trade);
    assertThat(incomes).extracting(Income::type).containsExactly("REALIZED_PNL", "COMMISSION");
    assertThat(incomes.get(0).amount()).isEqualByComparingTo("12.5");
    assertThat(incomes.get(1).amount()).isEqualByComparingTo("-0.3");
    BybitWire.TransactionDto funding = new BybitWire.TransactionDto();
    funding.id = "f1";
    funding.type = "SETTLEMENT";
    funding.change = "-0.04";
    assertThat(BybitAccount.incomes(funding))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.type()).isEqualTo("FUNDING_FEE");
              assertThat(i.amount()).isEqualByComparingTo("-0.04");
            });
  }

  @Test
  void aCoinsAvailableBalanceIsEquityLessMarginInUse() {
    BybitWire.CoinDto c = new BybitWire.CoinDto();
    c.coin = "USDT";
    c.walletBalance = "1000";
    c.unrealisedPnl = "-20";
    c.equity = "980";
    c.totalPositionIM = "100";
    c.totalOrderIM = "30";
    c.locked = "0";
    Balance b = BybitAccount.balance(c);
    assertThat(b.walletBalance()).isEqualByComparingTo("1000");
    assertThat(b.availableBalance()).isEqualByComparingTo("850");
    assertThat(b.unrealizedPnl()).isEqualByComparingTo("-20");
  }

  @Test
  void aRestCandleClosesOneMillisecondBeforeTheNextOpens() {
    var k =
        BybitMarketData.kline(
            "BTCUSDT",
            KlineInterval.H1,
            List.of("1700000000000", "100", "110", "90", "105", "3.5", "367.5"));
    assertThat(k.closeTime()).isEqualTo(1_700_000_000_000L + 3_600_000 - 1);
    assertThat(k.quoteVolume()).isEqualByComparingTo("367.5");
    assertThat(BybitMarketData.closeTime(KlineInterval.MN1, 1_704_067_200_000L))
        .isEqualTo(1_706_745_600_000L - 1);
  }
}
