package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.api.runtime.Cancellable;
import dev.tradekit.api.runtime.LiveScheduler;
import dev.tradekit.backtest.data.MarketDataSource;
import dev.tradekit.backtest.sim.AccountSetup;
import dev.tradekit.backtest.sim.LatencyModel;
import dev.tradekit.backtest.sim.SimVenue;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.CopyJournals;
import dev.tradekit.copier.CopyPolicies;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.copier.TradeCopier;
import dev.tradekit.marketmaker.MarketMaker;
import dev.tradekit.marketmaker.MarketMakerStatus;
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
 * The demo host: a simulated venue on the wall clock, a market maker quoting on it, a leader that
 * trades now and then, a copier mirroring the leader onto two followers, a live view refreshed
 * every second and, at the end, a summary and a backtest of the same market maker over the same
 * data.
 *
 * <pre>{@code
 * Demo.Summary s = Demo.run(new Demo.Settings(Duration.ofSeconds(10), null, 42, false), new PrintWriter(System.out));
 * System.out.println(s.quotesPlaced() + " quotes placed");
 * }</pre>
 */
public final class Demo {
  private static final BigDecimal START_USDT = new BigDecimal("10000");

  private Demo() {}

  /**
   * What to run.
   *
   * @param duration how long the live part runs
   * @param data a Binance recording to replay instead of the synthetic market, or null
   * @param seed seed of the synthetic market and of the leader's decisions
   * @param ansi whether to redraw the view in place (ANSI terminal) instead of appending frames
   */
  public record Settings(Duration duration, @Nullable Path data, long seed, boolean ansi) {
    /** Checks the duration. */
    public Settings {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("duration must be > 0, was " + duration);
      }
    }
  }

  /**
   * What the demo did.
   *
   * @param marketEvents market events fed to the venue
   * @param quotesPlaced orders the market maker placed
   * @param marketMakerFills fills of the market maker's orders
   * @param marketMakerPnl the market maker's PnL after fees, in USDT
   * @param leaderTrades market orders the leader filled
   * @param leaderPosition the leader's final BTC position
   * @param copies copies the copier filled on the two followers
   * @param maxCopyLatencyMillis the slowest copy, leader fill to follower fill, in milliseconds
   * @param followerPositions final BTC positions of alice (half size) and bob (by balance)
   * @param backtest the backtest of the market maker over the same data
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
      ReplayResult backtest) {}

  /** Runs the demo and prints the live view and the summary to {@code out}. */
  public static Summary run(Settings settings, PrintWriter out) throws InterruptedException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(out, "out");
    long seed = settings.seed();
    Duration length = settings.duration().plusSeconds(5);
    try (LiveScheduler clock = LiveScheduler.create("tradekit-demo")) {
      long start = clock.currentTimeMillis();
      SimVenue venue =
          SimVenue.builder()
              .scheduler(clock)
              .instrument(DemoMarket.instrument())
              .fees(new BigDecimal("0.0002"), new BigDecimal("0.0005"))
              .orderLatency(LatencyModel.fixed(Duration.ofMillis(5)))
              .marketDataLatency(LatencyModel.zero())
              .seed(seed)
              .build();
      Exchange mmAccount = venue.openAccount("mm", AccountSetup.usdt(START_USDT));
      Exchange leader = venue.openAccount("leader", AccountSetup.usdt(START_USDT));
      Exchange alice = venue.openAccount("alice", AccountSetup.usdt(new BigDecimal("5000")));
      Exchange bob = venue.openAccount("bob", AccountSetup.usdt(new BigDecimal("20000")));
      TradeCopier copier =
          TradeCopier.builder()
              .leader(leader)
              .follower("alice", alice, CopyPolicies.fixedRatio(new BigDecimal("0.5")))
              .follower("bob", bob, CopyPolicies.proportionalToBalance())
              .journal(CopyJournals.inMemory())
              .scheduler(clock)
              .build();
      try (MarketDataSource source = DemoMarket.source(settings.data(), start, length, seed)) {
        LivePacer pacer = new LivePacer(source, venue, clock);
        Cancellable feed = clock.scheduleAtFixedRate(pacer, 0, 10, TimeUnit.MILLISECONDS);
        MarketMaker mm = DemoMarket.marketMaker(mmAccount, clock);
        LeaderBot bot = new LeaderBot(leader, DemoMarket.SYMBOL, seed);
        waitForBook(pacer);
        mm.start().get(10, TimeUnit.SECONDS);
        copier.start().get(10, TimeUnit.SECONDS);
        Cancellable trading = clock.scheduleAtFixedRate(bot, 1, 1, TimeUnit.SECONDS);
        long end = start + settings.duration().toMillis();
        long next = start;
        while ((next += 1000) <= end) {
          sleepUntil(clock, next);
          render(out, settings, (next - start) / 1000, pacer, mm.status(), bot, leader);
          renderCopier(out, copier.stats(), alice, bob);
        }
        trading.cancel();
        Thread.sleep(500); // let the last copies land
        CopierStats copies = copier.stats();
        copier.stop();
        mm.stop().get(10, TimeUnit.SECONDS);
        feed.cancel();
        MarketMakerStatus last = mm.status();
        BigDecimal leaderPosition = position(leader);
        ReplayResult replay =
            MarketMakerReplay.run(settings.data(), start, settings.duration(), seed);
        Summary summary =
            new Summary(
                pacer.processed(),
                last.ordersPlaced(),
                last.fills(),
                last.totalPnl().setScale(2, RoundingMode.HALF_EVEN),
                bot.trades(),
                leaderPosition,
                copied(copies),
                maxLatency(copies),
                List.of(position(alice), position(bob)),
                replay);
        printSummary(out, summary);
        return summary;
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the demo's market maker did not start or stop: " + e, e);
      }
    }
  }

  private static void waitForBook(LivePacer pacer) throws InterruptedException {
    for (int i = 0; i < 500 && pacer.processed() == 0; i++) {
      Thread.sleep(10);
    }
  }

  private static void sleepUntil(LiveScheduler clock, long time) throws InterruptedException {
    long wait = time - clock.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static BigDecimal position(Exchange exchange) {
    try {
      List<Position> positions = exchange.account().positions().get(5, TimeUnit.SECONDS);
      BigDecimal sum = BigDecimal.ZERO;
      for (Position p : positions) {
        if (p.symbol().equals(DemoMarket.SYMBOL)) {
          sum = sum.add(p.amount());
        }
      }
      return sum.stripTrailingZeros();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return BigDecimal.ZERO;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return BigDecimal.ZERO;
    }
  }

  private static void render(
      PrintWriter out,
      Settings settings,
      long second,
      LivePacer pacer,
      MarketMakerStatus mm,
      LeaderBot bot,
      Exchange leader) {
    StringBuilder b = new StringBuilder();
    if (settings.ansi()) {
      b.append("\033[H\033[2J");
    }
    b.append(
        String.format(
            "tradekit demo  %3ds/%ds  %s mid %s  market events %d%n",
            second,
            settings.duration().toSeconds(),
            DemoMarket.SYMBOL,
            mm.mid() == null ? "-" : mm.mid().setScale(1, RoundingMode.HALF_EVEN),
            pacer.processed()));
    b.append(
        String.format(
            "  market maker  %-6s quotes %s | %s  pos %s BTC  PnL %s USDT  fills %d  placed %d%n",
            mm.state(),
            quote(mm.openOrders(), Side.BUY),
            quote(mm.openOrders(), Side.SELL),
            mm.position().stripTrailingZeros().toPlainString(),
            mm.totalPnl().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
            mm.fills(),
            mm.ordersPlaced()));
    b.append(
        String.format(
            "  leader        trades %d  pos %s BTC%n",
            bot.trades(), position(leader).toPlainString()));
    out.print(b);
    out.flush();
  }

  private static long copied(CopierStats stats) {
    long n = 0;
    for (FollowerStats f : stats.followers().values()) {
      n += f.copied();
    }
    return n;
  }

  private static long maxLatency(CopierStats stats) {
    long max = 0;
    for (FollowerStats f : stats.followers().values()) {
      max = Math.max(max, f.latencyMaxMillis());
    }
    return max;
  }

  private static void renderCopier(
      PrintWriter out, CopierStats stats, Exchange alice, Exchange bob) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("  copier        leader fills seen %d%n", stats.fillsSeen()));
    for (FollowerStats f : stats.followers().values()) {
      b.append(
          String.format(
              "    %-6s copied %d skipped %d failed %d  latency p50 %d ms max %d ms  pos %s BTC%n",
              f.name(),
              f.copied(),
              f.skipped(),
              f.failed(),
              f.latencyP50Millis(),
              f.latencyMaxMillis(),
              position(f.name().equals("alice") ? alice : bob).toPlainString()));
    }
    out.print(b);
    out.flush();
  }

  private static String quote(List<Order> orders, Side side) {
    BigDecimal best = null;
    BigDecimal qty = BigDecimal.ZERO;
    for (Order o : orders) {
      BigDecimal p = o.price();
      if (o.side() != side || p == null) {
        continue;
      }
      if (best == null || (side == Side.BUY ? p.compareTo(best) > 0 : p.compareTo(best) < 0)) {
        best = p;
        qty = o.remainingQuantity();
      }
    }
    return best == null
        ? "-"
        : best.toPlainString() + " x" + qty.stripTrailingZeros().toPlainString();
  }

  private static void printSummary(PrintWriter out, Summary s) {
    out.printf("%nSummary%n");
    out.printf("  market events      %d%n", s.marketEvents());
    out.printf(
        "  market maker       %d quotes placed, %d fills, PnL %s USDT%n",
        s.quotesPlaced(), s.marketMakerFills(), s.marketMakerPnl().toPlainString());
    out.printf(
        "  leader             %d trades, final position %s BTC%n",
        s.leaderTrades(), s.leaderPosition().toPlainString());
    out.printf(
        "  copier             %d copies, slowest %d ms, followers at %s BTC%n",
        s.copies(), s.maxCopyLatencyMillis(), s.followerPositions());
    ReplayResult r = s.backtest();
    out.printf(
        "  backtest (same data, virtual time): %d events, %d quotes placed, %d fills, PnL %s USDT%n",
        r.events(), r.quotesPlaced(), r.fills(), r.pnl().toPlainString());
    out.flush();
  }
}
