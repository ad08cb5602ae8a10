package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournal;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.CopyStatus;
import dev.tradekit.copier.HistoryQuery;
import dev.tradekit.copier.TradeCopier;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
import dev.tradekit.server.MasterKey;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The demo host: a local Binance USD-M server ({@link dev.tradekit.testkit.FakeBinance}) replaying
 * a market, reached by the real {@code binance-usdm} adapter over HTTP and WebSockets; on it a
 * market maker quoting, a leader that trades now and then, a copier mirroring the leader onto two
 * followers and a scanner watching the books; a live view refreshed every second and, at the end, a
 * summary and an HTML backtest report of the same market maker over the same data.
 *
 * <pre>{@code
 * Demo.Summary s = Demo.run(
 *     new Demo.Settings(Duration.ofSeconds(10), null, 42, false, Path.of("report.html")),
 *     new PrintWriter(System.out));
 * System.out.println(s.quotesPlaced() + " quotes placed, report " + s.backtest().report());
 * }</pre>
 */
public final class Demo {
  private Demo() {}

  /**
   * What to run.
   *
   * @param duration how long the live part runs
   * @param data a Binance recording to replay instead of the synthetic market, or null
   * @param seed seed of the synthetic market and of the leader's decisions
   * @param ansi whether to redraw the view in place (ANSI terminal) instead of appending frames
   * @param report where the HTML backtest report is written
   */
  public record Settings(
      Duration duration,
      @Nullable Path data,
      long seed,
      boolean ansi,
      Path report,
      @Nullable Dashboard dashboard) {
    /** Checks the duration and the report path. */
    public Settings {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(report, "report");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be > 0, was " + duration);
      }
    }

