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
import dev.tradekit.backtest.data.MarketDataSources;
import dev.tradekit.backtest.data.SyntheticMarket;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.testkit.FakeBinance;
import dev.tradekit.testkit.RateLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Copier instances as separate JVMs ({@link CopierNode}) on one PostgreSQL journal and one {@link
 * FakeBinance}, a leader trading on a timer, and the checks that every follower holds its exact
 * target and each leader fill was copied once per follower, in the journal and at the venue. Used
 * by {@link CopierProcessesIT}, {@link CopierProcessSoak} and {@link CopierFailoverFigures}.
 *
 * <pre>{@code
 * try (ProcessGroup g = ProcessGroup.start(dir, url, 30, Duration.ofSeconds(3), 42)) {
 *   g.node("node-1"); g.awaitWatcher("node-1"); g.startLeader();
 *   g.kill("node-1"); g.awaitNoLeases("node-1"); g.stopLeader(); g.verify();
 * }
 * }</pre>
 */
final class ProcessGroup implements AutoCloseable {
  static final String SYMBOL = "BTCUSDT";
  static final BigDecimal RATIO = new BigDecimal("0.5");
  static final BigDecimal LOT = new BigDecimal("0.001");

  /** How long a condition may take on a loaded 2-core machine with four copier JVMs. */
  static final Duration AWAIT = Duration.ofSeconds(120);

  private final String url;
  private final List<String> followers = new ArrayList<>();
  private final Duration lease;
  private final Random random;
  private final NodeProcesses nodes;
  private final List<String> leaderErrors = new CopyOnWriteArrayList<>();
  private final FakeBinance fake;
  private final Exchange leader;
  private final GroupJournal db;
  private final CopyJournal journal;
  private @Nullable ScheduledExecutorService trader;
  private BigDecimal leaderTarget = BigDecimal.ZERO;

  private ProcessGroup(Path dir, String url, int followerCount, Duration lease, long seed)
      throws SQLException {
    this.nodes = new NodeProcesses(dir);
    this.url = url;
    this.lease = lease;
    this.random = new Random(seed);
    long now = System.currentTimeMillis();
    FakeBinance.Builder fb =
        FakeBinance.builder()
            .instrument(
                Instrument.builder()
                    .symbol(SYMBOL)
                    .baseAsset("BTC")
                    .quoteAsset("USDT")
                    .tickSize(new BigDecimal("0.1"))
                    .stepSize(LOT)
                    .build())
            .source(
                MarketDataSources.synthetic(
                    SyntheticMarket.Config.builder()
                        .symbol(SYMBOL)
                        .tickSize("0.1")
                        .lotSize("0.001")
                        .initialMid("60000")
                        .startTimeMillis(now)
                        .duration(Duration.ofHours(2))
                        .seed(seed)
                        .build()))
            // four copier processes with 31 accounts each share one loopback address
            .rateLimits(new RateLimits(10_000_000, 100_000, 100_000, 3, Duration.ofMinutes(2)))
            .account("leader", "s-leader", AccountSetup.usdt(new BigDecimal("1000000")));
    for (int i = 0; i < followerCount; i++) {
      String name = "f" + i;
      followers.add(name);
      fb.account(name, "s-" + name, AccountSetup.usdt(new BigDecimal("100000")));
    }
    this.fake = fb.start();
    this.leader = fake.adapter("leader").build();
    this.db = GroupJournal.create(url, lease);
    Connection jc = DriverManager.getConnection(url);
    jc.setSchema(db.schema());
    this.journal = CopyJournals.jdbc(jc);
    await("the venue has a two-sided book", this::bookIsLive);
  }

  /** A venue with {@code followerCount} followers and a fresh journal schema. */
  static ProcessGroup start(Path dir, String url, int followerCount, Duration lease, long seed)
      throws SQLException {
    return new ProcessGroup(dir, url, followerCount, lease, seed);
  }

  List<String> followers() {
    return followers;
  }

