package dev.tradekit.marketmaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.execution.RiskLimits;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The market maker over the real Binance adapter against FakeBinance: quotes reach the venue, a
 * fill is requoted, a fatal error leaves nothing resting, and a bot that dies without stopping is
 * cleaned up by the venue's countdown cancel-all.
 */
class MarketMakerTestkitIT {
  /** Generous: CI runs this on a loaded 2-core machine; a passing await returns at once. */
  private static final long AWAIT_MS = 20_000;

  private FakeBinance fake;
  private Exchange mmEx;
  private Exchange takerEx;
  private LiveScheduler botClock;

  @BeforeEach
  void start() {
    fake =
        FakeBinance.builder()
            .source(FakeVenueSupport.market())
            .account("key-mm", "secret-mm", AccountSetup.usdt(new BigDecimal("100000")))
            .account("key-t", "secret-t", AccountSetup.usdt(new BigDecimal("1000000")))
            .start();
    mmEx = fake.adapter("key-mm").build();
    takerEx = fake.adapter("key-t").build();
    botClock = LiveScheduler.create("mm-bot");
  }

  @AfterEach
  void stop() {
    botClock.close();
    mmEx.close();
    takerEx.close();
    fake.close();
  }

  private MarketMaker bot(Strategy strategy, LiveScheduler clock) {
    return bot(strategy, clock, "0.00002", Duration.ofSeconds(3));
  }

  private MarketMaker bot(
      Strategy strategy, LiveScheduler clock, String spread, Duration deadManSwitch) {
    return MarketMaker.builder()
        .name("mmit")
        .exchange(mmEx)
        .symbol("BTCUSDT")
        .strategy(strategy)
        .parameters(QuoteParameters.of(new BigDecimal(spread), new BigDecimal("0.002")))
        .riskLimits(RiskLimits.builder().maxBookAge(Duration.ofSeconds(30)).build())
        .sync(
            SyncSettings.builder()
                .priceToleranceTicks(20)
                .minRequoteInterval(Duration.ofMillis(200))
                .refreshInterval(Duration.ofSeconds(1))
                .deadManSwitch(deadManSwitch)
                .build())
        .scheduler(clock)
        .build();
  }

  private List<Order> venueOrders() throws Exception {
    return FakeVenueSupport.venueOrders(fake.venue(), "key-mm");
  }

  private static void await(BooleanSupplier condition, long millis, String what, MarketMaker bot)
      throws Exception {
    FakeVenueSupport.await(condition, millis, what, bot);
  }

  private BooleanSupplier venueHas(int count) {
    return FakeVenueSupport.venueHas(fake.venue(), "key-mm", count);
  }

  @Test
  void quotesAreRequotedAfterAFillAndAFatalErrorLeavesNothingResting() throws Exception {
    AtomicBoolean fail = new AtomicBoolean();
    Strategy fixed = Strategies.fixedSpread();
    Strategy failing =
        ctx -> {
          if (fail.get()) {
            throw new IllegalStateException("model diverged");
          }
          return fixed.targets(ctx);
        };
    MarketMaker mm = bot(failing, botClock);
    mm.start().get(30, TimeUnit.SECONDS);
    await(venueHas(2), AWAIT_MS, "two quotes at the venue", mm);
    List<Order> quotes = venueOrders();
    assertThat(quotes).extracting(Order::side).containsExactlyInAnyOrder(Side.BUY, Side.SELL);
    assertThat(quotes).allMatch(o -> String.valueOf(o.clientOrderId()).startsWith("mmit-"));
    Order bid = quotes.stream().filter(o -> o.side() == Side.BUY).findFirst().orElseThrow();

    // a taker sweeps the thin synthetic bids down through the bot's bid
    takerEx
        .trading()
        .place(OrderRequest.market("BTCUSDT", Side.SELL, new BigDecimal("0.2")))
        .get(30, TimeUnit.SECONDS);
    await(() -> mm.status().fills() >= 1, AWAIT_MS, "the bot saw its fill", mm);
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
        AWAIT_MS,
        "the filled bid was requoted",
        mm);
    // the bid was filled (the position itself could be evened out again by an ask fill)
    assertThat(fake.onVenueThread(() -> fake.venue().fills("key-mm")))
        .anySatisfy(
            f -> {
              assertThat(f.orderId()).isEqualTo(bid.orderId());
              assertThat(f.side()).isEqualTo(Side.BUY);
            });
    // the venue lists the new bid before the bot has read the acknowledgement that counts it
    await(() -> mm.status().ordersPlaced() >= 3, AWAIT_MS, "the requote was acknowledged", mm);

    fail.set(true);
    await(() -> "STOPPED".equals(mm.status().state()), AWAIT_MS, "the bot stopped", mm);
    await(venueHas(0), AWAIT_MS, "no orders left at the venue", mm);
    assertThat(mm.status().lastError()).contains("model diverged");
  }

  @Test
  void venueCountdownCancelsTheQuotesOfABotKilledWithoutStopping() throws Exception {
    MarketMaker first = bot(Strategies.fixedSpread(), botClock, "0.001", Duration.ofSeconds(3));
    first.start().get(30, TimeUnit.SECONDS);
    await(venueHas(2), AWAIT_MS, "two quotes at the venue", first);
    first.stop().get(30, TimeUnit.SECONDS);
    await(venueHas(0), AWAIT_MS, "stop cancelled the quotes", first);

    LiveScheduler doomed = LiveScheduler.create("mm-doomed");
    // quotes 10 bps away, out of the synthetic market's reach, so only the countdown removes them
    // a 10 s countdown: a stalled machine must not let it run out before the bot is killed
    MarketMaker second = bot(Strategies.fixedSpread(), doomed, "0.001", Duration.ofSeconds(10));
    second.start().get(30, TimeUnit.SECONDS);
    await(venueHas(2), AWAIT_MS, "the restarted bot quotes again", second);
    Thread.sleep(1500); // at least one re-arm of the countdown (every refresh, 1 s)
    doomed.close(); // the engine dies: no stop, no cancel, no more re-arming
    assertThat(venueOrders()).hasSize(2);
    await(venueHas(0), AWAIT_MS, "the venue's countdown cancelled the orphaned quotes", second);
    assertThat(second.status().active()).isTrue();
  }
}
