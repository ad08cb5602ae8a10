package dev.tradekit.backtest.sim;

import static dev.tradekit.backtest.sim.SimKit.SYMBOL;
import static dev.tradekit.backtest.sim.SimKit.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.InsufficientMarginException;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.OrderRejectedException;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.Balance;
import dev.tradekit.api.model.Income;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionMode;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingTest {

  private static OrderRequest market(Side side, String qty) {
    return OrderRequest.market(SYMBOL, side, d(qty));
  }

  private static BigDecimal sum(List<Income> income, String type) {
    return income.stream()
        .filter(i -> i.type().equals(type))
        .map(Income::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void equityNumbersAreTheSnapshotsMarginBalanceAndNotional() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("a", "10000");
    kit.snapshot("99.0", "10", "|", "100.0", "10");
    double[] e = new double[2];
    kit.venue.equity("a", "USDT", e);
    assertThat(e).containsExactly(10000.0, 0.0);
    kit.await(ex.trading().place(market(Side.BUY, "1.5"))); // +1.5 @ 100
    kit.snapshot("109.0", "10", "|", "110.0", "10"); // mark 109.5

    kit.venue.equity("a", "USDT", e);
    AccountSnapshot s = kit.venue.accountSnapshot("a");
    Balance usdt = s.balance("USDT").orElseThrow();
    Position p = s.position(SYMBOL, PositionSide.BOTH).orElseThrow();
    assertThat(e[0]).isEqualTo(usdt.marginBalance().doubleValue());
    assertThat(e[1]).isEqualTo(p.amount().multiply(p.markPrice()).doubleValue());
    assertThat(e[1]).isEqualTo(164.25);
    kit.venue.equity("a", "BTC", e);
    assertThat(e).containsExactly(0.0, 164.25);
  }

  @Test
  void equityOfAFlatAccountIsReusedOnlyUntilTheNextBooking() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("a", "10000");
    kit.snapshot("99.0", "10", "|", "100.0", "10");
    double[] e = new double[2];
    kit.venue.equity("a", "USDT", e);
    kit.venue.equity("a", "USDT", e); // flat and nothing booked: the reused numbers
    assertThat(e).containsExactly(10000.0, 0.0);
    kit.await(ex.trading().place(market(Side.BUY, "1"))); // +1 @ 100, fee 0.05
    kit.snapshot("109.0", "10", "|", "110.0", "10"); // mark 109.5

    kit.venue.equity("a", "USDT", e);
    assertThat(e).containsExactly(new BigDecimal("10009.45").doubleValue(), 109.5);
    kit.await(ex.trading().place(market(Side.SELL, "1"))); // closed @ 109: rpnl 9, fee 0.0545
    kit.venue.equity("a", "USDT", e);
    assertThat(e).containsExactly(new BigDecimal("10008.8955").doubleValue(), 0.0);
    kit.venue.equity("a", "BTC", e); // another asset is not served the USDT numbers
    assertThat(e).containsExactly(0.0, 0.0);
    kit.venue.equity("a", "USDT", e);
    assertThat(e[0])
        .isEqualTo(
            kit.venue
                .accountSnapshot("a")
                .balance("USDT")
                .orElseThrow()
                .marginBalance()
                .doubleValue());
  }

  @Test
  void feesAndRealisedAndUnrealisedPnlToTheCentOverOpenAddPartialCloseAndFlip() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("a", "10000");
    kit.snapshot("99.0", "10", "|", "100.0", "10");
    kit.await(ex.trading().place(market(Side.BUY, "1"))); // +1 @ 100, fee 0.05
    kit.snapshot("109.0", "10", "|", "110.0", "10");
    kit.await(ex.trading().place(market(Side.BUY, "1"))); // +2 @ 105, fee 0.055
    kit.snapshot("120.0", "10", "|", "121.0", "10");
    Order partial = kit.await(ex.trading().place(market(Side.SELL, "0.5"))); // rpnl 7.5, fee 0.03
    kit.snapshot("90.0", "10", "|", "91.0", "10");
    kit.await(ex.trading().place(market(Side.SELL, "3"))); // rpnl -22.5, -1.5 @ 90, fee 0.135
    kit.snapshot("95.0", "10", "|", "95.2", "10"); // mark 95.1

    assertThat(partial.averagePrice()).isEqualByComparingTo("120.0");
    AccountSnapshot s = kit.await(ex.account().snapshot());
    Position p = s.position(SYMBOL, PositionSide.BOTH).orElseThrow();
    assertThat(p.amount()).isEqualByComparingTo("-1.5");
    assertThat(p.entryPrice()).isEqualByComparingTo("90");
    assertThat(p.markPrice()).isEqualByComparingTo("95.1");
    assertThat(p.unrealizedPnl()).isEqualByComparingTo("-7.65"); // -1.5 * (95.1 - 90)

    Balance usdt = s.balance("USDT").orElseThrow();
    // 10000 + 7.5 - 22.5 - (0.05 + 0.055 + 0.03 + 0.135)
    assertThat(usdt.walletBalance()).isEqualByComparingTo("9984.73");
    assertThat(usdt.unrealizedPnl()).isEqualByComparingTo("-7.65");
    // available = wallet + upnl - |amount| * mark / 20 = 9984.73 - 7.65 - 7.1325
    assertThat(usdt.availableBalance()).isEqualByComparingTo("9969.9475");

    List<Income> income = kit.await(ex.account().income(SYMBOL, 0, Long.MAX_VALUE));
    assertThat(sum(income, "REALIZED_PNL")).isEqualByComparingTo("-15");
    assertThat(sum(income, "COMMISSION")).isEqualByComparingTo("-0.27");
    assertThat(income.stream().filter(i -> i.type().equals("REALIZED_PNL")).map(Income::amount))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("7.5"), d("-22.5"));
  }

  @Test
  void hedgeModeHoldsALongAndAShortAtOnce() {
    SimKit kit = new SimKit();
    Exchange ex =
        kit.venue.openAccount(
            "h",
            AccountSetup.builder()
                .balance("USDT", d("10000"))
                .positionMode(PositionMode.HEDGE)
                .build());
    kit.snapshot("99.9", "10", "|", "100.1", "10");
    OrderRequest.Builder b =
        OrderRequest.builder().symbol(SYMBOL).type(dev.tradekit.api.model.OrderType.MARKET);
    kit.await(
        ex.trading()
            .place(b.side(Side.BUY).positionSide(PositionSide.LONG).quantity(d("1")).build()));
    kit.await(
        ex.trading()
            .place(b.side(Side.SELL).positionSide(PositionSide.SHORT).quantity(d("2")).build()));
    // close half the short: BUY on the SHORT leg at 100.1, entry 99.9 -> -0.2 realised
    Order close =
        kit.await(
            ex.trading()
                .place(b.side(Side.BUY).positionSide(PositionSide.SHORT).quantity(d("1")).build()));
    assertThat(close.status()).isEqualTo(OrderStatus.FILLED);

    AccountSnapshot s = kit.await(ex.account().snapshot());
    assertThat(s.positionMode()).isEqualTo(PositionMode.HEDGE);
    Position longLeg = s.position(SYMBOL, PositionSide.LONG).orElseThrow();
    Position shortLeg = s.position(SYMBOL, PositionSide.SHORT).orElseThrow();
    assertThat(longLeg.amount()).isEqualByComparingTo("1");
    assertThat(longLeg.entryPrice()).isEqualByComparingTo("100.1");
    assertThat(shortLeg.amount()).isEqualByComparingTo("-1");
    assertThat(shortLeg.entryPrice()).isEqualByComparingTo("99.9");
    List<Income> income = kit.await(ex.account().income(null, 0, Long.MAX_VALUE));
    assertThat(sum(income, "REALIZED_PNL")).isEqualByComparingTo("-0.2");

    Throwable e = kit.failure(ex.trading().place(market(Side.BUY, "1")));
    assertThat(e).isInstanceOf(InvalidOrderException.class);
    assertThat(((InvalidOrderException) e).code()).isEqualTo(-4061);
  }

  @Test
  void reduceOnlyNeverFlipsAndIsRejectedWhenItCannotReduce() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("r", "10000");
    kit.snapshot("99.9", "10", "|", "100.1", "10");
    kit.await(ex.trading().place(market(Side.BUY, "1")));

    OrderRequest.Builder reduce =
        OrderRequest.builder()
            .symbol(SYMBOL)
            .type(dev.tradekit.api.model.OrderType.MARKET)
            .reduceOnly(true);
    Order capped = kit.await(ex.trading().place(reduce.side(Side.SELL).quantity(d("3")).build()));
    assertThat(capped.executedQuantity()).isEqualByComparingTo("1");
    assertThat(capped.status()).isEqualTo(OrderStatus.EXPIRED);
    List<Position> positions = kit.await(ex.account().positions());
    assertThat(positions).isEmpty();

    Throwable e = kit.failure(ex.trading().place(reduce.side(Side.SELL).quantity(d("1")).build()));
    assertThat(e).isInstanceOf(OrderRejectedException.class);
    assertThat(((OrderRejectedException) e).code()).isEqualTo(-2022);

    kit.await(ex.trading().place(market(Side.BUY, "1")));
    Throwable sameSide =
        kit.failure(ex.trading().place(reduce.side(Side.BUY).quantity(d("1")).build()));
    assertThat(((OrderRejectedException) sameSide).code()).isEqualTo(-2022);
  }

  @Test
  void restingReduceOnlyExpiresWhenThePositionIsClosedElsewhere() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("r", "10000");
    kit.snapshot("99.9", "10", "|", "100.1", "10");
    kit.await(ex.trading().place(market(Side.BUY, "1")));
    Order tp =
        kit.await(
            ex.trading()
                .place(
                    OrderRequest.builder()
                        .symbol(SYMBOL)
                        .side(Side.SELL)
                        .quantity(d("1"))
                        .price(d("105.0"))
                        .reduceOnly(true)
                        .build()));
    assertThat(tp.status()).isEqualTo(OrderStatus.NEW);
    kit.await(ex.trading().place(market(Side.SELL, "1")));
    assertThat(kit.await(ex.trading().openOrders(SYMBOL))).isEmpty();
  }

  @Test
  void orderBeyondTheAvailableMarginIsRejectedWithTheTypedError() {
    SimKit kit = new SimKit();
    Exchange ex = kit.account("m", "100"); // leverage 20: 2000 USDT of notional
    kit.snapshot("99.0", "100", "|", "101.0", "100");
    Throwable e =
        kit.failure(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("25"), d("100.0"))));
    assertThat(e).isInstanceOf(InsufficientMarginException.class);
    assertThat(((InsufficientMarginException) e).code()).isEqualTo(-2019);
    assertThat(e.getMessage()).contains("needs 125 USDT").contains("available is 100 USDT");

    kit.await(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("19"), d("100.0")))); // 95
    kit.await(
        ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("1"), d("100.0")))); // 5 of 5
    Throwable more =
        kit.failure(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("0.1"), d("100.0"))));
    assertThat(more).isInstanceOf(InsufficientMarginException.class);
    // a sell against nothing needs margin too, but a reduce-only one is never charged
    assertThat(
            kit.failure(
                ex.trading().place(OrderRequest.limit(SYMBOL, Side.SELL, d("1"), d("102.0")))))
        .isInstanceOf(InsufficientMarginException.class);
  }

  @Test
  void fundingMakesLongsPayAPositiveRateAtTheMark() {
    long first = SimKit.T0 + 60_000;
    SimKit kit =
        new SimKit(
            b ->
                b.fundingRates(
                    SYMBOL, FundingSeries.every(Duration.ofHours(8), first, d("0.0001"))));
    Exchange longs = kit.account("long", "10000");
    Exchange shorts = kit.account("short", "10000");
    kit.venue.onMarketEvent(new dev.tradekit.backtest.data.MarketEvent()); // ignored: no symbol
    kit.snapshot("99.9", "10", "|", "100.1", "10");
    kit.await(longs.trading().place(market(Side.BUY, "2")));
    kit.await(shorts.trading().place(market(Side.SELL, "2")));
    kit.snapshot("99.9", "10", "|", "100.1", "10"); // mark 100
    kit.clock.advanceTo(first);

    List<Income> paid = kit.await(longs.account().income(SYMBOL, first, first));
    assertThat(paid).extracting(Income::type).containsExactly("FUNDING_FEE");
    assertThat(paid.get(0).amount()).isEqualByComparingTo("-0.02"); // -2 * 100 * 0.0001
    List<Income> received = kit.await(shorts.account().income(SYMBOL, first, first));
    assertThat(received.get(0).amount()).isEqualByComparingTo("0.02");
    // the next one comes 8 h later
    kit.clock.advanceBy(Duration.ofHours(8));
    assertThat(sum(kit.await(longs.account().income(SYMBOL, 0, Long.MAX_VALUE)), "FUNDING_FEE"))
        .isEqualByComparingTo("-0.04");
  }
}