  Set<String> running() {
    return nodes.running();
  }

  private boolean bookIsLive() {
    return fake.onVenueThread(
        () ->
            fake.venue().book(SYMBOL).depth(Side.BUY) > 0
                && fake.venue().book(SYMBOL).depth(Side.SELL) > 0);
  }

  /** Launches a copier JVM named {@code name} on the test class path. */
  void node(String name) throws IOException {
    Properties p = new Properties();
    p.setProperty("instance", name);
    p.setProperty("journal.url", url);
    p.setProperty("journal.schema", db.schema());
    p.setProperty("rest", fake.restBaseUrl());
    p.setProperty("ws", fake.wsBaseUrl());
    p.setProperty("lease.ms", Long.toString(lease.toMillis()));
    p.setProperty("poll.ms", "100");
    p.setProperty("ratio", RATIO.toPlainString());
    p.setProperty("leader", "leader:s-leader");
    for (String f : followers) {
      p.setProperty("follower." + f, f + ":s-" + f);
    }
    nodes.launch(name, p);
  }

  /** SIGKILL: the process dies at once, holding its leases. */
  void kill(String name) throws InterruptedException {
    nodes.kill(name);
  }

  /** SIGSTOP: the process stalls as in a long GC pause, keeping its sockets and connections. */
  void pause(String name) throws IOException, InterruptedException {
    nodes.pause(name);
  }

  /** SIGCONT: the stalled process runs on and finds its overdue timers firing at once. */
  void resume(String name) throws IOException, InterruptedException {
    nodes.resume(name);
  }

  /** Lease name to owner, as the journal's lease table holds them. */
  Map<String, String> owners() {
    return db.owners();
  }

  void awaitWatcher(String name) {
    await(name + " watches the leader", () -> name.equals(owners().get("watcher")));
  }

  /**
   * Waits until {@code name}'s heartbeat is older than a lease and no lease names it as owner: the
   * others took all of its work over.
   */
  void awaitNoLeases(String name) {
    await(
        name + "'s leases taken over",
        () -> !db.live().contains(name) && !db.owners().containsValue(name));
  }

  /**
   * Waits until {@code required} are live and the live instances share every follower evenly (the
   * journal's instance and lease tables).
   */
  void awaitEvenSplit(String... required) {
    await(
        "followers split evenly over live instances including " + List.of(required),
        () -> {
          Set<String> live = db.live();
          Map<String, Integer> s = db.shares();
          int n = live.size();
          int total = s.values().stream().mapToInt(Integer::intValue).sum();
          return live.containsAll(List.of(required))
              && nodes.running().containsAll(live)
              && total == followers.size()
              && s.keySet().equals(live)
              && s.values().stream()
                  .allMatch(v -> v == followers.size() / n || v == followers.size() / n + 1);
        });
  }

  /**
   * Starts {@code node-1}, which sets the journal's start point and watches the leader, then {@code
   * node-2} and {@code node-3}, and waits until the three share the followers evenly.
   */
  void startThree() throws IOException {
    node("node-1");
    awaitWatcher("node-1");
    node("node-2");
    node("node-3");
    awaitEvenSplit("node-1", "node-2", "node-3");
  }

  /** Waits until {@code n} more copies than now are {@code COPIED}. */
  void awaitMoreCopies(int n) {
    awaitCopies((int) countCopies("status = 'COPIED'") + n);
  }

  /**
   * Stops {@code name} with SIGSTOP until the others hold all its leases and have made {@code
   * copies} more copies, then resumes it with SIGCONT.
   */
  void stallPastItsLease(String name, int copies) throws IOException, InterruptedException {
    pause(name);
    awaitNoLeases(name);
    awaitMoreCopies(copies);
    resume(name);
  }

  /** Waits until at least {@code n} copies reached the venue. */
  void awaitCopies(int n) {
    await(n + " copies made", () -> countCopies("status = 'COPIED'") >= n);
  }