    /** Settings without the dashboard. */
    public Settings(Duration duration, @Nullable Path data, long seed, boolean ansi, Path report) {
      this(duration, data, seed, ansi, report, null);
    }
  }

  /**
   * Where the demo serves its dashboard while it runs: a control plane on 127.0.0.1 whose user
   * {@code demo} owns a market maker, a copier of the demo's leader and a scanner; the demo prints
   * its address and a one-time sign-in link.
   *
   * @param port the port (0: any free one)
   * @param dataDir the control plane's database and journals
   * @param masterKey the key of its vault (the demo's exchange keys are stored there)
   */
  public record Dashboard(int port, Path dataDir, MasterKey masterKey) {
    /** Checks the port and that the folder and key are given. */
    public Dashboard {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(masterKey, "masterKey");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
    }
  }

  /**
   * What the demo did.
   *
   * @param marketEvents market events the local venue consumed
   * @param quotesPlaced orders the market maker placed
   * @param marketMakerFills fills of the market maker's orders
   * @param marketMakerPnl the market maker's PnL after fees, in USDT
   * @param leaderTrades market orders the leader filled
   * @param leaderPosition the leader's final BTC position
   * @param copies copies the copier filled on the two followers
   * @param maxCopyLatencyMillis the slowest copy, leader fill to follower fill, in milliseconds
   * @param followerPositions final BTC positions of alice (half size) and bob (by balance)
   * @param scansCompleted primary scans the scanner finished
   * @param wallsSeen distinct large orders (walls) the scanner found
   * @param hotWalls walls in the scanner's hot pool at the end
   * @param backtest the backtest of the market maker over the same data and its report
   */
  public record Summary(
      long marketEvents,
      long quotesPlaced,
      long marketMakerFills,
      BigDecimal marketMakerPnl,
      int leaderTrades,
      BigDecimal leaderPosition,
      long copies,
      long maxCopyLatencyMillis,
      List<BigDecimal> followerPositions,
      long scansCompleted,
      int wallsSeen,
      int hotWalls,
      ReplayResult backtest) {}

  /**
   * Runs the demo and prints the live view and the summary to {@code out}.
   *
   * @throws IllegalStateException with a one-line reason if the venue or a bot does not start
   */
  public static Summary run(Settings settings, PrintWriter out) throws InterruptedException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(out, "out");
    long seed = settings.seed();
    // the market runs on while the parts start up (slow on a loaded machine) and after the end
    Duration length = settings.duration().plusSeconds(60);
    try (LiveScheduler clock = LiveScheduler.create("tradekit-demo")) {
      long start = clock.currentTimeMillis();
      try (DemoVenue venue = DemoVenue.start(settings.data(), start, length, seed)) {
        waitForBook(venue);
        Dashboard dashboard = settings.dashboard();
        try (@Nullable DemoDashboard web =
            dashboard == null ? null : DemoDashboard.start(venue, dashboard)) {
          if (web != null) {
            out.printf(
                "dashboard on %s with the demo's bots; sign in once (valid %d min) at:%n  %s%n",
                web.url(), DemoDashboard.LINK_LIFE.toMinutes(), web.link());
            out.flush();
          }
          return live(settings, out, clock, start, venue, web);
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the demo's market maker did not stop: " + e, e);
      }
    }
  }

  private static Summary live(
      Settings settings,
      PrintWriter out,
      LiveScheduler clock,
      long start,
      DemoVenue venue,
      @Nullable DemoDashboard web)
      throws InterruptedException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    long seed = settings.seed();
    Exchange mmAccount = venue.connect("mm", clock);
    Exchange leader = venue.connect("leader", clock);
    Exchange alice = venue.connect("alice", clock);
    Exchange bob = venue.connect("bob", clock);
    CopyJournal journal = CopyJournals.inMemory();
    TradeCopier copier =
        TradeCopier.builder()
            .leader(leader)
            .follower("alice", alice, CopyPolicies.fixedRatio(new BigDecimal("0.5")))
            .follower("bob", bob, CopyPolicies.proportionalToBalance())
            .journal(journal)
            .scheduler(clock)
            .build();
    MarketMaker mm = DemoMarket.marketMaker(mmAccount, clock);
    LeaderBot bot = new LeaderBot(leader, DemoMarket.SYMBOL, seed);
    WallWatch walls = new WallWatch(DemoMarket.scanner(venue.connectScanner(clock), clock));
    await(mm.start(), "the market maker did not start on " + venue.restBaseUrl());
    await(copier.start(), "the copier did not start on " + venue.restBaseUrl());
    walls.start();
    Cancellable trading = clock.scheduleAtFixedRate(bot, 1, 1, TimeUnit.SECONDS);
    // the demo's length counts from when everything runs, not from before start-up
    long running = clock.currentTimeMillis();
    long end = running + settings.duration().toMillis();
    long next = running;
    while ((next += 1000) <= end) {
      sleepUntil(clock, next);
      DemoScreen.render(out, settings, (next - running) / 1000, venue, mm.status(), bot, leader);
      if (web != null) {
        // a redrawn screen loses the lines printed before it: the link stays on it
        out.printf("  dashboard     %s%n", settings.ansi() ? web.link() : web.url());
      }
      DemoScreen.renderCopier(out, copier.stats(), alice, bob);
      walls.render(out);
    }
    trading.cancel();
    awaitCopiesSettled(copier, journal);
    CopierStats copies = copier.stats();
    copier.stop();
    walls.close();
    mm.stop().get(10, TimeUnit.SECONDS);
    MarketMakerStatus last = mm.status();
    BigDecimal leaderPosition = DemoScreen.position(leader);
    List<BigDecimal> followers = List.of(DemoScreen.position(alice), DemoScreen.position(bob));
    long events = venue.marketEvents();
    out.printf("%nBacktesting the market maker over the same data...%n");
    out.flush();
    ReplayResult replay =
        MarketMakerReport.run(settings.data(), start, settings.duration(), seed, settings.report());
    Summary summary =
        new Summary(
            events,
            last.ordersPlaced(),
            last.fills(),
            last.totalPnl().setScale(2, RoundingMode.HALF_EVEN),
            bot.trades(),
            leaderPosition,
            DemoScreen.copied(copies),
            DemoScreen.maxLatency(copies),
            followers,
            walls.scansCompleted(),
            walls.wallsSeen(),
            walls.hotCount(),
            replay);
    DemoScreen.printSummary(out, summary);
    return summary;
  }

  private static void await(java.util.concurrent.CompletableFuture<?> f, String what)
      throws InterruptedException {
    try {
      f.get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(what + ": " + cause.getMessage(), cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(what + ": no answer within 15 s", e);
    }
  }

  /**
   * Waits (up to 10 s) until the leader's last fills have arrived and every copy is finished, so
   * that the summary compares settled positions even on a slow machine.
   */
  private static void awaitCopiesSettled(TradeCopier copier, CopyJournal journal)
      throws InterruptedException {
    HistoryQuery pending = HistoryQuery.builder().status(CopyStatus.PENDING).build();
    HistoryQuery intended = HistoryQuery.builder().status(CopyStatus.INTENDED).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long seen = -1;
    int quiet = 0;
    while (quiet < 3 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      long fills = copier.stats().fillsSeen();
      boolean open = journal.count(pending) > 0 || journal.count(intended) > 0;
      quiet = fills == seen && !open ? quiet + 1 : 0;
      seen = fills;
    }
  }

  private static void waitForBook(DemoVenue venue) throws InterruptedException {
    for (int i = 0; i < 500 && venue.marketEvents() == 0; i++) {
      Thread.sleep(10);
    }
  }

  private static void sleepUntil(LiveScheduler clock, long time) throws InterruptedException {
    long wait = time - clock.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
