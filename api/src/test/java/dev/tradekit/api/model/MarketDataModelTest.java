package dev.tradekit.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Market-data values, enums and queries. */
class MarketDataModelTest {
  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private static PriceLevel level(String price, String qty) {
    return new PriceLevel(d(price), d(qty));
  }

  @Test
  void bookSnapshotExposesBestLevels() {
    OrderBookSnapshot book =
        new OrderBookSnapshot(
            "BTCUSDT",
            42L,
            1L,
            List.of(level("100.1", "1"), level("100.0", "2")),
            List.of(level("100.2", "3"), level("100.5", "4")));
    assertThat(book.bestBid().orElseThrow().price()).isEqualByComparingTo("100.1");
    assertThat(book.bestAsk().orElseThrow().quantity()).isEqualByComparingTo("3");
    OrderBookSnapshot empty = new OrderBookSnapshot("BTCUSDT", 0L, 0L, List.of(), List.of());
    assertThat(empty.bestBid()).isEmpty();
    assertThat(empty.bestAsk()).isEmpty();
  }

  @Test
  void bookSnapshotRejectsMisorderedSides() {
    assertThatThrownBy(
            () ->
                new OrderBookSnapshot(
                    "BTCUSDT", 1L, 1L, List.of(level("100", "1"), level("100.5", "1")), List.of()))
        .hasMessage("bids must be strictly descending by price, but bids[1] = 100.5 follows 100");
    assertThatThrownBy(
            () ->
                new OrderBookSnapshot(
                    "BTCUSDT", 1L, 1L, List.of(), List.of(level("101", "1"), level("101.0", "1"))))
        .hasMessage("asks must be strictly ascending by price, but asks[1] = 101 follows 101");
    assertThatThrownBy(() -> level("-1", "1")).hasMessage("price must be >= 0 but was -1");
  }

  @Test
  void tradeAggressorIsTheTakerSide() {
    Trade buyerMaker = new Trade("BTCUSDT", "1", d("1"), d("1"), true, 0L);
    assertThat(buyerMaker.aggressorSide()).isEqualTo(Side.SELL);
    assertThat(new Trade("BTCUSDT", "2", d("1"), d("1"), false, 0L).aggressorSide())
        .isEqualTo(Side.BUY);
  }

  @Test
  void klineRequiresHighAndLowToBoundTheBar() {
    Kline ok = kline("10", "12", "9", "11");
    assertThat(ok.high()).isEqualByComparingTo("12");
    assertThatThrownBy(() -> kline("10", "10.5", "9", "11"))
        .hasMessage("high 10.5 must be >= open, close and low, but one of them is 11");
    assertThatThrownBy(() -> kline("10", "12", "10.5", "11"))
        .hasMessage("low 10.5 must be <= open, close and high, but one of them is 10");
    assertThatThrownBy(
            () ->
                new Kline(
                    "BTCUSDT",
                    KlineInterval.M1,
                    60_000L,
                    59_999L,
                    d("1"),
                    d("1"),
                    d("1"),
                    d("1"),
                    d("0"),
                    d("0"),
                    0L,
                    d("0")))
        .hasMessage("closeTime 59999 must not be before openTime 60000");
  }

  private static Kline kline(String open, String high, String low, String close) {
    return new Kline(
        "BTCUSDT",
        KlineInterval.M1,
        0L,
        59_999L,
        d(open),
        d(high),
        d(low),
        d(close),
        d("5"),
        d("55"),
        3L,
        d("2"));
  }

  @Test
  void bookTickerAndTickerRejectNegativeValues() {
    assertThatThrownBy(() -> new BookTicker("BTCUSDT", 1L, d("-1"), d("1"), d("2"), d("1"), 0L))
        .hasMessage("bidPrice must be >= 0 but was -1");
    Ticker24h t =
        new Ticker24h(
            "BTCUSDT", d("1"), d("2"), d("2"), d("1"), d("10"), d("15"), d("-50"), 0L, 1L, 7L);
    assertThat(t.priceChangePercent()).isEqualByComparingTo("-50");
    assertThatThrownBy(
            () ->
                new Ticker24h(
                    "BTCUSDT", d("1"), d("2"), d("2"), d("1"), d("10"), d("15"), d("0"), 5L, 1L,
                    7L))
        .hasMessage("closeTime 1 must not be before openTime 5");
  }

