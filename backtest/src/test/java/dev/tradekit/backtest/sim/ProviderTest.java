package dev.tradekit.backtest.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.AccountSnapshot;
import dev.tradekit.api.model.BookTicker;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.VirtualScheduler;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProviderTest {

  @Test
  void providerIsFoundByServiceLoader() {
    assertThat(Exchanges.providerIds()).contains("sim");
  }

  @Test
  void venueExtensionGivesTheNamedAccountsExchange() {
    SimKit kit = new SimKit();
    Exchange a =
        Exchanges.builder("sim")
            .extension(SimVenue.class, kit.venue)
            .option("account", "a")
            .build();
    Exchange again =
        Exchanges.builder("sim")
            .extension(SimVenue.class, kit.venue)
            .option("account", "a")
            .build();
    Exchange b =
        Exchanges.builder("sim")
            .extension(SimVenue.class, kit.venue)
            .option("account", "b")
            .option("balance", "2500")
            .build();
    assertThat(a.venue()).isEqualTo("sim");
    assertThat(again).isSameAs(a);
    assertThat(a.capabilities().hedgeMode()).isTrue();
    assertThat(a.amendment()).isPresent();
    AccountSnapshot sa = kit.await(a.account().snapshot());
    AccountSnapshot sb = kit.await(b.account().snapshot());
    assertThat(sa.balance("USDT").orElseThrow().walletBalance()).isEqualByComparingTo("10000");
    assertThat(sb.balance("USDT").orElseThrow().walletBalance()).isEqualByComparingTo("2500");

    // both accounts trade against the same book
    kit.snapshot("99.0", "5", "|", "100.0", "5");
    kit.await(a.trading().place(OrderRequest.market(SimKit.SYMBOL, Side.BUY, SimKit.d("3"))));
    Order o =
        kit.await(b.trading().place(OrderRequest.market(SimKit.SYMBOL, Side.BUY, SimKit.d("3"))));
    assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED); // only 2 left at 100.0 and no deeper ask
    assertThat(o.executedQuantity()).isEqualByComparingTo("2");
  }

  @Test
  void closingAnExchangeEndsItsSubscriptionsAndFailsLaterRequests() {
    SimKit kit = new SimKit();
    Exchange a = kit.account("a", "1000");
    var sub = a.streams().orderBook(SimKit.SYMBOL, book -> {});
    a.close();
    assertThat(sub.isActive()).isFalse();
    assertThat(kit.failure(a.account().snapshot()))
        .isInstanceOf(dev.tradekit.api.error.TransportException.class);
    Exchange reopened = kit.venue.account("a");
    assertThat(reopened).isNotSameAs(a);
    assertThat(
            kit.await(reopened.account().snapshot()).balance("USDT").orElseThrow().walletBalance())
        .isEqualByComparingTo("1000");
  }

  @Test
  void standaloneModeQuotesASyntheticBookWithNoSetup() {
    VirtualScheduler clock = new VirtualScheduler(SimKit.T0);
    try (Exchange sim = Exchanges.builder("sim").scheduler(clock).option("seed", "3").build()) {
      List<Long> spreads = new ArrayList<>();
      sim.streams()
          .orderBook("BTCUSDT", book -> spreads.add(book.bestAskTicks() - book.bestBidTicks()));
      clock.advanceBy(Duration.ofSeconds(5));
      assertThat(spreads).hasSizeGreaterThan(10).allMatch(s -> s > 0);

      CompletableFuture<BookTicker> ticker = sim.marketData().bookTicker("BTCUSDT");
      clock.advanceBy(Duration.ofMillis(20));
      BookTicker t = ticker.join();
      assertThat(t.bidPrice()).isLessThan(t.askPrice());
      assertThat(t.bidPrice()).isBetween(new BigDecimal("55000"), new BigDecimal("65000"));

      CompletableFuture<Order> order =
          sim.trading().place(OrderRequest.market("BTCUSDT", Side.BUY, new BigDecimal("0.010")));
      clock.advanceBy(Duration.ofMillis(20));
      assertThat(order.join().status()).isEqualTo(OrderStatus.FILLED);
    }
  }

  @Test
  void standaloneModeRunsLiveOnItsOwnScheduler() throws Exception {
    try (Exchange sim =
        Exchanges.builder("sim")
            .option("symbol", "ETHUSDT")
            .option("mid", "3000")
            .option("tickSize", "0.01")
            .build()) {
      @org.jspecify.annotations.Nullable BookTicker t = null;
      long deadline = System.nanoTime() + 30_000_000_000L; // generous: loaded CI machines
      while (t == null && System.nanoTime() < deadline) {
        try {
          t = sim.marketData().bookTicker("ETHUSDT").get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          Thread.sleep(20); // no market data yet
        }
      }
      assertThat(t).isNotNull();
      assertThat(java.util.Objects.requireNonNull(t).askPrice())
          .isBetween(new BigDecimal("2500"), new BigDecimal("3500"));
    }
  }

  @Test
  void badOptionsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> Exchanges.builder("sim").option("symbol", "BTCUSD").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol");
    SimKit kit = new SimKit();
    assertThatThrownBy(
            () ->
                Exchanges.builder("sim")
                    .extension(SimVenue.class, kit.venue)
                    .scheduler(new VirtualScheduler(0))
                    .build())
        .hasMessageContaining("own scheduler");
  }
}
