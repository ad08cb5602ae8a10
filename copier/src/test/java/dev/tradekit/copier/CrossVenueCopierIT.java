package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.FakeBybit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copy trading across venues, each over its real adapter and local fake: a leader on Binance copied
 * by a follower on Bybit, and a leader on Bybit copied by a follower on Binance. Each follower ends
 * at half the leader's position, once per leader fill.
 */
class CrossVenueCopierIT {
  private static final String SYMBOL = "BTCUSDT";

  private FakeBinance binance;
  private FakeBybit bybit;
  private LiveScheduler clock;
  private final List<Exchange> adapters = new ArrayList<>();
  private final List<TradeCopier> copiers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    AccountSetup usdt = AccountSetup.usdt(new BigDecimal("100000"));
    binance =
        FakeBinance.builder()
            .account("leader", "s-l", usdt)
            .account("follower", "s-f", usdt)
            .start();
    bybit =
        FakeBybit.builder().account("leader", "s-l", usdt).account("follower", "s-f", usdt).start();
    await("both books live", () -> live(binance.venue(), binance) && live(bybit.venue(), bybit));
    clock = LiveScheduler.create("cross-venue-copier");
  }

  private static boolean live(SimVenue venue, Object fake) {
    java.util.function.Supplier<Boolean> probe =
        () -> venue.book(SYMBOL).depth(Side.BUY) > 0 && venue.book(SYMBOL).depth(Side.SELL) > 0;
    return fake instanceof FakeBinance b
        ? b.onVenueThread(probe)
        : ((FakeBybit) fake).onVenueThread(probe);
  }

  @AfterEach
  void stop() {
    copiers.forEach(TradeCopier::stop);
    clock.close();
    adapters.forEach(Exchange::close);
    binance.close();
    bybit.close();
  }

  private Exchange open(Exchange ex) {
    adapters.add(ex);
    return ex;
  }

  @Test
  void aBinanceLeaderIsCopiedOnBybit() throws Exception {
    copy(open(binance.adapter("leader").build()), open(bybit.adapter("follower").build()));
    Exchange leader = adapters.get(0);
    leader
        .trading()
        .place(OrderRequest.market(SYMBOL, Side.BUY, bd("0.010")))
        .get(30, TimeUnit.SECONDS);
    await("bybit follower long 0.005", () -> position(bybit.venue()).compareTo(bd("0.005")) == 0);
    leader
        .trading()
        .place(OrderRequest.market(SYMBOL, Side.SELL, bd("0.004")))
        .get(30, TimeUnit.SECONDS);
    await("bybit follower long 0.003", () -> position(bybit.venue()).compareTo(bd("0.003")) == 0);
    assertThat(bybit.venue().fills("follower")).isNotEmpty();
  }

  @Test
  void aBybitLeaderIsCopiedOnBinance() throws Exception {
    copy(open(bybit.adapter("leader").build()), open(binance.adapter("follower").build()));
    Exchange leader = adapters.get(0);
    leader
        .trading()
        .place(OrderRequest.market(SYMBOL, Side.SELL, bd("0.008")))
        .get(30, TimeUnit.SECONDS);
    await(
        "binance follower short 0.004",
        () -> position(binance.venue()).compareTo(bd("-0.004")) == 0);
    leader
        .trading()
        .place(OrderRequest.market(SYMBOL, Side.BUY, bd("0.008")))
        .get(30, TimeUnit.SECONDS);
    await("binance follower flat", () -> position(binance.venue()).signum() == 0);
    assertThat(binance.venue().fills("follower")).hasSizeGreaterThanOrEqualTo(2);
  }

  private void copy(Exchange leader, Exchange follower) throws Exception {
    CopyJournal journal = CopyJournals.inMemory();
    TradeCopier copier =
        TradeCopier.builder()
            .leader(leader)
            .journal(journal)
            .scheduler(clock)
            .symbols(SYMBOL)
            .follower(
                "follower",
                follower,
                CopyPolicies.fixedRatio(bd("0.5")).andThen(CopyPolicies.copyEachFill()))
            .build();
    copiers.add(copier);
    copier.start().get(30, TimeUnit.SECONDS);
  }

  private static BigDecimal position(SimVenue venue) {
    try {
      return venue.account("follower").account().positions().get(30, TimeUnit.SECONDS).stream()
          .filter(p -> p.symbol().equals(SYMBOL) && p.positionSide() == PositionSide.BOTH)
          .map(Position::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }
}
