package dev.tradekit.copier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradekit.api.Credentials;
import dev.tradekit.api.Exchange;
import dev.tradekit.api.Exchanges;
import dev.tradekit.api.model.Fill;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.OrderRequest;
import dev.tradekit.api.model.OrderStatus;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.LiveScheduler;
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
 * A leader and three followers, all over the real Binance adapter against FakeBinance: the leader's
 * market orders (open, add, partial close, close) are copied at each follower's ratio, and the
 * SQLite journal holds every leader fill exactly once per follower.
 */
class CopierTestkitIT {
  private static final String SYMBOL = "BTCUSDT";
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
    FakeBinance.Builder b =
        FakeBinance.builder()
            .account("leader", "s-leader", AccountSetup.usdt(new BigDecimal("100000")));
    FOLLOWERS.forEach(f -> b.account(f, "s-" + f, AccountSetup.usdt(new BigDecimal("100000"))));
    fake = b.start();
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
            .symbols(SYMBOL)
            .catchUpPeriod(java.time.Duration.ofSeconds(1))
            .listener(
                new CopierListener() {
                  @Override
                  public void error(String message, Throwable cause) {
                    errors.add(message);
                  }
                })
            .follower("tenth", adapter("tenth"), CopyPolicies.fixedRatio(bd("0.1")))
            .follower(
                "half",
                adapter("half"),
                CopyPolicies.fixedRatio(bd("0.5")).andThen(CopyPolicies.copyEachFill()))
            .follower(
                "quarter",
                adapter("quarter"),
                CopyPolicies.fixedRatio(bd("0.25")).andThen(CopyPolicies.fixedLeverage(5)))
            .build();
    copier.start().get(30, TimeUnit.SECONDS);
  }

  private boolean bookIsLive() {
    return fake.onVenueThread(
        () ->
            fake.venue().book(SYMBOL).depth(Side.BUY) > 0
                && fake.venue().book(SYMBOL).depth(Side.SELL) > 0);
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
    Exchange ex =
        Exchanges.builder("binance-usdm")
            .restBaseUrl(fake.restBaseUrl())
            .wsBaseUrl(fake.wsBaseUrl())
            .credentials(Credentials.of(key, "s-" + key))
            .build();
    adapters.add(ex);
    return ex;
  }

  private static BigDecimal bd(String v) {
    return new BigDecimal(v);
  }

  private BigDecimal position(String account) {
    try {
      return fake.venue().account(account).account().positions().get(30, TimeUnit.SECONDS).stream()
          .filter(p -> p.symbol().equals(SYMBOL))
          .map(Position::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void leader(Side side, String qty) throws Exception {
    Exchange leader = adapters.get(0);
    Order o =
        leader
            .trading()
            .place(OrderRequest.market(SYMBOL, side, bd(qty)))
            .get(30, TimeUnit.SECONDS);
    assertThat(o.status()).as("leader order " + o).isEqualTo(OrderStatus.FILLED);
  }

  private void awaitPositions(String tenth, String half, String quarter) throws Exception {
    BooleanSupplier done =
        () ->
            position("tenth").compareTo(bd(tenth)) == 0
                && position("half").compareTo(bd(half)) == 0
                && position("quarter").compareTo(bd(quarter)) == 0;
    long end = System.nanoTime() + AWAIT_NANOS;
    while (!done.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(List.of(position("tenth"), position("half"), position("quarter")))
        .as(
            () ->
                "follower positions; stats "
                    + copier.stats()
                    + " leaderFills "
                    + fake.onVenueThread(() -> fake.venue().fills("leader"))
                    + " errors "
                    + errors
                    + " viaAdapter "
                    + adapters
                        .get(0)
                        .trading()
                        .userTrades(
                            dev.tradekit.api.model.UserTradesQuery.builder()
                                .symbol(SYMBOL)
                                .startTime(clock.currentTimeMillis() - 60_000)
                                .endTime(clock.currentTimeMillis())
                                .build())
                        .orTimeout(5, TimeUnit.SECONDS)
                        .handle((v, e) -> v == null ? String.valueOf(e) : v.toString())
                        .join()
                    + " startPoint "
                    + journal.startPoint()
                    + " now "
                    + clock.currentTimeMillis()
                    + " journal "
                    + journal.history(HistoryQuery.builder().limit(50).build()))
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(bd(tenth), bd(half), bd(quarter));
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
    assertThat(quarter).singleElement().satisfies(p -> assertThat(p.leverage()).isEqualTo(5));
    leader(Side.SELL, "0.24"); // close  0
    awaitPositions("0", "0", "0");
    assertThat(position("leader")).isZero();

    List<Fill> leaderFills = fake.onVenueThread(() -> fake.venue().fills("leader"));
    assertThat(leaderFills.size()).isGreaterThanOrEqualTo(4);
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
