package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Instrument;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.PositionSide;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader and three followers, all over the real Binance adapter against FakeBinance with two
 * symbols: the leader's market orders (open, add, partial close, flip, close, on BTCUSDT and
 * ETHUSDT) are copied by each follower's policy — a tenth, half of each fill, and in proportion to
 * a quarter of the leader's balance — and the SQLite journal holds every leader fill exactly once
 * per follower.
 */
class CopierTestkitIT {
  private static final String SYMBOL = "BTCUSDT";
  private static final String ETH = "ETHUSDT";
  private static final List<String> FOLLOWERS = List.of("tenth", "half", "quarter");

  /** How long a condition may take on a loaded 2-core CI machine before the test fails. */
  private static final long AWAIT_NANOS = 30_000_000_000L;

  @TempDir Path dir;
  private FakeBinance fake;
  private final List<Exchange> adapters = new ArrayList<>();
  private LiveScheduler clock;
  private CopyJournal journal;
  private TradeCopier copier;
  private final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    long now = System.currentTimeMillis();
    fake =
        FakeBinance.builder()
            .instrument(instrument(SYMBOL, "BTC", "0.1"))
            .instrument(instrument(ETH, "ETH", "0.01"))
            .source(
                MarketDataSources.merge(
                    market(SYMBOL, "0.1", "60000", now, 1), market(ETH, "0.01", "3000", now, 2)))
            .account("leader", "s-leader", AccountSetup.usdt(new BigDecimal("100000")))
            .account("tenth", "s-tenth", AccountSetup.usdt(new BigDecimal("100000")))
            .account("half", "s-half", AccountSetup.usdt(new BigDecimal("100000")))
            // a quarter of the leader's equity: proportional sizing copies about a quarter
            .account("quarter", "s-quarter", AccountSetup.usdt(new BigDecimal("25000")))
            .start();
    // the synthetic market's first book must be at the venue before market orders can fill
    long end = System.nanoTime() + 30_000_000_000L;
    while (!bookIsLive() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(bookIsLive()).as("the venue has a two-sided book").isTrue();
    clock = LiveScheduler.create("copier");
    journal = CopyJournals.sqlite(dir.resolve("journal.db"));
    copier =
        TradeCopier.builder()
            .leader(adapter("leader"))
            .journal(journal)
            .scheduler(clock)
            // a fill made before the leader's stream is live is found by the REST catch-up
            .symbols(SYMBOL, ETH)
            .catchUpPeriod(java.time.Duration.ofSeconds(1))
            .listener(
                new CopierListener() {
                  @Override
                  public void error(String message, Throwable cause) {
                    errors.add(message);
                  }
                })
            // a leader order filled in pieces is copied as one order
            .follower(
                "tenth",
                adapter("tenth"),
                CopyPolicies.fixedRatio(bd("0.1"))
                    .andThen(CopyPolicies.aggregateWithin(java.time.Duration.ofSeconds(1))))
            .follower(
                "half",
                adapter("half"),
                CopyPolicies.fixedRatio(bd("0.5")).andThen(CopyPolicies.copyEachFill()))
            .follower(
                "quarter",
                adapter("quarter"),
                CopyPolicies.proportionalToBalance().andThen(CopyPolicies.fixedLeverage(5)))
            .build();
    copier.start().get(30, TimeUnit.SECONDS);
  }

  private static Instrument instrument(String symbol, String base, String tick) {
    return Instrument.builder()
        .symbol(symbol)
        .baseAsset(base)
        .quoteAsset("USDT")
        .tickSize(bd(tick))
        .stepSize(bd("0.001"))
        .build();
  }

  private static MarketDataSource market(
      String symbol, String tick, String mid, long start, long seed) {
    return MarketDataSources.synthetic(
        SyntheticMarket.Config.builder()
            .symbol(symbol)
            .tickSize(tick)
            .lotSize("0.001")
            .initialMid(mid)
            .startTimeMillis(start)
            .duration(java.time.Duration.ofHours(1))
            .seed(seed)
            .build());
  }

  private boolean bookIsLive() {
    return fake.onVenueThread(
        () ->
            List.of(SYMBOL, ETH).stream()
                .allMatch(
                    s ->
                        fake.venue().book(s).depth(Side.BUY) > 0
                            && fake.venue().book(s).depth(Side.SELL) > 0));
  }

  @AfterEach
  void stop() {
    copier.stop();
    clock.close();
    journal.close();
    adapters.forEach(Exchange::close);
    fake.close();
  }