  @Test
  void incomeAllowsAnEmptySymbolForAccountWideEntries() {
    Income transfer = new Income("", "TRANSFER", d("100"), "USDT", 1L, "12345");
    assertThat(transfer.symbol()).isEmpty();
    assertThatThrownBy(() -> new Income("BTCUSDT", "", d("1"), "USDT", 1L, "1"))
        .hasMessage("type must not be blank");
  }

  @Test
  void orderStatusSplitsIntoOpenAndTerminal() {
    assertThat(OrderStatus.NEW.isOpen()).isTrue();
    assertThat(OrderStatus.PARTIALLY_FILLED.isOpen()).isTrue();
    for (OrderStatus s :
        List.of(
            OrderStatus.FILLED,
            OrderStatus.CANCELED,
            OrderStatus.REJECTED,
            OrderStatus.EXPIRED,
            OrderStatus.EXPIRED_IN_MATCH)) {
      assertThat(s.isTerminal()).as(s.name()).isTrue();
      assertThat(s.isOpen()).as(s.name()).isFalse();
    }
    assertThat(OrderStatus.NEW.isTerminal()).isFalse();
  }

  @Test
  void klineIntervalsMapCodesAndLengths() {
    assertThat(KlineInterval.fromCode("1m")).isEqualTo(KlineInterval.M1);
    assertThat(KlineInterval.fromCode("1M")).isEqualTo(KlineInterval.MN1);
    assertThat(KlineInterval.fromCode("4h").millis()).isEqualTo(4 * 3_600_000L);
    assertThat(KlineInterval.W1.millis()).isEqualTo(604_800_000L);
    assertThat(KlineInterval.MN1.millis()).isEqualTo(2_592_000_000L);
    for (KlineInterval i : KlineInterval.values()) {
      assertThat(KlineInterval.fromCode(i.code())).isEqualTo(i);
    }
    assertThatThrownBy(() -> KlineInterval.fromCode("2m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown kline interval code '2m'; expected one of 1m, 3m, 5m,")
        .hasMessageContaining("1w, 1M");
  }

  @Test
  void userTradesQueryDefaultsAndVenueRules() {
    UserTradesQuery q = UserTradesQuery.builder().symbol("BTCUSDT").build();
    assertThat(q.limit()).isEqualTo(500);
    assertThat(q.fromId()).isNull();
    long day = 86_400_000L;
    assertThat(UserTradesQuery.builder().symbol("BTCUSDT").startTime(0L).endTime(7 * day).build())
        .extracting(UserTradesQuery::endTime)
        .isEqualTo(7 * day);
    assertThatThrownBy(
            () ->
                UserTradesQuery.builder()
                    .symbol("BTCUSDT")
                    .startTime(0L)
                    .endTime(7 * day + 1)
                    .build())
        .hasMessageContaining("exceeds the venue's 7 days");
    assertThatThrownBy(
            () -> UserTradesQuery.builder().symbol("BTCUSDT").fromId(5L).startTime(0L).build())
        .hasMessageStartingWith("fromId cannot be combined with startTime/endTime");
    assertThatThrownBy(() -> UserTradesQuery.builder().symbol("BTCUSDT").limit(1001).build())
        .hasMessage("limit must be between 1 and 1000 but was 1001");
    assertThatThrownBy(
            () -> UserTradesQuery.builder().symbol("BTCUSDT").startTime(10L).endTime(5L).build())
        .hasMessage("endTime 5 must not be before startTime 10");
  }

  @Test
  void klineQueryDefaultsAndLimits() {
    KlineQuery q = KlineQuery.of("BTCUSDT", KlineInterval.H1);
    assertThat(q.limit()).isEqualTo(500);
    assertThat(
            KlineQuery.builder().symbol("BTCUSDT").interval(KlineInterval.M1).limit(1500).build())
        .extracting(KlineQuery::limit)
        .isEqualTo(1500);
    assertThatThrownBy(
            () ->
                KlineQuery.builder()
                    .symbol("BTCUSDT")
                    .interval(KlineInterval.M1)
                    .limit(1501)
                    .build())
        .hasMessage("limit must be between 1 and 1500 but was 1501");
    assertThatThrownBy(() -> KlineQuery.builder().symbol("BTCUSDT").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("interval");
  }
}
