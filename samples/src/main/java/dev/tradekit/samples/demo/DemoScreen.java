package dev.tradekit.samples.demo;

import dev.tradekit.api.Exchange;
import dev.tradekit.api.model.Order;
import dev.tradekit.api.model.Position;
import dev.tradekit.api.model.Side;
import dev.tradekit.copier.CopierStats;
import dev.tradekit.copier.FollowerStats;
import dev.tradekit.marketmaker.MarketMakerStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the demo prints: a frame of the live view each second (market maker, leader, copier) and the
 * summary at the end, with the positions it shows read from the venue.
 *
 * <pre>{@code
 * DemoScreen.renderCopier(out, copier.stats(), alice, bob);
 * }</pre>
 */
final class DemoScreen {
  private DemoScreen() {}

  static BigDecimal position(Exchange exchange) {
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

  static void render(
      PrintWriter out,
      Demo.Settings settings,
      long second,
      DemoVenue venue,
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
            venue.marketEvents()));
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

  static long copied(CopierStats stats) {
    long n = 0;
    for (FollowerStats f : stats.followers().values()) {
      n += f.copied();
    }
    return n;
  }

  static long maxLatency(CopierStats stats) {
    long max = 0;
    for (FollowerStats f : stats.followers().values()) {
      max = Math.max(max, f.latencyMaxMillis());
    }
    return max;
  }

  static void renderCopier(PrintWriter out, CopierStats stats, Exchange alice, Exchange bob) {
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

  static void printSummary(PrintWriter out, Demo.Summary s) {
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
    out.printf(
        "  scanner            %d scans, %d walls seen, %d in the hot pool%n",
        s.scansCompleted(), s.wallsSeen(), s.hotWalls());
    ReplayResult r = s.backtest();
    out.printf(
        "  backtest (same data, virtual time): %d events, %d orders, %d fills, PnL %s USDT%n",
        r.events(), r.ordersSent(), r.fills(), r.pnl().toPlainString());
    out.printf("  report             %s%n", r.report());
    out.flush();
  }
}