  private long countCopies(String where) {
    return db.countCopies(where);
  }

  /** The earliest acknowledgement time of a copy for one of {@code names} after {@code since}. */
  long firstCopyAfter(long since, Set<String> names) throws SQLException {
    return db.firstCopyAfter(since, names);
  }

  /** Leader fill to follower acknowledgement of every copy made, millis. */
  List<Long> latencies() throws SQLException {
    return db.latencies();
  }

  /**
   * Starts the leader trading: a market order every {@code everyMillis}, 0.002 to 0.02 BTC, buying
   * or selling at random within ±0.05 (so it flips now and then).
   */
  void startLeader(long everyMillis) {
    ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor();
    trader = t;
    t.scheduleWithFixedDelay(this::tradeOnce, 0, everyMillis, TimeUnit.MILLISECONDS);
  }

  private void tradeOnce() {
    if (countCopies("status IN ('PENDING', 'INTENDED')") > 3L * followers.size()) {
      return; // the group is behind on a loaded machine: let it catch up before the next order
    }
    BigDecimal qty = LOT.multiply(BigDecimal.valueOf(2L * (1 + random.nextInt(10))));
    boolean buy = random.nextBoolean();
    BigDecimal next = buy ? leaderTarget.add(qty) : leaderTarget.subtract(qty);
    if (next.abs().compareTo(new BigDecimal("0.05")) > 0) {
      buy = !buy;
      next = buy ? leaderTarget.add(qty) : leaderTarget.subtract(qty);
    }
    try {
      Order o =
          leader
              .trading()
              .place(OrderRequest.market(SYMBOL, buy ? Side.BUY : Side.SELL, qty))
              .get(30, TimeUnit.SECONDS);
      if (o.status() == OrderStatus.FILLED) {
        leaderTarget = next;
      } else {
        leaderErrors.add("leader order " + o);
      }
    } catch (Exception e) {
      leaderErrors.add("leader order failed: " + e);
    }
  }

