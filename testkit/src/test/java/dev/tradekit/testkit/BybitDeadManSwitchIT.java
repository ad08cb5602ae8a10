package dev.tradekit.testkit;

import static dev.tradekit.testkit.ExchangeContract.d;
import static dev.tradekit.testkit.ExchangeContract.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.error.ExchangeException;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.MarginType;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.backtest.sim.AccountSetup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bybit-linear}'s dead-man switch (Bybit's disconnect-cancel-all) and margin modes against
 * {@link FakeBybit}, through the real adapter.
 */
class BybitDeadManSwitchIT {
  private static final String SYMBOL = "BTCUSDT";
  private FakeBybit fake;
  private Exchange watcher;

  @BeforeEach
  void start() {
    fake =
        FakeBybit.builder()
            .account("bot", "s-bot", AccountSetup.usdt(new BigDecimal("10000")))
            .start();
    watcher = fake.adapter("bot").build();
  }

  @AfterEach
  void stop() {
    watcher.close();
    fake.close();
  }

  @Test
  void ordersAreCancelledOnceTheArmedConnectionIsGoneForTheWindow() throws Exception {
    Exchange bot = fake.adapter("bot").build();
    Order resting = join(bot.trading().place(farBid(bot)));
    assertThat(bot.capabilities().deadManSwitch()).isTrue();
    join(bot.deadManSwitch().orElseThrow().arm(SYMBOL, Duration.ofSeconds(3)));
    await(() -> fake.dcpWatched("bot"));

    long closedAt = fake.serverTime();
    bot.close(); // the bot dies: its private socket goes away and is not re-armed

    OrderRef ref = OrderRef.byId(SYMBOL, resting.orderId());
    await(() -> status(ref) == OrderStatus.CANCELED);
    Order cancelled = join(watcher.trading().order(ref)).orElseThrow();
    assertThat(cancelled.updateTime() - closedAt).isGreaterThanOrEqualTo(3_000);
  }

  @Test
  void theWatchSurvivesAReconnectDisarmStopsItAndAWindowOutsideBybitsRangeIsRefused()
      throws Exception {
    Exchange bot = fake.adapter("bot").build();
    try {
      var dms = bot.deadManSwitch().orElseThrow();
      assertThatThrownBy(() -> dms.arm(SYMBOL, Duration.ofSeconds(2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3 to 300 s");
      assertThatThrownBy(() -> dms.arm(SYMBOL, Duration.ofMinutes(6)))
          .isInstanceOf(IllegalArgumentException.class);
      join(dms.arm(SYMBOL, Duration.ofSeconds(30)));
      await(() -> fake.dcpWatched("bot"));
      // a dropped private socket subscribes dcp.future again once it is back
      fake.faults().dropWebSockets();
      await(() -> !fake.dcpWatched("bot"));
      await(() -> fake.dcpWatched("bot"));
      join(dms.disarm(SYMBOL));
      await(() -> !fake.dcpWatched("bot"));
    } finally {
      bot.close();
    }
  }

  @Test
  void marginModeIsSetIdempotentlyAndRefusedWithAPositionOpen() throws Exception {
    var modes = watcher.marginModes().orElseThrow();
    join(modes.setMarginType(SYMBOL, MarginType.ISOLATED));
    join(modes.setMarginType(SYMBOL, MarginType.ISOLATED));
    join(watcher.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("0.001"))));
    Position p =
        join(watcher.account().snapshot()).positions().stream()
            .filter(x -> x.symbol().equals(SYMBOL) && x.amount().signum() != 0)
            .findFirst()
            .orElseThrow();
    assertThat(p.marginType()).isEqualTo(MarginType.ISOLATED);
    assertThatThrownBy(() -> join(modes.setMarginType(SYMBOL, MarginType.CROSS)))
        .isInstanceOfSatisfying(
            ExchangeException.class, e -> assertThat(e.code()).isEqualTo(3400045));
  }

  private OrderStatus status(OrderRef ref) {
    try {
      return join(watcher.trading().order(ref)).map(Order::status).orElse(OrderStatus.NEW);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private static OrderRequest farBid(Exchange ex) throws Exception {
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));
    return OrderRequest.limit(
        SYMBOL, Side.BUY, d("0.010"), i.roundPrice(mark.multiply(d("0.8")), RoundingMode.DOWN));
  }

  /** Polls {@code condition} for up to 60 s. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
