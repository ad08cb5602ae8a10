package dev.tradekit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tradekit.api.ConnectionState;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.OrderBookListener;
import dev.tradekit.api.Subscription;
import dev.tradekit.api.UserEventListener;
import dev.tradekit.api.book.OrderBookView;
import dev.tradekit.api.error.InvalidOrderException;
import dev.tradekit.api.error.RateLimitException;
import dev.tradekit.api.error.SendDeadlineExceededException;
import dev.tradekit.api.error.UnknownSymbolException;
import dev.tradekit.api.model.AmendRequest;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Kline;
import dev.tradekit.api.model.KlineInterval;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderBookSnapshot;
import dev.tradekit.api.model.OrderRef;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.model.UserTradesQuery;
import dev.tradekit.backtest.sim.SimVenue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every exchange provider must show, run against a local venue that speaks the
 * provider's wire protocol on the simulator: instruments and filters, place / amend / cancel /
 * batch, typed errors for bad input, an unknown order outcome resolved without a second order,
 * fills on the user stream exactly once across a reconnect, positions after fills, a local book
 * kept consistent from snapshot and diffs, klines, a clock skew absorbed, orders beyond the venue's
 * limit paced by the adapter or refused with a typed error (never lost), and the conditional orders
 * the venue holds ({@link ConditionalContract}).
 *
 * <pre>{@code
 * class MyVenueContractIT extends ExchangeContract {
 *   protected Venue start(List<String> apiKeys) { ... a local fake with these accounts ... }
 * }
 * }</pre>
 *
 * <p>Every account the venue opens holds 10,000 USDT; BTCUSDT (tick 0.1, step 0.001) trades on a
 * live synthetic market. Each test uses its own account. The venue should allow fewer than 25 order
 * requests in a short window (e.g. 20 per 10 s) so that the limit test reaches the limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExchangeContract {
  static final String SYMBOL = "BTCUSDT";
  static final List<String> KEYS =
      List.of(
          "orders",
          "batch",
          "errors",
          "unknown",
          "fills",
          "positions",
          "limits",
          "skew",
          "deadline",
          "stops",
          "stops-empty");

  /** A running local venue with the accounts of {@link #KEYS}. */
  protected interface Venue extends AutoCloseable {
    /** A provider exchange signing as account {@code apiKey}, pointed at the local venue. */
    Exchange connect(String apiKey);

    /** The venue's fault injection. */
    Faults faults();

    /** The simulator behind it, for the truth. */
    SimVenue sim();

    /** The venue's clock (epoch ms). */
    long serverTime();

    /** Runs {@code work} on the venue's thread and waits for it. */
    void onVenueThread(Runnable work);

    @Override
    void close();
  }

  /** A {@link Venue} of these parts. */
  protected static Venue venue(
      java.util.function.Function<String, Exchange> connect,
      Faults faults,
      SimVenue sim,
      Runnable close,
      java.util.function.LongSupplier serverTime,
      java.util.function.Consumer<Runnable> onVenueThread) {
    return new Venue() {
      @Override
      public long serverTime() {
        return serverTime.getAsLong();
      }

      @Override
      public void onVenueThread(Runnable work) {
        onVenueThread.accept(work);
      }

      @Override
      public Exchange connect(String apiKey) {
        return connect.apply(apiKey);
      }

      @Override
      public Faults faults() {
        return faults;
      }

      @Override
      public SimVenue sim() {
        return sim;
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  /** Starts the venue with one account (10,000 USDT, secret {@code "s-" + key}) per key. */
  protected abstract Venue start(List<String> apiKeys);

  private Venue venue;
  private final List<Exchange> opened = new ArrayList<>();

  @BeforeAll
  void startVenue() {
    venue = start(KEYS);
  }

  @AfterAll
  void stopVenue() {
    opened.forEach(Exchange::close);
    venue.close();
  }

  private Exchange exchange(String key) {
    Exchange ex = venue.connect(key);
    opened.add(ex);
    return ex;
  }

  static <T> T join(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(20);
    }
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** A price far below the market, rounded to the tick: rests and never fills. */
  private static BigDecimal farBid(Exchange ex) throws Exception {
    Instrument i = join(ex.marketData().instrument(SYMBOL));
    BigDecimal mark = join(ex.marketData().markPrice(SYMBOL));
    return i.roundPrice(mark.multiply(d("0.8")), RoundingMode.DOWN);
  }

  @Test
  void instrumentsCarryTheVenueFiltersAndAnUnknownSymbolIsTyped() throws Exception {
    Exchange ex = exchange("orders");
    Instrument btc = join(ex.marketData().instrument(SYMBOL));
    assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
    assertThat(btc.stepSize()).isEqualByComparingTo("0.001");
    assertThat(btc.roundPrice(d("60000.07"), RoundingMode.DOWN)).isEqualByComparingTo("60000.0");
    assertThat(join(ex.marketData().instruments())).extracting(Instrument::symbol).contains(SYMBOL);
    assertThatThrownBy(() -> join(ex.marketData().instrument("NOPEUSDT")))
        .isInstanceOf(UnknownSymbolException.class);
  }

  @Test
  void restingOrderIsListedAmendedInPlaceAndCancelled() throws Exception {
    Exchange ex = exchange("orders");
    BigDecimal price = farBid(ex);
    Order placed =
        join(
            ex.trading()
                .place(
                    OrderRequest.limit(SYMBOL, Side.BUY, d("0.010"), price)
                        .withClientOrderId("contract-rest-1")));
    assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
    assertThat(placed.clientOrderId()).isEqualTo("contract-rest-1");
    assertThat(join(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .contains(placed.orderId());
    if (ex.capabilities().amend()) {
      BigDecimal lower = price.subtract(d("10"));
      Order amended =
          join(
              ex.amendment()
                  .orElseThrow()
                  .amend(
                      new AmendRequest(
                          OrderRef.byId(SYMBOL, placed.orderId()), Side.BUY, d("0.020"), lower)));
      assertThat(amended.orderId()).isEqualTo(placed.orderId());
      assertThat(amended.price()).isEqualByComparingTo(lower);
      assertThat(amended.quantity()).isEqualByComparingTo("0.020");
    }
    Order cancelled = join(ex.trading().cancel(OrderRef.byId(SYMBOL, placed.orderId())));
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(join(ex.trading().openOrders(SYMBOL)))
        .extracting(Order::orderId)
        .doesNotContain(placed.orderId());
    Optional<Order> byClientId =
        join(ex.trading().order(OrderRef.byClientId(SYMBOL, "contract-rest-1")));
    assertThat(byClientId).map(Order::status).contains(OrderStatus.CANCELED);
  }

  @Test
  void batchPlacesEachOrderOnItsOwnAndCancelAllLeavesNothingOpen() throws Exception {
    Exchange ex = exchange("batch");
    BigDecimal price = farBid(ex);
    List<OrderRequest> requests = new ArrayList<>();
    for (int k = 0; k < ex.capabilities().maxBatchPlace() + 2; k++) {
      requests.add(OrderRequest.limit(SYMBOL, Side.BUY, d("0.001"), price.subtract(d(k + ".0"))));
    }
    var results = join(ex.trading().placeBatch(requests));
    assertThat(results).hasSize(requests.size()).allMatch(r -> r.isSuccess());
    assertThat(join(ex.trading().openOrders(SYMBOL))).hasSize(requests.size());
    join(ex.trading().cancelAll(SYMBOL));
    assertThat(join(ex.trading().openOrders(SYMBOL))).isEmpty();
  }

  @Test
  void anOrderBreakingTheFiltersIsATypedErrorAndNothingReachesTheVenue() throws Exception {
    Exchange ex = exchange("errors");
    long before = venue.sim().ordersAccepted("errors");
    BigDecimal price = farBid(ex);
    assertThatThrownBy(
            () ->
                join(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("0.0005"), price))))
        .isInstanceOf(InvalidOrderException.class);
    assertThat(venue.sim().ordersAccepted("errors")).isEqualTo(before);
  }

  @Test
  void aConditionalTypeTheVenueDoesNotHoldIsRefusedTypedBeforeSending() throws Exception {
    Exchange ex = exchange("errors");
    BigDecimal stop = farBid(ex);
    List<OrderRequest> conditional =
        List.of(
            OrderRequest.stopMarket(SYMBOL, Side.SELL, d("0.01"), stop).withReduceOnly(),
            OrderRequest.takeProfitMarket(SYMBOL, Side.BUY, d("0.01"), stop),
            OrderRequest.trailingStopMarket(SYMBOL, Side.SELL, d("0.01"), d("1")));
    for (OrderRequest r : conditional) {
      if (ex.capabilities().supports(r.type())) {
        continue;
      }
      long before = venue.sim().ordersAccepted("errors");
      assertThatThrownBy(() -> join(ex.trading().place(r)))
          .isInstanceOf(InvalidOrderException.class)
          .hasMessageContaining(r.type().name());
      assertThat(venue.sim().ordersAccepted("errors")).isEqualTo(before);
    }
    assertThat(join(ex.trading().openOrders(SYMBOL))).isEmpty();
  }

  @Test
  void conditionalOrdersRestAreListedAndAPriceMoveFiresTheStopOnce() throws Exception {
    new ConditionalContract(venue)
        .stopsRestAreListedFireOnceOnAPriceMoveAndTheOtherIsCancelled(exchange("stops"));
  }

  @Test
  void aReduceOnlyStopWithNothingToCloseFiresWithoutOpeningAPosition() throws Exception {
    new ConditionalContract(venue)
        .aReduceOnlyStopWithNothingToCloseFiresWithoutOpeningAPosition(exchange("stops-empty"));
  }

  @Test
  void anUnknownOutcomeIsResolvedByClientIdWithoutASecondOrder() throws Exception {
    Exchange ex = exchange("unknown");
    BigDecimal price = farBid(ex);
    venue.faults().unknownErrorOnNextOrders(1, true);
    Order o =
        join(
            ex.trading()
                .place(
                    OrderRequest.limit(SYMBOL, Side.BUY, d("0.010"), price)
                        .withClientOrderId("contract-unknown-1")));
    assertThat(o.clientOrderId()).isEqualTo("contract-unknown-1");
    List<Order> open = join(ex.trading().openOrders(SYMBOL));
    assertThat(open).filteredOn(x -> "contract-unknown-1".equals(x.clientOrderId())).hasSize(1);
    assertThat(venue.sim().ordersAccepted("unknown")).isEqualTo(1);
    join(ex.trading().cancelAll(SYMBOL));
  }

  @Test
  void fillsReachTheUserStreamExactlyOnceAcrossAReconnect() throws Exception {
    Exchange ex = exchange("fills");
    List<Fill> fills = new CopyOnWriteArrayList<>();
    List<ConnectionState> states = new CopyOnWriteArrayList<>();
    Subscription sub =
        ex.streams()
            .userEvents(
                new UserEventListener() {
                  @Override
                  public void onFill(Fill fill) {
                    fills.add(fill);
                  }

                  @Override
                  public void onConnectionState(ConnectionState s) {
                    states.add(s);
                  }
                });
    await("user stream connected", () -> states.contains(ConnectionState.CONNECTED));
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("0.005"))));
    await("first fill", () -> !fills.isEmpty());
    venue.faults().dropWebSockets();
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("0.003"))));
    await("reconnected", () -> states.contains(ConnectionState.RECONNECTED));
    List<Fill> truth = venue.sim().fills("fills");
    await("every fill delivered", () -> fills.size() >= truth.size());
    Set<String> ids = new HashSet<>();
    fills.forEach(f -> ids.add(f.tradeId()));
    assertThat(ids).hasSize(fills.size());
    assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo("0.008");
    List<Fill> rest =
        join(
            ex.trading()
                .userTrades(
                    UserTradesQuery.builder()
                        .symbol(SYMBOL)
                        .startTime(fills.get(0).time() - 60_000)
                        .endTime(fills.get(fills.size() - 1).time() + 60_000)
                        .build()));
    assertThat(rest).extracting(Fill::tradeId).containsExactlyInAnyOrderElementsOf(ids);
    sub.close();
  }

  @Test
  void positionsFollowTheFills() throws Exception {
    Exchange ex = exchange("positions");
    join(ex.trading().place(OrderRequest.market(SYMBOL, Side.BUY, d("0.004"))));
    await(
        "long position",
        () -> {
          try {
            return join(ex.account().positions()).stream()
                .anyMatch(p -> p.symbol().equals(SYMBOL) && p.amount().compareTo(d("0.004")) == 0);
          } catch (Exception e) {
            return false;
          }
        });
    join(
        ex.trading()
            .place(OrderRequest.market(SYMBOL, Side.SELL, d("0.004")).withQuantity(d("0.004"))));
    await(
        "flat again",
        () -> {
          try {
            return join(ex.account().positions()).stream()
                .noneMatch(p -> p.symbol().equals(SYMBOL) && p.amount().signum() != 0);
          } catch (Exception e) {
            return false;
          }
        });
    Position none = join(ex.account().snapshot()).position(SYMBOL, PositionSide.BOTH).orElse(null);
    assertThat(none == null || none.amount().signum() == 0).isTrue();
    assertThat(join(ex.account().snapshot()).balance("USDT")).isPresent();
  }

  @Test
  void theLocalBookIsBuiltFromSnapshotAndDiffsAndNeverCrosses() throws Exception {
    Exchange ex = exchange("orders");
    AtomicInteger updates = new AtomicInteger();
    AtomicInteger crossed = new AtomicInteger();
    List<Long> bestBids = new CopyOnWriteArrayList<>();
    Subscription s =
        ex.streams()
            .orderBook(
                SYMBOL,
                new OrderBookListener() {
                  @Override
                  public void onBook(OrderBookView book) {
                    updates.incrementAndGet();
                    if (book.isCrossed()) {
                      crossed.incrementAndGet();
                    }
                    if (!book.isEmpty(Side.BUY)) {
                      bestBids.add(book.bestBidTicks());
                    }
                  }
                });
    await("20 book updates", () -> updates.get() >= 20);
    s.close();
    assertThat(crossed.get()).isZero();
    assertThat(bestBids).isNotEmpty();
    OrderBookSnapshot snap = join(ex.marketData().orderBook(SYMBOL, 50));
    assertThat(snap.bids()).isNotEmpty();
    assertThat(snap.asks()).isNotEmpty();
    assertThat(snap.bids().get(0).price()).isLessThan(snap.asks().get(0).price());
  }

  @Test
  void klinesStreamTheBarBeingBuilt() throws Exception {
    Exchange ex = exchange("orders");
    List<Kline> bars = new CopyOnWriteArrayList<>();
    Subscription s = ex.streams().klines(SYMBOL, KlineInterval.M1, (k, closed) -> bars.add(k));
    await("a bar update", () -> !bars.isEmpty());
    s.close();
    Kline k = bars.get(0);
    assertThat(k.symbol()).isEqualTo(SYMBOL);
    assertThat(k.interval()).isEqualTo(KlineInterval.M1);
    assertThat(k.closeTime() - k.openTime()).isEqualTo(59_999);
    assertThat(k.openTime() % 60_000).isZero();
  }

  @Test
  void aClockSkewIsAbsorbedBySyncingTheServerTime() throws Exception {
    Exchange ex = exchange("skew");
    venue.faults().clockSkew(Duration.ofSeconds(30));
    try {
      assertThat(join(ex.trading().openOrders(SYMBOL))).isEmpty();
      assertThat(join(ex.account().snapshot()).balance("USDT")).isPresent();
    } finally {
      venue.faults().clockSkew(Duration.ZERO);
    }
  }

  @Test
  void anOrderDelayedInFlightPastItsSendDeadlineIsRefusedByTheVenueAndNeverPlaced()
      throws Exception {
    Exchange ex = exchange("deadline");
    BigDecimal price = farBid(ex);
    OrderRequest late =
        OrderRequest.limit(SYMBOL, Side.BUY, d("0.001"), price).withClientOrderId("late-1");
    // every request now waits 7 s at the venue before it is checked: far past the 3 s left
    venue.faults().latency(Duration.ofSeconds(7));
    Throwable refused;
    try {
      refused =
          catchThrowable(
              () ->
                  join(
                      ex.trading()
                          .placeBefore(
                              late, Instant.ofEpochMilli(System.currentTimeMillis() + 3_000))));
    } finally {
      venue.faults().latency(Duration.ZERO);
    }
    assertThat(refused).isInstanceOf(SendDeadlineExceededException.class);
    SendDeadlineExceededException e = (SendDeadlineExceededException) refused;
    assertThat(e.reachedVenue()).as("refused by the venue's time check").isTrue();
    assertThat(e.clientOrderId()).isEqualTo("late-1");
    assertThat(join(ex.trading().order(OrderRef.byClientId(SYMBOL, "late-1"))))
        .as("the venue holds no such order")
        .isEmpty();

    // in time, the same call places it
    Order placed =
        join(
            ex.trading()
                .placeBefore(
                    late.withClientOrderId("late-2"),
                    Instant.ofEpochMilli(System.currentTimeMillis() + 20_000)));
    assertThat(placed.clientOrderId()).isEqualTo("late-2");
    join(ex.trading().cancel(OrderRef.byClientId(SYMBOL, "late-2")));
  }

  @Test
  void anOrderWhoseSendDeadlineHasPassedIsRefusedLocallyAndNotSent() throws Exception {
    Exchange ex = exchange("deadline");
    BigDecimal price = farBid(ex);
    OrderRequest late =
        OrderRequest.limit(SYMBOL, Side.BUY, d("0.001"), price).withClientOrderId("late-3");
    Throwable refused =
        catchThrowable(
            () ->
                join(
                    ex.trading()
                        .placeBefore(late, Instant.ofEpochMilli(System.currentTimeMillis() - 1))));
    assertThat(refused).isInstanceOf(SendDeadlineExceededException.class);
    assertThat(((SendDeadlineExceededException) refused).reachedVenue()).isFalse();
    assertThat(join(ex.trading().order(OrderRef.byClientId(SYMBOL, "late-3")))).isEmpty();
  }

  @Test
  void ordersBeyondTheVenueLimitArePacedOrRefusedTypedNeverLost() throws Exception {
    Exchange ex = exchange("limits");
    BigDecimal price = farBid(ex);
    List<CompletableFuture<Order>> sent = new ArrayList<>();
    for (int k = 0; k < 25; k++) {
      sent.add(ex.trading().place(OrderRequest.limit(SYMBOL, Side.BUY, d("0.001"), price)));
    }
    int placed = 0;
    int refused = 0;
    for (CompletableFuture<Order> f : sent) {
      try {
        join(f);
        placed++;
      } catch (RateLimitException e) {
        refused++;
      }
    }
    assertThat(placed + refused).isEqualTo(25);
    assertThat(venue.sim().ordersAccepted("limits")).isEqualTo(placed);
    assertThat(join(ex.trading().openOrders(SYMBOL))).hasSize(placed);
    join(ex.trading().cancelAll(SYMBOL));
  }
}