  /** Stops the leader trading and waits for its last order. */
  void stopLeader() throws InterruptedException {
    ScheduledExecutorService t = trader;
    if (t != null) {
      t.shutdown();
      assertThat(t.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      trader = null;
    }
  }

  /**
   * Waits until every follower holds its exact target (one-lot rule) and every copy is final, then
   * checks that the journal and the venue show each leader fill copied once per follower.
   */
  void verify() throws SQLException {
    assertThat(leaderErrors).as("the leader's orders all filled").isEmpty();
    BigDecimal leaderPosition = position("leader");
    assertThat(leaderPosition).isEqualByComparingTo(leaderTarget);
    BigDecimal target = leaderPosition.multiply(RATIO);
    await(
        "every copy final and every follower on its target " + target,
        () -> countCopies("status IN ('PENDING', 'INTENDED')") == 0 && allOnTarget(target),
        () -> offTarget(target));
    List<Fill> leaderFills = fake.onVenueThread(() -> fake.venue().fills("leader"));
    Set<String> tradeIds = new HashSet<>();
    leaderFills.forEach(f -> tradeIds.add(f.tradeId()));
    Map<String, Map<String, Integer>> perFill = new HashMap<>();
    Map<String, Set<String>> copiedIds = new HashMap<>();
    List<String> failed = new ArrayList<>();
    for (GroupJournal.CopyRow row : db.copies("TRUE")) {
      if (row.leg() == 0) {
        perFill
            .computeIfAbsent(row.follower(), k -> new HashMap<>())
            .merge(row.leaderTradeId(), 1, Integer::sum);
      }
      if (row.status().equals("COPIED")) {
        copiedIds.computeIfAbsent(row.follower(), k -> new HashSet<>()).add(row.clientOrderId());
      } else if (row.status().equals("FAILED")) {
        failed.add(row.follower() + " " + row.clientOrderId() + ": " + row.reason());
      }
    }
    assertThat(failed).as("failed copies").isEmpty();
    for (String f : followers) {
      Map<String, Integer> copies = perFill.getOrDefault(f, Map.of());
      assertThat(copies.keySet()).as(f + ": one copy per leader fill").isEqualTo(tradeIds);
      assertThat(copies.values()).as(f + ": no fill copied twice").containsOnly(1);
      Map<String, String> clientIdByOrder = new HashMap<>();
      for (Fill fill : fake.onVenueThread(() -> fake.venue().fills(f))) {
        clientIdByOrder.put(fill.orderId(), String.valueOf(fill.clientOrderId()));
      }
      List<String> venueIds = new ArrayList<>(clientIdByOrder.values());
      assertThat(new HashSet<>(venueIds))
          .as(f + ": no client order id twice at the venue " + venueIds)
          .hasSameSizeAs(venueIds)
          .isEqualTo(copiedIds.getOrDefault(f, Set.of()));
    }
  }

  /** The followers off their target and the copies not final, for a failure message. */
  private String offTarget(BigDecimal target) {
    StringBuilder b = new StringBuilder();
    for (String f : followers) {
      if (!onTarget(f, target)) {
        b.append(f)
            .append(": journal target ")
            .append(journal.targetPosition(f, SYMBOL, PositionSide.BOTH).toPlainString())
            .append(", copied ")
            .append(journal.copiedPosition(f, SYMBOL, PositionSide.BOTH).toPlainString())
            .append(", venue ")
            .append(position(f).toPlainString())
            .append('\n');
      }
    }
    try {
      for (GroupJournal.CopyRow row : db.copies("status IN ('PENDING', 'INTENDED')")) {
        b.append("not final: ")
            .append(row.follower())
            .append(' ')
            .append(row.leaderTradeId())
            .append(" leg ")
            .append(row.leg())
            .append(' ')
            .append(row.status())
            .append(' ')
            .append(row.clientOrderId())
            .append('\n');
      }
    } catch (SQLException e) {
      b.append("copies unreadable: ").append(e).append('\n');
    }
    return b.toString();
  }

  private boolean allOnTarget(BigDecimal target) {
    for (String f : followers) {
      if (!onTarget(f, target)) {
        return false;
      }
    }
    return true;
  }

  /** The journal's target is exact and the venue holds it rounded toward zero to the lot. */
  private boolean onTarget(String follower, BigDecimal target) {
    BigDecimal journaled = journal.targetPosition(follower, SYMBOL, PositionSide.BOTH);
    BigDecimal held = position(follower);
    BigDecimal rest = target.abs().subtract(held.abs());
    return journaled.compareTo(target) == 0
        && held.signum() * target.signum() >= 0
        && rest.signum() >= 0
        && rest.compareTo(LOT) < 0
        && journal.copiedPosition(follower, SYMBOL, PositionSide.BOTH).compareTo(held) == 0;
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

  /** Polls {@code done} until it holds or {@link #AWAIT} passes, then fails with the logs. */
  void await(String what, BooleanSupplier done) {
    await(what, done, () -> "");
  }

  /** As {@link #await(String, BooleanSupplier)}, with {@code state} in the failure message. */
  void await(String what, BooleanSupplier done, java.util.function.Supplier<String> state) {
    long end = System.nanoTime() + AWAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(
            "timed out waiting for: " + what + "\n" + state.get() + diagnostics());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private String diagnostics() {
    return "leases "
        + db.owners()
        + "\nlive "
        + db.live()
        + "\nleader errors "
        + leaderErrors
        + "\n"
        + nodes.diagnostics();
  }

  /** Destroys every child process (resuming a stopped one first), the venue and the schema. */
  @Override
  public void close() throws Exception {
    try {
      ScheduledExecutorService t = trader;
      if (t != null) {
        t.shutdownNow();
      }
      nodes.destroyAll();
    } finally {
      journal.close();
      leader.close();
      fake.close();
      db.close();
    }
  }
}
