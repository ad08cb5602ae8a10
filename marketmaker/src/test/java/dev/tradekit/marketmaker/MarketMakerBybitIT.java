package dev.tradekit.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.testkit.FakeBybit;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The market maker, unchanged, on {@code bybit-linear}: the real Bybit adapter against {@link
 * FakeBybit}. Quotes reach the venue, a filled quote is requoted, and stopping cancels every order;
 * the engine arms Bybit's disconnect-cancel-all as its dead-man switch throughout.
 */
class MarketMakerBybitIT {
  private static final long AWAIT_MS = 30_000;

  private FakeBybit fake;
  private Exchange mmEx;
  private Exchange takerEx;
  private LiveScheduler botClock;

  @BeforeEach
  void start() {
    fake =
        FakeBybit.builder()
            .source(FakeVenueSupport.market())
            .account("key-mm", "secret-mm", AccountSetup.usdt(new BigDecimal("100000")))
            .account("key-t", "secret-t", AccountSetup.usdt(new BigDecimal("1000000")))
            .start();
    mmEx = fake.adapter("key-mm").build();
    takerEx = fake.adapter("key-t").build();
    botClock = LiveScheduler.create("mm-bybit");
  }

  @AfterEach
  void stop() {
    botClock.close();
    mmEx.close();
    takerEx.close();
    fake.close();
  }

  private List<Order> venueOrders() throws Exception {
    return FakeVenueSupport.venueOrders(fake.venue(), "key-mm");
  }

  private BooleanSupplier venueHas(int count) {
    return FakeVenueSupport.venueHas(fake.venue(), "key-mm", count);
  }

  private static void await(BooleanSupplier condition, String what, MarketMaker bot)
      throws Exception {
    FakeVenueSupport.await(condition, AWAIT_MS, what, bot);
  }

  @Test
  void quotesOnBybitAreRequotedAfterAFillAndStopCancelsEveryOrder() throws Exception {
    MarketMaker mm =
        MarketMaker.builder()
            .name("mmby")
            .exchange(mmEx)
            .symbol("BTCUSDT")
            .strategy(Strategies.fixedSpread())
            .parameters(QuoteParameters.of(new BigDecimal("0.00002"), new BigDecimal("0.002")))
            .riskLimits(RiskLimits.builder().maxBookAge(Duration.ofSeconds(30)).build())
            .sync(
                SyncSettings.builder()
                    .priceToleranceTicks(20)
                    .minRequoteInterval(Duration.ofMillis(200))
                    .refreshInterval(Duration.ofSeconds(1))
                    .deadManSwitch(Duration.ofSeconds(10))
                    .build())
            .scheduler(botClock)
            .build();
    mm.start().get(30, TimeUnit.SECONDS);
    await(venueHas(2), "two quotes at the venue", mm);
    List<Order> quotes = venueOrders();
    assertThat(quotes).extracting(Order::side).containsExactlyInAnyOrder(Side.BUY, Side.SELL);
    assertThat(quotes).allMatch(o -> String.valueOf(o.clientOrderId()).startsWith("mmby-"));
    Order bid = quotes.stream().filter(o -> o.side() == Side.BUY).findFirst().orElseThrow();
    await(() -> fake.dcpWatched("key-mm"), "the dead-man switch armed on Bybit", mm);

    takerEx
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.SELL, new BigDecimal("0.2")))
        .get(30, TimeUnit.SECONDS);
    await(() -> mm.status().fills() >= 1, "the bot saw its fill", mm);
    await(
        () -> {
          try {
            List<Order> now = venueOrders();
            return now.size() == 2
                && now.stream().noneMatch(o -> o.orderId().equals(bid.orderId()));
          } catch (Exception e) {
            return false;
          }
        },
        "the filled bid was requoted",
        mm);
    await(() -> mm.status().ordersPlaced() >= 3, "the requote was acknowledged", mm);

    mm.stop().get(30, TimeUnit.SECONDS);
    await(venueHas(0), "stop cancelled every order", mm);
  }
}