  private Exchange adapter(String key) {
    Exchange ex = fake.adapter(key).build();
    adapters.add(ex);
    return ex;
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private BigDecimal position(String account) {
    return position(account, SYMBOL);
  }

  private BigDecimal position(String account, String symbol) {
    try {
      return fake.venue().account(account).account().positions().get(30, TimeUnit.SECONDS).stream()
          .filter(p -> p.symbol().equals(symbol))
          .map(Position::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void leader(Side side, String qty) throws Exception {
    leader(SYMBOL, side, qty);
  }

  private void leader(String symbol, Side side, String qty) throws Exception {
    Exchange leader = adapters.get(0);
    Order o =
        leader
            .trading()
            .place(OrderRequest.market(symbol, side, bd(qty)))
            .get(30, TimeUnit.SECONDS);
    assertThat(o.status()).as("leader order " + o).isEqualTo(OrderStatus.FILLED);
  }

  private void awaitPositions(String tenth, String half, String quarter) throws Exception {
    awaitPositions(SYMBOL, tenth, half, quarter);
  }

  /**
   * Waits until every follower holds its exact target rounded toward zero to the lot, however the
   * venue split the leader's orders: {@code tenth} and {@code half} exactly (their ratios land on
   * the lot), {@code quarter} at its journaled target, which proportional sizing keeps within one
   * lot of a quarter of the leader (balances move with fees and PnL).
   */
  private void awaitPositions(String symbol, String tenth, String half, String quarter)
      throws Exception {
    BigDecimal lot =
        adapters.get(0).marketData().instrument(symbol).get(30, TimeUnit.SECONDS).stepSize();
    BooleanSupplier done =
        () ->
            position("tenth", symbol).compareTo(bd(tenth)) == 0
                && position("half", symbol).compareTo(bd(half)) == 0
                && onItsTarget("quarter", symbol, lot);
    long end = System.nanoTime() + AWAIT_NANOS;
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(position("half", symbol)).as("half in " + symbol).isEqualByComparingTo(half);
    assertThat(position("tenth", symbol))
        .as(
            () ->
                "tenth in "
                    + symbol
                    + "; stats "
                    + copier.stats()
                    + " errors "
                    + errors
                    + " journal "
                    + journal.history(HistoryQuery.builder().limit(50).build()))
        .isEqualByComparingTo(tenth);
    BigDecimal target = journal.targetPosition("quarter", symbol, PositionSide.BOTH);
    assertThat(onItsTarget("quarter", symbol, lot))
        .as(
            "quarter holds %s, its target %s rounded toward zero",
            position("quarter", symbol), target)
        .isTrue();
    assertThat(target.subtract(bd(quarter)).abs())
        .as("quarter's target %s is a quarter of the leader (%s) within one lot", target, quarter)
        .isLessThanOrEqualTo(lot);
    for (String f : List.of("tenth", "half")) {
      assertThat(journal.targetPosition(f, symbol, PositionSide.BOTH))
          .as(f + "'s exact target in " + symbol)
          .isEqualByComparingTo(f.equals("tenth") ? tenth : half);
    }
  }

  /** The venue position is the journaled target rounded toward zero to the lot, exactly. */
  private boolean onItsTarget(String follower, String symbol, BigDecimal lot) {
    BigDecimal target = journal.targetPosition(follower, symbol, PositionSide.BOTH);
    BigDecimal held = position(follower, symbol);
    BigDecimal rest = target.abs().subtract(held.abs());
    return held.signum() * target.signum() >= 0
        && rest.signum() >= 0
        && rest.compareTo(lot) < 0
        && journal.copiedPosition(follower, symbol, PositionSide.BOTH).compareTo(held) == 0;
  }

  @Test
  void followersTrackTheLeaderAtTheirRatiosAndEachFillIsJournaledOnce() throws Exception {
    leader(Side.BUY, "0.2"); //   open   0.2
    awaitPositions("0.02", "0.1", "0.05");
    leader(Side.BUY, "0.12"); //  add    0.32
    awaitPositions("0.032", "0.16", "0.08");
    leader(Side.SELL, "0.08"); // partial 0.24
    awaitPositions("0.024", "0.12", "0.06");
    assertThat(position("leader")).isEqualByComparingTo("0.24");
    List<Position> quarter =
        fake.venue().account("quarter").account().positions().get(30, TimeUnit.SECONDS);
    assertThat(quarter)
        .filteredOn(p -> p.symbol().equals(SYMBOL))
        .singleElement()
        .satisfies(p -> assertThat(p.leverage()).isEqualTo(5));
    leader(ETH, Side.BUY, "1"); // open ETH 1
    awaitPositions(ETH, "0.1", "0.5", "0.25");
    leader(Side.SELL, "0.4"); //  flip  -0.16: each follower closes its long and opens short
    awaitPositions("-0.016", "-0.08", "-0.04");
    leader(ETH, Side.SELL, "0.4"); // partial ETH 0.6
    awaitPositions(ETH, "0.06", "0.3", "0.15");
    leader(Side.BUY, "0.16"); //  close BTC 0
    awaitPositions("0", "0", "0");
    leader(ETH, Side.SELL, "0.6"); // close ETH 0
    awaitPositions(ETH, "0", "0", "0");
    assertThat(position("leader")).isZero();
    assertThat(position("leader", ETH)).isZero();

    List<Fill> leaderFills = fake.onVenueThread(() -> fake.venue().fills("leader"));
    assertThat(leaderFills.size()).isGreaterThanOrEqualTo(8);
    Set<String> expected = new HashSet<>();
    leaderFills.forEach(f -> expected.add(f.tradeId()));
    long end = System.nanoTime() + AWAIT_NANOS;
    List<CopyRecord> all;
    do {
      all = journal.history(HistoryQuery.builder().limit(HistoryQuery.MAX_LIMIT).build());
      Thread.sleep(20);
    } while (!all.stream().allMatch(r -> r.status().isTerminal()) && System.nanoTime() < end);
    for (String follower : FOLLOWERS) {
      Map<String, Integer> perFill = new HashMap<>();
      for (CopyRecord r : all) {
        if (r.follower().equals(follower) && r.leg() == 0) {
          perFill.merge(r.leaderTradeId(), 1, Integer::sum);
        }
      }
      assertThat(perFill.keySet()).as(follower).isEqualTo(expected);
      assertThat(perFill.values()).as(follower).containsOnly(1);
      assertThat(all)
          .filteredOn(r -> r.follower().equals(follower))
          .allSatisfy(r -> assertThat(r.status().isTerminal()).isTrue())
          .noneMatch(r -> r.status() == CopyStatus.FAILED);
    }
    assertThat(copier.stats().fillsSeen()).isEqualTo(leaderFills.size());
  }
}
